package fr.dispostock.campaigns;

import fr.dispostock.domain.mail.MailingStore;
import fr.dispostock.embedded.CapturedOutput;
import fr.dispostock.embedded.DynamoDbLocalExtension;
import fr.dispostock.embedded.FakeLambdaContext;
import fr.dispostock.embedded.LambdaEvents;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import static fr.dispostock.campaigns.CampaignsFunction.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

@ExtendWith(DynamoDbLocalExtension.class)
class MailEventTest {

    /** SES's bounce event (real EventBridge JSON) for one recipient of this campaign. */
    private static Map<String, Object> bounceOf(String campaignId) throws Exception {
        try (InputStream in = MailEventTest.class.getResourceAsStream("/aws-events/ses-bounce-eventbridge.json")) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("CAMPAIGN_ID", campaignId);
            return LambdaEvents.fromJson(json, Argument.mapOf(String.class, Object.class).asType());
        }
    }

    /** The bounce handler as Lambda runs it, on one event. */
    private static void deliver(Map<String, Object> event) {
        try (MailEventHandler handler = new MailEventHandler(ApplicationContext.builder().properties(Map.of(
                "dispostock.dynamodb.endpoint", DynamoDbLocalExtension.dynamoDb().endpoint().toString()))
                .environments("function", "test"))) {
            handler.handleRequest(event, new FakeLambdaContext());
        }
    }

    private static int bounced(String campaignId) {
        return ((Number) API.call("GET", "/v1/campaigns/" + campaignId, NATIONAL, null).object().get("bounced")).intValue();
    }

    @Test
    void a_bounce_suppresses_the_address_from_later_campaigns_and_counts_against_its_campaign() throws Exception {
        // given a campaign to all PUIs, and SES's bounce event for one of its recipients
        puis();
        String id = (String) API.call("POST", "/v1/campaigns", NATIONAL, campaign("ALL", null)).object().get("campaignId");

        // when the bounce handler receives it
        deliver(bounceOf(id));

        // then the address is suppressed, the campaign counts a bounce, and the next campaign leaves it out
        MailingStore store = API.context().getBean(MailingStore.class);
        assertEquals(Set.of("pui-010000024@dispostock.invalid"), store.suppressed(Set.of("PUI-010000024@dispostock.invalid")));
        assertEquals(1, bounced(id));
        Map<String, Object> next = API.call("POST", "/v1/campaigns", NATIONAL, campaign("ALL", null)).object();
        assertEquals(131, ((Number) next.get("recipients")).intValue());
        assertEquals(1, ((Number) next.get("suppressed")).intValue());
    }

    @Test
    void a_bounce_event_delivered_again_is_counted_once() throws Exception {
        // given a campaign whose bounce event was handled once
        puis();
        String id = (String) API.call("POST", "/v1/campaigns", NATIONAL, campaign("ALL", null)).object().get("campaignId");
        Map<String, Object> event = bounceOf(id);
        deliver(event);

        // when Lambda delivers the same event again (its retry after a failure)
        try (CapturedOutput out = CapturedOutput.start()) {
            deliver(event);

            // then the campaign still counts one bounce, and no bounce is counted in the metrics again
            assertEquals(1, bounced(id));
            assertEquals(0, out.total("MailsBounced"), out.text());
        }
    }
}
