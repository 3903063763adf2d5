package fr.dispostock.campaigns;

import fr.dispostock.platform.lambda.LambdaContexts;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Lambda entry of the sender: the MailTable's stream delivers the kick items (template.yaml filters
 * them); for each campaign kicked, send for at most 13 minutes (the function has 15), then kick again
 * to go on from the checkpoint in a fresh invocation. The stream's event is read as a JSON object
 * (the function's LambdaJson knows no DynamoDB event class): of each record, the campaign id of the
 * kick item's new image.
 */
public class CampaignSenderHandler extends MicronautRequestHandler<Map<String, Object>, Void> {
    static final Duration BUDGET = Duration.ofMinutes(13);
    @Inject
    CampaignSender sender;
    @Inject
    CampaignQueue queue;

    public CampaignSenderHandler() {
    }

    /** For tests: the same handler on a context of their making. */
    public CampaignSenderHandler(ApplicationContextBuilder builder) {
        super(builder);
    }

    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        return LambdaContexts.builder();
    }

    @Override
    public Void execute(Map<String, Object> event) {
        kickedCampaigns(event).forEach(id -> {
            if (!sender.resume(id, BUDGET, Integer.MAX_VALUE)) {
                queue.kick(id);
            }
        });
        return null;
    }

    /** The campaigns of a DynamoDB stream event's records ({@code dynamodb.NewImage.campaignId.S}), once each. */
    @SuppressWarnings("unchecked")
    static List<String> kickedCampaigns(Map<String, Object> event) {
        List<Map<String, Object>> records = (List<Map<String, Object>>) event.getOrDefault("Records", List.of());
        return records.stream()
                .map(r -> (Map<String, Object>) r.get("dynamodb"))
                .map(d -> (Map<String, Object>) d.get("NewImage"))
                .map(image -> (Map<String, Object>) image.get("campaignId"))
                .map(id -> (String) id.get("S"))
                .distinct()
                .toList();
    }
}
