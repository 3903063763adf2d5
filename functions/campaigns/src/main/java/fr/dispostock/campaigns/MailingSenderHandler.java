package fr.dispostock.campaigns;

import fr.dispostock.domain.mail.MailingId;
import fr.dispostock.domain.mail.MailingQueue;
import fr.dispostock.platform.lambda.EventHandler;
import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Lambda entry of the sender of every mailing (campaigns and reminder runs): the MailTable's stream
 * delivers the kick items (template.yaml filters them); the mailings kicked share one budget of 13
 * minutes (the function has 15, whatever the batch holds): a mailing left unfinished when it runs out
 * is kicked again, to go on from its checkpoint in a fresh invocation.
 * The stream's event is read as a JSON object (the function's LambdaJson knows no DynamoDB event
 * class): of each record, the mailing of the kick item's new image.
 */
public class MailingSenderHandler extends EventHandler<Map<String, Object>, Void> {
    static final Duration BUDGET = Duration.ofMinutes(13);
    @Inject
    MailingSender sender;
    @Inject
    MailingQueue queue;

    public MailingSenderHandler() {
    }

    /** For tests: the same handler on a context of their making. */
    public MailingSenderHandler(ApplicationContextBuilder builder) {
        super(builder);
    }

    @Override
    protected Void handle(Map<String, Object> event) {
        Instant deadline = Instant.now().plus(BUDGET);
        kickedMailings(event).forEach(id -> {
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative() || left.isZero() || !sender.resume(id, left, Integer.MAX_VALUE)) {
                queue.kick(id);
            }
        });
        return null;
    }

    /** The mailings of a DynamoDB stream event's records ({@code dynamodb.NewImage.mailing.S}), once each. */
    @SuppressWarnings("unchecked")
    static List<MailingId> kickedMailings(Map<String, Object> event) {
        List<Map<String, Object>> records = (List<Map<String, Object>>) event.getOrDefault("Records", List.of());
        return records.stream()
                .map(r -> (Map<String, Object>) r.get("dynamodb"))
                .map(d -> (Map<String, Object>) d.get("NewImage"))
                .map(image -> (Map<String, Object>) image.get("mailing"))
                .map(id -> MailingId.ofKey((String) id.get("S")))
                .distinct()
                .toList();
    }
}
