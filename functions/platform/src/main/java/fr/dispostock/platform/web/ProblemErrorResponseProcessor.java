package fr.dispostock.platform.web;

import fr.dispostock.domain.FieldError;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/**
 * The framework's own errors (no such route, unreadable JSON, wrong media type, missing query
 * parameter) in the same problem+json shape as ours.
 */
@Singleton
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Map<String, Object>> {
    @Override
    public MutableHttpResponse<Map<String, Object>> processResponse(ErrorContext context,
                                                                   MutableHttpResponse<?> base) {
        HttpStatus status = base.getStatus();
        List<FieldError> errors = context.getErrors().stream()
                .map(ProblemErrorResponseProcessor::fieldError)
                .toList();
        String detail = errors.size() == 1 ? errors.get(0).message() : null;
        MutableHttpResponse<Map<String, Object>> problem = Problems.response(status, status.getReason(), detail,
                errors.size() > 1 || errors.stream().anyMatch(e -> !e.pointer().isEmpty()) ? errors : null);
        base.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(v -> problem.header(name, v));
            }
        });
        return problem;
    }

    private static FieldError fieldError(Error error) {
        return new FieldError(error.getPath().orElse(""), Problems.inUsersTerms(error.getMessage()));
    }
}
