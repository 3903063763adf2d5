package fr.dispostock.campaigns;

import fr.dispostock.domain.mail.MailingStore;
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

    @Test
    void a_bounce_suppresses_the_address_from_later_campaigns_and_counts_against_its_campaign() throws Exception {
        // given a campaign to all PUIs, and SES's bounce event for one of its recipients
        puis();
        String id = (String) API.call("POST", "/v1/campaigns", NATIONAL, campaign("ALL", null)).object().get("campaignId");
        String json;
        try (InputStream in = MailEventTest.class.getResourceAsStream("/aws-events/ses-bounce-eventbridge.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("CAMPAIGN_ID", id);
        }
        Map<String, Object> event = LambdaEvents.fromJson(json, Argument.mapOf(String.class, Object.class).asType());

        // when the bounce handler receives it
        try (MailEventHandler handler = new MailEventHandler(ApplicationContext.builder().properties(Map.of(
                "dispostock.dynamodb.endpoint", DynamoDbLocalExtension.dynamoDb().endpoint().toString()))
                .environments("function", "test"))) {
            handler.handleRequest(event, new FakeLambdaContext());
        }

        // then the address is suppressed, the campaign counts a bounce, and the next campaign leaves it out
        MailingStore store = API.context().getBean(MailingStore.class);
        assertEquals(Set.of("pui-010000024@dispostock.invalid"), store.suppressed(Set.of("PUI-010000024@dispostock.invalid")));
        assertEquals(1, ((Number) API.call("GET", "/v1/campaigns/" + id, NATIONAL, null).object().get("bounced")).intValue());
        Map<String, Object> next = API.call("POST", "/v1/campaigns", NATIONAL, campaign("ALL", null)).object();
        assertEquals(131, ((Number) next.get("recipients")).intValue());
        assertEquals(1, ((Number) next.get("suppressed")).intValue());
    }
}
