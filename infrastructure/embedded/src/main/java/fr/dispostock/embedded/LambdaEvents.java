package fr.dispostock.embedded;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Real API Gateway HTTP API (payload 2.0) events for handler tests: AWS's own sample request,
 * deserialized by the Lambda Java runtime's own serializer, with the method, path, headers and
 * body of the request under test.
 */
public final class LambdaEvents {
    private static final String SAMPLE = "/aws-events/apigw-v2-http-jwt-authorizer.json";

    private LambdaEvents() {
    }

    public static <T> T read(String resource, Class<T> type) {
        PojoSerializer<T> serializer = LambdaEventSerializers.serializerFor(type, LambdaEvents.class.getClassLoader());
        try (InputStream in = LambdaEvents.class.getResourceAsStream(resource)) {
            return serializer.fromJson(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
