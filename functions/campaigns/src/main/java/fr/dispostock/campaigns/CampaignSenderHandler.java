package fr.dispostock.campaigns;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import fr.dispostock.platform.lambda.LambdaContexts;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;

import java.time.Duration;

/**
 * Lambda entry of the sender: the MailTable's stream delivers the kick items (template.yaml filters
 * them); for each campaign kicked, send for at most 13 minutes (the function has 15), then kick again
 * to go on from the checkpoint in a fresh invocation.
 */
public class CampaignSenderHandler extends MicronautRequestHandler<DynamodbEvent, Void> {
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
    public Void execute(DynamodbEvent event) {
        event.getRecords().stream()
                .map(r -> r.getDynamodb().getNewImage().get("campaignId").getS())
                .distinct()
                .forEach(id -> {
                    if (!sender.resume(id, BUDGET, Integer.MAX_VALUE)) {
                        queue.kick(id);
                    }
                });
        return null;
    }
}
