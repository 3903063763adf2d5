package fr.dispostock.embedded;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fr.dispostock.platform.erasure.PseudonymFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Secrets Manager's {@code GetSecretValue}, in-process, for the real SDK client pointed at it (no emulator
 * of the project's set serves Secrets Manager): its JSON 1.1 protocol as AWS speaks it, a POST whose
 * {@code X-Amz-Target} is {@code secretsmanager.GetSecretValue} and whose body names {@code SecretId}, the
 * answer the secret's ARN, name and string; an unknown secret is AWS's {@code ResourceNotFoundException},
 * any other operation {@code UnknownOperationException}.
 */
public final class SecretsManagerEmulator implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_1_1 = "application/x-amz-json-1.1";
    private final Map<String, String> secrets;
    private final HttpServer server;
    private final AtomicInteger reads = new AtomicInteger();

    /** @param secrets each secret's string by its ARN ({@link #arn}) */
    public SecretsManagerEmulator(Map<String, String> secrets) {
        this.secrets = Map.copyOf(secrets);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.start();
    }

    /**
     * The ARN of the stack's secret of that logical id, as the tests name it: AWS appends six random characters
     * to the name; the partition, region and account are infrastructure/template's placeholders, so that the
     * ARNs the tests call and those the template's policies grant meet (as tables meet by their logical ids).
     */
    public static String arn(String logicalId) {
        return "arn:aws:secretsmanager:eu-west-3:123456789012:secret:" + logicalId + "-Tst6ch";
    }

    /** The emulator of the function tests, holding the tests' pseudonym key as the stack's secret does. */
    public static SecretsManagerEmulator shared() {
        return Shared.EMULATOR;
    }

    /**
     * A function's properties plus what it is given in AWS instead of the key (DISPOSTOCK_PSEUDONYM_SECRET_ARN),
     * the shared emulator standing for Secrets Manager: the function reads the tests' key from it.
     */
    public static Map<String, Object> withPseudonymKeySecret(Map<String, ?> properties) {
        Map<String, Object> all = new LinkedHashMap<>(properties);
        all.put(PseudonymFactory.SECRET_ARN, arn("PseudonymKey"));
        all.put(PseudonymFactory.ENDPOINT, shared().endpoint().toString());
        return all;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** How many GetSecretValue requests were answered (found or not). */
    public int reads() {
        return reads.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            if (!"POST".equals(exchange.getRequestMethod()) || !"secretsmanager.GetSecretValue".equals(target)) {
                send(exchange, 400, error("UnknownOperationException", "not emulated: " + target));
                return;
            }
            reads.incrementAndGet();
            Object secretId = JSON.readValue(exchange.getRequestBody(), Map.class).get("SecretId");
            String value = secrets.get(String.valueOf(secretId));
            if (value == null) {
                send(exchange, 400, error("ResourceNotFoundException", "Secrets Manager can't find the specified secret."));
                return;
            }
            String arn = String.valueOf(secretId);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("ARN", arn);
            body.put("Name", arn.substring(arn.indexOf(":secret:") + 8, arn.length() - 7));
            body.put("SecretString", value);
            body.put("VersionId", "00000000-0000-0000-0000-000000000001");
            body.put("VersionStages", new String[]{"AWSCURRENT"});
            body.put("CreatedDate", Instant.parse("2026-01-01T00:00:00Z").getEpochSecond());
            send(exchange, 200, body);
        }
    }

    private static Map<String, Object> error(String type, String message) {
        return Map.of("__type", type, "message", message);
    }

    private static void send(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", JSON_1_1);
        if (status != 200) {
            exchange.getResponseHeaders().add("x-amzn-ErrorType", String.valueOf(body.get("__type")));
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** Started on first use, stopped with the test JVM. */
    private static final class Shared {
        static final SecretsManagerEmulator EMULATOR = new SecretsManagerEmulator(
                Map.of(arn("PseudonymKey"), HttpApiHarness.PSEUDONYM_KEY));

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(EMULATOR::close));
        }
    }
}
