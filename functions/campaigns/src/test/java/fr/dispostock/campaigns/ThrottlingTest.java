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
import java.util.HashSet;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static fr.dispostock.campaigns.CampaignsFunction.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SES answering "slow down" (429, ThrottlingException) is waited out with back-off, and nobody is lost or mailed twice. */
@ExtendWith(DynamoDbLocalExtension.class)
class ThrottlingTest {

    @Test
    void throttled_bulk_calls_are_retried_with_back_off_until_the_campaign_is_sent() throws Exception {
        // given SES behind a stub that throttles the first 5 bulk calls, then lets them through to the emulator
        puis();
        AtomicInteger throttled = new AtomicInteger();
        HttpClient forward = HttpClient.newHttpClient();
        HttpServer stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            if (path.endsWith("/outbound-bulk-emails") && throttled.getAndIncrement() < 5) {
                byte[] answer = "{\"message\":\"Maximum sending rate exceeded.\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("x-amzn-ErrorType", "ThrottlingException");
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(429, answer.length);
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
        String id = (String) API.call("POST", "/v1/campaigns", NATIONAL, campaign("ALL", null)).object().get("campaignId");
        API.call("POST", "/v1/campaigns/" + id + "/send", NATIONAL, null);
        try (ApplicationContext throttling = ApplicationContext.builder().properties(Map.of(
                "dispostock.mail.enabled", "true", "dispostock.ses.endpoint", "http://127.0.0.1:" + stub.getAddress().getPort(),
                "dispostock.ses.max-send-rate", "1000")).start()) {
            SesBulkMailer mailer = throttling.getBean(SesBulkMailer.class);

            // when the campaign is sent through it
            boolean finished = new CampaignSender(API.context().getBean(CampaignStore.class), mailer, Clock.systemUTC())
                    .resume(id, Duration.ofMinutes(2), Integer.MAX_VALUE);

            // then it was throttled, waited, and everyone got the mail once
            assertTrue(finished);
            assertTrue(throttled.get() > 5, "throttled " + throttled.get());
            assertEquals(132, mailed().size());
            assertEquals(132, new HashSet<>(mailed()).size());
        } finally {
            stub.stop(0);
        }
    }
}
