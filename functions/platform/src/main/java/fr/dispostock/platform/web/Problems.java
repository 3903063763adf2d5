package fr.dispostock.platform.web;

import fr.dispostock.domain.FieldError;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** RFC 9457 problem details, the one error shape of the API. */
public final class Problems {
    public static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");

    private Problems() {
    }

    public static MutableHttpResponse<Map<String, Object>> response(HttpStatus status, String title, String detail,
                                                                    List<FieldError> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://dispostock.sante.gouv.fr/problems/" + status.getCode());
        body.put("title", title);
        body.put("status", status.getCode());
        if (detail != null) {
            body.put("detail", detail);
        }
        if (errors != null && !errors.isEmpty()) {
            body.put("errors", errors.stream()
                    .map(e -> Map.of("pointer", e.pointer(), "message", e.message()))
                    .toList());
        }
        return HttpResponse.<Map<String, Object>>status(status).contentType(PROBLEM_JSON).body(body);
    }

    // "Required argument [String finessEt] not specified", "Required Body [ProductBody body] not specified"
    private static final Pattern REQUIRED = Pattern.compile("Required (\\w+) \\[(?:[^\\]]* )?(\\w+)\\] not specified");
    // "Error decoding property [BigDecimal stock] of type [class fr.dispostock….LineBody]…"
    private static final Pattern PROPERTY = Pattern.compile("property \\[(?:[^\\]]* )?(\\w+)\\]");
    // what gives away the code: a qualified or bracketed Java type, a class, a stack frame
    private static final Pattern INTERNALS = Pattern.compile(
            "\\b(?:java|javax|jakarta|io|com|org|fr|software)\\.[a-z]|\\bclass \\w|\\$|\\[[A-Z][\\w.<>?, ]* \\w+\\]|Exception\\b");

    /**
     * A framework's or parser's message when it speaks the users' language; else the same fact without
     * the code's names (error bodies never name the code's classes).
     */
    public static String inUsersTerms(String message) {
        if (message == null || !INTERNALS.matcher(message).find()) {
            return message;
        }
        Matcher required = REQUIRED.matcher(message);
        if (required.find()) {
            return required.group(1).equalsIgnoreCase("body") ? "A JSON body is required."
                    : "The " + required.group(2) + " parameter is required.";
        }
        Matcher property = PROPERTY.matcher(message);
        String field = property.find() ? " (field " + property.group(1) + ")" : "";
        return "A value of the request could not be read" + field + ": it has the wrong type (text where a number is"
                + " expected, a list where an object is…) or is out of range.";
    }
}
