package fr.dispostock.platform.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.io.IOException;

/**
 * A JSON body is one JSON value: {@code {"lines":[…]} garbage} or two objects in a row are
 * refused (400), where the framework's reader would stop after the first value and take the rest
 * for nothing. Runs after the token check (a stranger learns nothing of the body rules).
 */
@ServerFilter("/v1/**")
@Order(100)
public class SingleJsonValueFilter {
    private static final JsonFactory JSON = JsonFactory.builder().build();

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
            // not JSON, or trailing text that is not JSON either: said in the same words
            return Problems.response(HttpStatus.BAD_REQUEST, "Bad request", "The body is not well-formed JSON"
                    + where(e) + ".", null);
        }
    }

    private static String where(IOException e) {
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException p && p.getLocation() != null) {
            return " (line " + p.getLocation().getLineNr() + ", column " + p.getLocation().getColumnNr() + ")";
        }
        return "";
    }
}
