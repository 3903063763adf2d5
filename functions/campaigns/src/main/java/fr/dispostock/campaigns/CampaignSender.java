package fr.dispostock.campaigns;

import fr.dispostock.domain.mail.BulkMailer;
import fr.dispostock.domain.mail.Campaign;
import fr.dispostock.domain.mail.CampaignStore;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Sends a campaign batch after batch (≤ 50 recipients per SES call), paced to the account's send
 * rate, with a checkpoint in DynamoDB after every call, until it is done or its time is up; the next
 * invocation resumes at the checkpoint. One sender at a time holds the campaign's lease.
 *
 * <p>Guarantee: a crash between two SES calls loses no recipient and mails none twice. A crash during
 * a call, after SES accepted the batch but before its checkpoint, resends that batch (≤ 50
 * recipients) on resume: at least once for them, never lost.
 */
@Singleton
public class CampaignSender {
    private static final Logger LOG = LoggerFactory.getLogger(CampaignSender.class);
    /** How long a sender holds a campaign without checkpointing before another may take it over. */
    public static final Duration LEASE = Duration.ofSeconds(60);
    private final CampaignStore campaigns;
    private final BulkMailer mailer;
    private final Clock clock;

    public CampaignSender(CampaignStore campaigns, BulkMailer mailer, Clock clock) {
        this.campaigns = campaigns;
        this.mailer = mailer;
        this.clock = clock;
    }

    /**
     * @param budget     how long this invocation may send
     * @param maxBatches at most this many batches (tests stop a sender between two calls with it)
     * @return true when nothing is left to send (done, or not this sender's to send)
     */
    public boolean resume(String campaignId, Duration budget, int maxBatches) {
        Campaign c = campaigns.campaign(campaignId).orElseThrow();
        if (c.status() != Campaign.Status.SENDING) {
            return true;
        }
        Instant start = Instant.now();
        if (!campaigns.lease(campaignId, clock.instant(), clock.instant().plus(LEASE))) {
            return true; // another sender works on it
        }
        String template = "dispostock-campaign-" + campaignId;
        mailer.defineTemplate(template, c.subject(), c.bodyText(), c.bodyHtml() == null ? c.bodyText() : c.bodyHtml());
        double rate = mailer.maxSendRate();
        long nextCallNanos = System.nanoTime();
        int done = 0;
        for (int batch = c.nextBatch(); batch < c.batches(); batch++) {
            if (done == maxBatches || Duration.between(start, Instant.now()).compareTo(budget) >= 0) {
                return false;
            }
            List<String> recipients = campaigns.batch(campaignId, batch);
            pace(nextCallNanos);
            // the next call may start once this one's messages fit in the rate, counted from this call's start
            nextCallNanos = Math.max(nextCallNanos, System.nanoTime() - (long) 1e9) + (long) (recipients.size() / rate * 1e9);
            int sent = mailer.sendBulk(template, recipients, Map.of("campaign", campaignId));
            if (!campaigns.checkpoint(campaignId, batch, sent, recipients.size() - sent, batch == c.batches() - 1)) {
                LOG.warn("campaign {}: batch {} checkpointed by another sender; stopping", campaignId, batch);
                return true;
            }
            campaigns.lease(campaignId, clock.instant().minus(LEASE), clock.instant().plus(LEASE));
            done++;
        }
        return true;
    }

    /** Waits until the send rate allows the next call. */
    private static void pace(long notBeforeNanos) {
        long wait = notBeforeNanos - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while pacing", e);
            }
        }
    }
}
