package fr.dispostock.platform.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON body, FHIR's included, is one JSON value naming each property once per object, checked here
 * for every route, before any reader: what breaks it is a 400 (the body cannot be read as one value;
 * a 422 says what a readable body holds that the rules refuse). {@code {"lines":[…]} garbage}, two
 * objects in a row, a body cut short, nested or numbered past the JSON reader's limits, a property
 * twice (where the framework's reader would stop after the first value, or keep the last of the two,
 * and take the rest for nothing). Runs after the token check (a stranger learns nothing of the body rules).
 */
@ServerFilter("/v1/**")
@Order(100)
public class SingleJsonValueFilter {
    private static final JsonFactory JSON = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    /** Jackson's words for a property twice (its JsonParseException's message, stable since 2.3). */
    private static final Pattern TWICE = Pattern.compile("Duplicate field '(.*)'");

    @RequestFilter
    @Nullable
    public HttpResponse<?> requireOneValue(HttpRequest<?> request, @Nullable @Body String body) {
        boolean json = request.getContentType().map(t -> t.getSubtype().endsWith("json")).orElse(false);
        if (!json || body == null || body.isBlank()) {
            return null;
        }
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() == null) {
                return null;
            }
            parser.skipChildren();
            JsonToken after = parser.nextToken();
            if (after == null) {
                return null;
            }
            return Problems.response(HttpStatus.BAD_REQUEST, "Bad request", "The JSON body goes on after its first value"
                    + " (at character " + (parser.currentTokenLocation().getCharOffset() + 1) + "): send exactly one"
                    + " JSON object.", null);
        } catch (IOException e) {
            return Problems.response(HttpStatus.BAD_REQUEST, "Bad request", unreadable(e), null);
        }
    }

    /** A property twice, by its name; anything else (not JSON, trailing text that is not JSON either) in the same words. */
    private static String unreadable(IOException e) {
        String message = e instanceof JsonProcessingException p ? p.getOriginalMessage() : null;
        Matcher twice = TWICE.matcher(message == null ? "" : message);
        return twice.matches() ? "The JSON body names '" + twice.group(1) + "' twice in one object" + where(e)
                + ": send each property once." : "The body is not well-formed JSON" + where(e) + ".";
    }

    private static String where(IOException e) {
        if (e instanceof JsonProcessingException p && p.getLocation() != null) {
            return " (line " + p.getLocation().getLineNr() + ", column " + p.getLocation().getColumnNr() + ")";
        }
        return "";
    }
}
