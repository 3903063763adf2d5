package fr.dispostock.embedded;

import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Real Lambda events for handler tests, read and written as the Lambda Java runtime does for the
 * functions: with the one {@link CustomPojoSerializer} their classes name (the platform's LambdaJson).
 * HTTP API (payload 2.0) events are AWS's own sample request with the method, path, headers and
 * body of the request under test.
 */
public final class LambdaEvents {
    private static final String SAMPLE = "/aws-events/apigw-v2-http-jwt-authorizer.json";
    private static final CustomPojoSerializer RUNTIME_JSON = functionSerializer();

    private LambdaEvents() {
    }

    public static <T> T read(String resource, Class<T> type) {
        try (InputStream in = LambdaEvents.class.getResourceAsStream(resource)) {
            return RUNTIME_JSON.fromJson(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An event's JSON as the runtime hands it to a handler taking {@code type}. */
    public static <T> T fromJson(String json, Type type) {
        return RUNTIME_JSON.fromJson(json, type);
    }

    /** A handler's answer as it leaves the function: written to JSON by the runtime, read back. */
    public static APIGatewayV2HTTPResponse asSent(APIGatewayV2HTTPResponse response) {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        RUNTIME_JSON.toJson(response, json, APIGatewayV2HTTPResponse.class);
        return RUNTIME_JSON.fromJson(json.toString(StandardCharsets.UTF_8), APIGatewayV2HTTPResponse.class);
    }

    /** As the runtime finds it: exactly one, or the function does not start. */
    private static CustomPojoSerializer functionSerializer() {
        List<CustomPojoSerializer> found = ServiceLoader.load(CustomPojoSerializer.class, LambdaEvents.class.getClassLoader())
                .stream().map(ServiceLoader.Provider::get).toList();
        if (found.size() != 1) {
            throw new IllegalStateException("expected the functions' one CustomPojoSerializer, which the Lambda runtime takes; found " + found);
        }
        return found.get(0);
    }

    /**
     * @param pathAndQuery e.g. {@code /v1/establishments?region=84}
     * @param body         the request body, or null
     */
    public static APIGatewayV2HTTPEvent httpApi(String method, String pathAndQuery, Map<String, String> headers,
                                                String body) {
        APIGatewayV2HTTPEvent event = read(SAMPLE, APIGatewayV2HTTPEvent.class);
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        String query = q < 0 ? "" : pathAndQuery.substring(q + 1);
        event.setRouteKey("$default");
        event.setRawPath(path);
        event.setRawQueryString(query);
        event.setQueryStringParameters(query.isEmpty() ? null : queryParameters(query));
        event.setPathParameters(null);
        event.setCookies(null);
        event.setStageVariables(null);
        Map<String, String> lowerCased = new LinkedHashMap<>(); // API Gateway lower-cases header names
        headers.forEach((k, v) -> lowerCased.put(k.toLowerCase(), v));
        event.setHeaders(lowerCased);
        event.setBody(body);
        event.setIsBase64Encoded(false);
        event.getRequestContext().getHttp().setMethod(method);
        event.getRequestContext().getHttp().setPath(path);
        event.getRequestContext().setRouteKey("$default");
        return event;
    }

    private static Map<String, String> queryParameters(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.merge(k, v, (a, b) -> a + "," + b); // as API Gateway joins repeated parameters
        }
        return params;
    }
}
