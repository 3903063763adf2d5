package fr.dispostock.local;

import fr.dispostock.campaigns.MailingSender;
import fr.dispostock.domain.mail.MailingId;
import fr.dispostock.domain.mail.MailingQueue;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * On the local platform a mailing (campaign or reminder run) is sent by a background thread of the
 * platform itself, to the outbox.
 */
@Singleton
@Requires(env = "local")
public class LocalMailingQueue implements MailingQueue {
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "mailing-sender");
        t.setDaemon(true);
        return t;
    });
    private final Provider<MailingSender> sender;

    public LocalMailingQueue(Provider<MailingSender> sender) {
        this.sender = sender;
    }

    @Override
    public void kick(MailingId id) {
        background.execute(() -> {
            while (!sender.get().resume(id, Duration.ofMinutes(1), Integer.MAX_VALUE)) {
                // a minute at a time, as the sender function would: resumed from the checkpoint
            }
        });
    }
}
