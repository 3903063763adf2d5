package fr.dispostock.local;

import fr.dispostock.campaigns.CampaignQueue;
import fr.dispostock.campaigns.CampaignSender;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** On the local platform a campaign is sent by a background thread of the platform itself, to the outbox. */
@Singleton
@Requires(env = "local")
public class LocalCampaignQueue implements CampaignQueue {
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "campaign-sender");
        t.setDaemon(true);
        return t;
    });
    private final Provider<CampaignSender> sender;

    public LocalCampaignQueue(Provider<CampaignSender> sender) {
        this.sender = sender;
    }

    @Override
    public void kick(String campaignId) {
        background.execute(() -> {
            while (!sender.get().resume(campaignId, Duration.ofMinutes(1), Integer.MAX_VALUE)) {
                // a minute at a time, as the sender function would: resumed from the checkpoint
            }
        });
    }
}
