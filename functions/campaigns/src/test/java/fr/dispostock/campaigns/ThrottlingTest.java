package fr.dispostock.campaigns;

import com.sun.net.httpserver.HttpServer;
import fr.dispostock.domain.mail.CampaignStore;
import fr.dispostock.embedded.DynamoDbLocalExtension;
import fr.dispostock.platform.mail.SesBulkMailer;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static fr.dispostock.campaigns.CampaignsFunction.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SES answering "slow down" (429, ThrottlingException) is waited out with back-off, and nobody is lost or mailed twice. */
@ExtendWith(DynamoDbLocalExtension.class)
class ThrottlingTest {

    /** SES behind a stub: the first {@code refusals} bulk calls get this status and error type, the rest reach the emulator. */
    static HttpServer stub(int refusals, int status, String errorType, AtomicInteger refused) throws java.io.IOException {
        HttpClient forward = HttpClient.newHttpClient();
        HttpServer stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/", exchange -> {
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
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SES.endpoint() + exchange.getRequestURI().toString()))
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
        stub.start();
        return stub;
    }

    /** Sends a new campaign to every PUI through this SES endpoint; its progress afterwards. */
    static Map<String, Object> sendThrough(HttpServer stub) {
        String id = (String) API.call("POST", "/v1/campaigns", NATIONAL, campaign("ALL", null)).object().get("campaignId");
        API.call("POST", "/v1/campaigns/" + id + "/send", NATIONAL, null);
        Map<String, Object> properties = new HashMap<>(MAIL);
        properties.putAll(Map.of("dispostock.mail.enabled", "true", "dispostock.ses.max-send-rate", "1000",
                "dispostock.ses.endpoint", "http://127.0.0.1:" + stub.getAddress().getPort()));
        try (ApplicationContext ses = ApplicationContext.builder().properties(properties).start()) {
            assertTrue(new CampaignSender(API.context().getBean(CampaignStore.class), ses.getBean(SesBulkMailer.class),
                    Clock.systemUTC()).resume(id, Duration.ofMinutes(2), Integer.MAX_VALUE));
        } finally {
            stub.stop(0);
        }
        return API.call("GET", "/v1/campaigns/" + id, NATIONAL, null).object();
    }

    @Test
    void throttled_bulk_calls_are_retried_with_back_off_until_the_campaign_is_sent() throws Exception {
        // given SES behind a stub that throttles the first 5 bulk calls, then lets them through to the emulator
        puis();
        AtomicInteger throttled = new AtomicInteger();

        // when a campaign to every PUI is sent through it
        Map<String, Object> progress = sendThrough(stub(5, 429, "ThrottlingException", throttled));

        // then it was throttled, waited, and everyone got the mail once
        assertTrue(throttled.get() > 5, "throttled " + throttled.get());
        assertEquals(132, mailed().size());
        assertEquals(132, new HashSet<>(mailed()).size());
        assertEquals(132, ((Number) progress.get("sent")).intValue());
    }

    @Test
    void a_rejected_batch_is_counted_failed_and_the_campaign_goes_on() throws Exception {
        // given SES that rejects the first bulk call (MessageRejected), then accepts
        puis();

        // when a campaign to every PUI is sent through it
        Map<String, Object> progress = sendThrough(stub(1, 400, "MessageRejected", new AtomicInteger()));

        // then the first 50 failed, the 82 others were sent, and the campaign is done
        assertEquals("SENT", progress.get("status"));
        assertEquals(50, ((Number) progress.get("failed")).intValue());
        assertEquals(82, ((Number) progress.get("sent")).intValue());
        assertEquals(82, mailed().size());
    }
}
