package fr.dispostock.campaigns;

import fr.dispostock.domain.mail.MailingId;
import fr.dispostock.domain.mail.ReminderKind;
import fr.dispostock.embedded.LambdaEvents;
import io.micronaut.core.type.Argument;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MailingSenderHandlerTest {

    @Test
    void a_stream_event_kicks_each_mailing_of_its_records_once() throws IOException {
        // given the MailTable stream's event, read as the Lambda runtime reads it for the sender
        String json;
        try (InputStream in = getClass().getResourceAsStream("/aws-events/dynamodb-stream-kicks.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, Object> event = LambdaEvents.fromJson(json, Argument.mapOf(String.class, Object.class).asType());

        // when
        List<MailingId> kicked = MailingSenderHandler.kickedMailings(event);

        // then the campaign once, and the reminder run
        assertEquals(List.of(MailingId.campaign("CAMPAIGN_A"),
                MailingId.reminderRun(ReminderKind.WEEKLY_DECLARATION, Instant.parse("2026-11-23T07:00:00Z"))), kicked);
    }
}
