package fr.dispostock.platform.fhir;

import io.micronaut.core.annotation.Order;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A FHIR client gets its errors as FHIR: every problem+json answer to a request that sends or asks
 * for {@code application/fhir+json} becomes an {@code OperationOutcome} with the same status, one
 * issue per bad element with its FHIRPath expression (the rules' JSON pointers read back into the
 * body sent, {@link Fhir#EXPRESSIONS}). First of the filters, so that it also sees the answers of
 * the token check and of the JSON check.
 */
@ServerFilter("/v1/**")
@Order(-1000)
public class FhirOutcomeFilter {
    private final JsonMapper json;

    public FhirOutcomeFilter(JsonMapper json) {
        this.json = json;
    }

    @ResponseFilter
    @SuppressWarnings("unchecked")
    public HttpResponse<?> outcome(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.code() < 400 || !Fhir.spoken(request) || !(response.body() instanceof Map<?, ?> problem)) {
            return response;
        }
        Map<String, String> expressions = request.getAttribute(Fhir.EXPRESSIONS, Map.class).orElse(Map.of());
        MutableHttpResponse<String> outcome = Fhir.response(response.status(),
                of(response.status(), (Map<String, Object>) problem, expressions), json);
        response.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> outcome.header(name, value));
            }
        });
        return outcome;
    }

    /** The OperationOutcome of a problem: its field errors as issues (one per element), else its detail. */
    static Map<String, Object> of(HttpStatus status, Map<String, Object> problem, Map<String, String> expressions) {
        String code = code(status.getCode());
        List<Map<String, Object>> issues = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        if (problem.get("errors") instanceof List<?> errors) {
            for (Object e : errors) {
                Map<?, ?> error = (Map<?, ?>) e;
                String pointer = String.valueOf(error.get("pointer"));
                String expression = expressions.getOrDefault(pointer, pointer);
                if (seen.add(expression)) { // one issue per element: a value unreadable is not also "required"
                    issues.add(issue(code, expression.startsWith("InventoryReport")
                            ? String.valueOf(error.get("message"))
                            : pointer + ": " + error.get("message"), expression));
                }
            }
        }
        if (issues.isEmpty()) {
            Object detail = problem.getOrDefault("detail", problem.get("title"));
            issues.add(issue(code, String.valueOf(detail), null));
        }
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("resourceType", "OperationOutcome");
        outcome.put("issue", issues);
        return outcome;
    }

    private static Map<String, Object> issue(String code, String diagnostics, String expression) {
        Map<String, Object> issue = new LinkedHashMap<>();
        issue.put("severity", "error");
        issue.put("code", code);
        issue.put("diagnostics", diagnostics);
        if (expression != null && expression.startsWith("InventoryReport")) {
            issue.put("expression", List.of(expression));
        }
        return issue;
    }

    /** FHIR's issue type for an HTTP status (http://hl7.org/fhir/issue-type). */
    private static String code(int status) {
        return switch (status) {
            case 400 -> "structure";
            case 401 -> "login";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 409, 412, 428 -> "conflict";
            case 413 -> "too-long";
            case 415 -> "not-supported";
            case 422 -> "invalid";
            case 429 -> "throttled";
            default -> status >= 500 ? "exception" : "processing";
        };
    }
}
