package fr.dispostock.embedded;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import fr.dispostock.platform.erasure.PseudonymFactory;
import fr.dispostock.platform.lambda.HttpApiFunction;
import fr.dispostock.platform.lambda.LambdaContexts;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A function's real Lambda handler class ({@link HttpApiFunction}, as template.yaml names it) fed with real
 * HTTP API events, its storage on DynamoDB Local and its tokens from {@link LocalTokens}.
 */
public final class HttpApiHarness implements AutoCloseable {
    /**
     * The pseudonyms' key of the tests (in AWS a secret of the stack's, locally one of the data directory): the
     * function's configuration gives it, unless its properties name the secret ({@link SecretsManagerEmulator}).
     */
    public static final String PSEUDONYM_KEY = "test-pseudonym-key-of-at-least-32-bytes-0123456789";
    private final HttpApiFunction handler;
    private final JsonMapper json;

    /** The function as Lambda starts it on demand (no snapshot). */
    public HttpApiHarness(EmbeddedDynamoDb dynamoDb, LocalTokens tokens, Map<String, Object> extraProperties) {
        this(dynamoDb, tokens, extraProperties, "on-demand");
    }

    /**
     * @param initializationType how Lambda initialises the function ({@code AWS_LAMBDA_INITIALIZATION_TYPE}):
     *                           {@code on-demand}, {@code provisioned-concurrency} or {@code snap-start}
     */
    public HttpApiHarness(EmbeddedDynamoDb dynamoDb, LocalTokens tokens, Map<String, Object> extraProperties,
                          String initializationType) {
        AotGuard.requireNoAotClasses();
        Map<String, Object> properties = new HashMap<>(tokens.verifierProperties());
        properties.put("dispostock.dynamodb.endpoint", dynamoDb.endpoint().toString());
        properties.put("aws.lambda.initialization.type", initializationType); // as Micronaut reads Lambda's variable
        if (!extraProperties.containsKey(PseudonymFactory.SECRET_ARN)) {
            properties.put(PseudonymFactory.KEY, PSEUDONYM_KEY); // else the function reads it from the secret, as in AWS
        }
        properties.putAll(extraProperties);
        ApplicationContext context = LambdaContexts.builder(initializationType).properties(properties)
                .environments("test").build();
        this.handler = new HttpApiFunction(context);
        this.json = handler.getApplicationContext().getBean(JsonMapper.class);
    }

    /** The answer of a request, its body read as JSON when it is JSON; {@code bytes} as sent (a binary body decoded). */
    public record Response(int status, Map<String, String> headers, String body, Object json, byte[] bytes) {
        @SuppressWarnings("unchecked")
        public Map<String, Object> object() {
            return (Map<String, Object>) json;
        }

        @SuppressWarnings("unchecked")
        public List<Object> list() {
            return (List<Object>) json;
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
    }

    public Response call(String method, String pathAndQuery, String token, Object body) {
        return call(method, pathAndQuery, token, body, Map.of());
    }

    /**
     * @param body a String is sent as is (text/csv when it does not start with '{'), anything else as JSON
     */
    public Response call(String method, String pathAndQuery, String token, Object body, Map<String, String> headers) {
        Map<String, String> h = new LinkedHashMap<>();
        if (token != null) {
            h.put("Authorization", "Bearer " + token);
        }
        String text = null;
        if (body instanceof String s) {
            text = s;
            h.put("Content-Type", s.startsWith("{") ? "application/json" : "text/csv");
        } else if (body != null) {
            text = write(body);
            h.put("Content-Type", "application/json");
        }
        h.putAll(headers);
        return answer(LambdaEvents.httpApi(method, pathAndQuery, h, text));
    }

    /** A binary body (an xlsx file), base64-encoded in the event as API Gateway sends binary media. */
    public Response call(String method, String pathAndQuery, String token, byte[] body, String contentType) {
        Map<String, String> h = new LinkedHashMap<>();
        if (token != null) {
            h.put("Authorization", "Bearer " + token);
        }
        h.put("Content-Type", contentType);
        APIGatewayV2HTTPEvent event = LambdaEvents.httpApi(method, pathAndQuery, h,
                java.util.Base64.getEncoder().encodeToString(body));
        event.setIsBase64Encoded(true);
        return answer(event);
    }

    private Response answer(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = LambdaEvents.asSent(handler.handleRequest(event, new FakeLambdaContext()));
        Map<String, String> responseHeaders = response.getHeaders() == null ? Map.of() : response.getHeaders();
        String responseBody = response.getBody();
        byte[] bytes = responseBody == null ? new byte[0] : response.getIsBase64Encoded()
                ? java.util.Base64.getDecoder().decode(responseBody) : responseBody.getBytes(StandardCharsets.UTF_8);
        if (response.getIsBase64Encoded() && responseBody != null) {
            responseBody = new String(bytes, StandardCharsets.UTF_8);
        }
        Object parsed = null;
        String type = responseHeaders.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Content-Type"))
                .map(Map.Entry::getValue).findFirst().orElse("");
        if (responseBody != null && !responseBody.isEmpty() && type.contains("json")) {
            try {
                parsed = json.readValue(responseBody, Object.class);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + responseBody, e);
            }
        }
        return new Response(response.getStatusCode(), responseHeaders, responseBody, parsed, bytes);
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ApplicationContext context() {
        return handler.getApplicationContext();
    }

    @Override
    public void close() {
        handler.close();
    }
}
