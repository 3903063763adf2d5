package fr.dispostock.platform.lambda;

import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import io.micronaut.core.type.Argument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The functions' JSON, as the Lambda runtime reads events and writes answers with it, against what the
 * runtime's own serializer does with AWS's sample events (shared/data/aws-events).
 */
class LambdaJsonTest {
    private static final LambdaJson JSON = new LambdaJson();

    @Test
    void the_runtime_finds_exactly_one_serializer_in_a_function_and_it_is_this_one() {
        // given / when: what the runtime's PojoSerializerLoader does with the function's classes
        List<CustomPojoSerializer> found = ServiceLoader.load(CustomPojoSerializer.class).stream()
                .map(ServiceLoader.Provider::get).toList();

        // then: one, or the runtime refuses to start the function
        assertEquals(1, found.size(), found.toString());
        assertInstanceOf(LambdaJson.class, found.get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"apigw-v2-http-event.json", "apigw-v2-http-jwt-authorizer.json",
            "apigw-v2-http-no-authorizer.json"})
    void an_http_api_event_reads_as_the_runtime_reads_it(String sample) throws IOException {
        // given
        Path file = awsEvent(sample);
        PojoSerializer<APIGatewayV2HTTPEvent> runtime =
                LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, getClass().getClassLoader());

        // when
        APIGatewayV2HTTPEvent ours;
        APIGatewayV2HTTPEvent theirs;
        try (InputStream a = Files.newInputStream(file); InputStream b = Files.newInputStream(file)) {
            ours = JSON.fromJson(a, APIGatewayV2HTTPEvent.class);
            theirs = runtime.fromJson(b);
        }

        // then: every field alike, the authorizer's claims and the request context included
        assertEquals(theirs, ours);
        assertTrue(ours.getRequestContext().getHttp().getMethod() != null, "the HTTP method is read");
    }

    @Test
    void an_answer_is_written_with_the_names_api_gateway_reads() {
        // given
        APIGatewayV2HTTPResponse response = APIGatewayV2HTTPResponse.builder()
                .withStatusCode(422)
                .withHeaders(Map.of("Content-Type", "application/problem+json"))
                .withMultiValueHeaders(Map.of("Vary", List.of("Origin", "Accept")))
                .withCookies(List.of("a=1"))
                .withBody("eyJ0aXRsZSI6Ilx1MDBlOWNoZWMifQ==")
                .withIsBase64Encoded(true)
                .build();
        PojoSerializer<APIGatewayV2HTTPResponse> runtime =
                LambdaEventSerializers.serializerFor(APIGatewayV2HTTPResponse.class, getClass().getClassLoader());

        // when
        Map<String, Object> ours = asMap(out -> JSON.toJson(response, out, APIGatewayV2HTTPResponse.class));
        Map<String, Object> theirs = asMap(out -> runtime.toJson(response, out));

        // then
        assertEquals(theirs, ours);
        assertEquals(Map.of("statusCode", 422, "headers", Map.of("Content-Type", "application/problem+json"),
                "multiValueHeaders", Map.of("Vary", List.of("Origin", "Accept")), "cookies", List.of("a=1"),
                "body", "eyJ0aXRsZSI6Ilx1MDBlOWNoZWMifQ==", "isBase64Encoded", true), ours);
    }

    @Test
    void the_other_handlers_events_read_as_json_objects() throws IOException {
        // given: the scheduler's input of the reminders (template.yaml) and EventBridge's sample event
        String reminder = "{\"kind\":\"weekly-declaration\",\"scheduledTime\":\"2026-11-23T07:00:00Z\"}";
        Path scheduled = awsEvent("eventbridge-scheduled-event.json");

        // when
        Map<String, String> input = JSON.fromJson(reminder, Argument.mapOf(String.class, String.class).asType());
        Map<String, Object> event;
        try (InputStream in = Files.newInputStream(scheduled)) {
            event = JSON.fromJson(in, Argument.mapOf(String.class, Object.class).asType());
        }

        // then
        assertEquals(Map.of("kind", "weekly-declaration", "scheduledTime", "2026-11-23T07:00:00Z"), input);
        assertEquals("Scheduled Event", event.get("detail-type"));
        assertInstanceOf(List.class, event.get("resources"));
    }

    private interface Writer {
        void write(ByteArrayOutputStream out) throws IOException;
    }

    /** The JSON written, read back as a map; nulls left out (API Gateway reads a null as absent). */
    private static Map<String, Object> asMap(Writer writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer.write(out);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        Map<String, Object> map = JSON.fromJson(out.toString(StandardCharsets.UTF_8),
                Argument.mapOf(String.class, Object.class).asType());
        map.values().removeIf(v -> v == null);
        return map;
    }

    private static Path awsEvent(String name) {
        Path file = Path.of(System.getProperty("dispostock.root", "../.."), "..", "shared", "data", "aws-events", name)
                .normalize();
        assertTrue(Files.isRegularFile(file), "AWS sample event not found: " + file);
        return file;
    }
}
