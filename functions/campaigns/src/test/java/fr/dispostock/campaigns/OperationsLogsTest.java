package fr.dispostock.campaigns;

import fr.dispostock.domain.BusinessMetric;
import fr.dispostock.domain.mail.BulkMailer;
import fr.dispostock.domain.mail.MailingId;
import fr.dispostock.domain.mail.MailingStore;
import fr.dispostock.embedded.CapturedOutput;
import fr.dispostock.embedded.DynamoDbLocalExtension;
import fr.dispostock.embedded.FakeLambdaContext;
import fr.dispostock.embedded.LambdaEvents;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static fr.dispostock.campaigns.CampaignsFunction.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The logs and metrics of the mail flows, as CloudWatch would receive them (stdout): JSON only, the
 * invocation's request id and cold-start flag on each record, no e-mail address anywhere, each mail
 * event counted once.
 */
@ExtendWith(DynamoDbLocalExtension.class)
class OperationsLogsTest {
    @SuppressWarnings("unchecked")
    private static Map<String, Object> sesEvent(String campaignId, String type) throws IOException {
        String json;
        try (InputStream in = OperationsLogsTest.class.getResourceAsStream("/aws-events/ses-bounce-eventbridge.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("CAMPAIGN_ID", campaignId);
        }
        Map<String, Object> event = LambdaEvents.fromJson(json, Argument.mapOf(String.class, Object.class).asType());
        if (type.equals("Complaint")) { // SES's complaint event: the same mail, its recipients under "complaint"
            Map<String, Object> detail = new HashMap<>((Map<String, Object>) event.get("detail"));
            Map<String, Object> bounce = (Map<String, Object>) detail.remove("bounce");
            detail.put("eventType", "Complaint");
            detail.put("complaint", Map.of("complainedRecipients", bounce.get("bouncedRecipients"),
                    "complaintFeedbackType", "abuse"));
            event = new HashMap<>(event);
            event.put("detail", detail);
            event.put("id", "complaint-" + event.get("id")); // an event of its own, with its own EventBridge id
        }
        return event;
    }

    @Test
    void a_campaign_its_bounce_and_complaint_log_json_with_the_request_id_and_no_address_and_count_once()
            throws IOException {
        // given every PUI (132), and a first campaign
        puis();
        String first = (String) API.call("POST", "/v1/campaigns", NATIONAL, campaign("ALL", null)).object().get("campaignId");
        FakeLambdaContext bounceInvocation = new FakeLambdaContext();

        try (CapturedOutput out = CapturedOutput.start();
             MailEventHandler handler = new MailEventHandler(ApplicationContext.builder().properties(Map.of(
                     "dispostock.dynamodb.endpoint", DynamoDbLocalExtension.dynamoDb().endpoint().toString()))
                     .environments("function", "test"))) {
            // when SES reports a bounce then a complaint of one address, and a second campaign is sent twice
            // and its sender runs twice
            handler.handleRequest(sesEvent(first, "Bounce"), bounceInvocation);
            handler.handleRequest(sesEvent(first, "Complaint"), new FakeLambdaContext());
            String second = (String) API.call("POST", "/v1/campaigns", NATIONAL, campaign("ALL", null)).object()
                    .get("campaignId");
            assertEquals(202, API.call("POST", "/v1/campaigns/" + second + "/send", NATIONAL, null).status());
            assertEquals(409, API.call("POST", "/v1/campaigns/" + second + "/send", NATIONAL, null).status());
            MailingSender sender = new MailingSender(API.context().getBean(MailingStore.class),
                    API.context().getBean(BulkMailer.class), Clock.systemUTC(),
                    API.context().getBean(BusinessMetric.Counter.class));
            assertTrue(sender.resume(MailingId.campaign(second), Duration.ofMinutes(1), Integer.MAX_VALUE));
            assertTrue(sender.resume(MailingId.campaign(second), Duration.ofMinutes(1), Integer.MAX_VALUE));

            // then every line is a JSON record (records() reads each), none holds an address, though the flows
            // handled many
            assertEquals(131, mailed().size());
            assertFalse(out.records().isEmpty());
            assertFalse(out.hasAnAddress(), out.text());
            // the bounce's log record carries its invocation's request id and the cold-start flag
            Map<String, Object> bounceLog = out.logs().stream()
                    .filter(r -> String.valueOf(r.get("message")).startsWith("Bounce")).findFirst().orElseThrow();
            assertEquals(bounceInvocation.getAwsRequestId(), bounceLog.get("function_request_id"));
            assertTrue(bounceLog.get("cold_start") instanceof Boolean, bounceLog.toString());
            // and each mail event is counted once
            assertEquals(1, out.total("MailsBounced"));
            assertEquals(1, out.total("MailsComplained"));
            assertEquals(1, out.total("MailsSuppressed"));
            assertEquals(131, out.total("MailsSent"));
            assertEquals(0, out.total("MailsFailed"));
            assertEquals("campaigns", out.metric("MailsSent").get(0).get("service"));
        }
    }
}
