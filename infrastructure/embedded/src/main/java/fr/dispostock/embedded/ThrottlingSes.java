package fr.dispostock.embedded;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SES behind a stub, for the answers the emulator never gives: the first {@code refusals}
 * SendBulkEmail calls get this status and error type (429 ThrottlingException, 400
 * MessageRejected…); every other request goes through to the emulator.
 */
public final class ThrottlingSes implements AutoCloseable {
    private final HttpServer server;
    private final AtomicInteger refused = new AtomicInteger();

    public ThrottlingSes(SesEmulator ses, int refusals, int status, String errorType) {
        HttpClient forward = HttpClient.newHttpClient();
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            if (path.endsWith("/outbound-bulk-emails") && refused.getAndIncrement() < refusals) {
                byte[] answer = ("{\"message\":\"" + errorType + "\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("x-amzn-ErrorType", errorType);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
                return;
            }
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ses.endpoint() + exchange.getRequestURI().toString()))
                        .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
                exchange.getRequestHeaders().forEach((name, values) -> {
                    if (name.equalsIgnoreCase("Authorization") || name.toLowerCase().startsWith("x-amz")
                            || name.equalsIgnoreCase("Content-Type")) {
                        values.forEach(v -> request.header(name, v));
                    }
                });
                HttpResponse<byte[]> r = forward.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(r.statusCode(), r.body().length == 0 ? -1 : r.body().length);
                if (r.body().length > 0) {
                    exchange.getResponseBody().write(r.body());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** How many bulk calls reached the stub so far (refused or passed on). */
    public int bulkCalls() {
        return refused.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
