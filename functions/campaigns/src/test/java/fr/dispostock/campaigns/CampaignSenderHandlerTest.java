package fr.dispostock.campaigns;

import fr.dispostock.embedded.LambdaEvents;
import io.micronaut.core.type.Argument;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CampaignSenderHandlerTest {

    @Test
    void a_stream_event_kicks_each_campaign_of_its_records_once() throws IOException {
        // given the MailTable stream's event, read as the Lambda runtime reads it for the sender
        String json;
        try (InputStream in = getClass().getResourceAsStream("/aws-events/dynamodb-stream-kicks.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, Object> event = LambdaEvents.fromJson(json, Argument.mapOf(String.class, Object.class).asType());

        // when
        List<String> kicked = CampaignSenderHandler.kickedCampaigns(event);

        // then
        assertEquals(List.of("CAMPAIGN_A", "CAMPAIGN_B"), kicked);
    }
}
