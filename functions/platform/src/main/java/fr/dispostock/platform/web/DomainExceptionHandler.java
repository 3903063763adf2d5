package fr.dispostock.platform.web;

import fr.dispostock.domain.AccessDeniedException;
import fr.dispostock.domain.ConflictException;
import fr.dispostock.domain.InvalidRequestException;
import fr.dispostock.domain.InvalidValueException;
import fr.dispostock.domain.NotFoundException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the rules' exceptions into problem+json. Anything unexpected is logged with its stack
 * and answered 500 without internals.
 */
@Singleton
@Requires(classes = {ExceptionHandler.class})
public class DomainExceptionHandler implements ExceptionHandler<RuntimeException, HttpResponse<?>> {
    private static final Logger LOG = LoggerFactory.getLogger(DomainExceptionHandler.class);

    @Override
    public HttpResponse<?> handle(HttpRequest request, RuntimeException e) {
        if (e instanceof InvalidRequestException invalid) {
            return Problems.response(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid request", invalid.getMessage(),
                    invalid.errors());
        }
        if (e instanceof InvalidValueException invalid) {
            return Problems.response(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid request", invalid.getMessage(), null);
        }
        if (e instanceof AccessDeniedException) {
            return Problems.response(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage(), null);
        }
        if (e instanceof NotFoundException) {
            return Problems.response(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), null);
        }
        if (e instanceof ConflictException conflict) {
            return switch (conflict.kind()) {
                case VERSION_MISMATCH -> Problems.response(HttpStatus.PRECONDITION_FAILED, "Version mismatch",
                        e.getMessage(), null);
                case VERSION_REQUIRED -> Problems.response(HttpStatus.PRECONDITION_REQUIRED, "If-Match required",
                        e.getMessage(), null);
                case CONFLICT -> Problems.response(HttpStatus.CONFLICT, "Conflict", e.getMessage(), null);
            };
        }
        LOG.error("unexpected failure on {} {}", request.getMethod(), request.getPath(), e);
        return Problems.response(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "The request failed on our side; retrying it is safe.", null);
    }
}
