package fr.dispostock.campaigns;

import fr.dispostock.domain.BusinessMetric;
import fr.dispostock.domain.mail.BulkMailer;
import fr.dispostock.domain.mail.Mailing;
import fr.dispostock.domain.mail.MailingId;
import fr.dispostock.domain.mail.MailingStore;
import fr.dispostock.domain.mail.Recipient;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sends a mailing (a campaign, a reminder run) batch after batch (≤ 50 recipients per SES call, each
 * with its own template data), paced to the account's send rate, with a checkpoint in DynamoDB after
 * every call, until it is done or its time is up; the next invocation resumes at the checkpoint. One
 * sender at a time holds the mailing's lease.
 *
 * <p>Guarantee: a crash between two SES calls loses no recipient and mails none twice. A crash during
 * a call, after SES accepted the batch but before its checkpoint, resends that batch (≤ 50
 * recipients) on resume for an {@link Mailing.Delivery#AT_LEAST_ONCE} mailing (campaigns); for an
 * {@link Mailing.Delivery#AT_MOST_ONCE} one (reminder runs) the batch is claimed before the call and
 * a claimed batch is not sent again: counted failed, never twice.
 */
@Singleton
public class MailingSender {
    private static final Logger LOG = LoggerFactory.getLogger(MailingSender.class);
    /** How long a sender holds a mailing without checkpointing before another may take it over. */
    public static final Duration LEASE = Duration.ofSeconds(60);
    private final MailingStore mailings;
    private final BulkMailer mailer;
    private final Clock clock;
    private final BusinessMetric.Counter metrics;

    public MailingSender(MailingStore mailings, BulkMailer mailer, Clock clock, BusinessMetric.Counter metrics) {
        this.mailings = mailings;
        this.mailer = mailer;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * @param budget     how long this invocation may send
     * @param maxBatches at most this many batches (tests stop a sender between two calls with it)
     * @return true when nothing is left to send (done, or not this sender's to send)
     */
    public boolean resume(MailingId id, Duration budget, int maxBatches) {
        Mailing m = mailings.mailing(id).orElseThrow();
        if (m.status() != Mailing.Status.SENDING) {
            return true;
        }
        String holder = UUID.randomUUID().toString();
        if (!mailings.lease(id, holder, clock.instant(), clock.instant().plus(LEASE))) {
            return true; // another sender works on it
        }
        try {
            return send(m, id, holder, budget, maxBatches);
        } catch (RuntimeException e) {
            // SES or DynamoDB failed: the retry of this invocation must find the mailing free, not wait out a lease
            mailings.release(id, holder);
            throw e;
        }
    }

    private boolean send(Mailing m, MailingId id, String holder, Duration budget, int maxBatches) {
        Instant start = Instant.now();
        String template = templateName(m);
        mailer.defineTemplate(template, m.subject(), m.text(), m.html());
        double rate = mailer.maxSendRate();
        Map<String, String> tags = Map.of(id.type().tag(), id.value());
        long nextCallNanos = System.nanoTime();
        int done = 0;
        for (int batch = m.nextBatch(); batch < m.batches(); batch++) {
            if (done == maxBatches) {
                return false;
            }
            if (Duration.between(start, Instant.now()).compareTo(budget) >= 0) {
                mailings.release(id, holder); // out of time: the invocation kicked next goes on at once
                return false;
            }
            List<Recipient> recipients = mailings.batch(id, batch);
            pace(nextCallNanos);
            // the next call may start once this one's messages fit in the rate, counted from this call's start
            nextCallNanos = Math.max(nextCallNanos, System.nanoTime() - (long) 1e9) + (long) (recipients.size() / rate * 1e9);
            int sent = 0;
            if (m.delivery() == Mailing.Delivery.AT_MOST_ONCE && !mailings.claim(id, batch)) {
                LOG.warn("{}: batch {} was being sent by a sender that stopped; not sent again", id, batch);
            } else {
                sent = mailer.sendBulk(template, recipients, tags);
            }
            if (!mailings.checkpoint(id, batch, sent, recipients.size() - sent, batch == m.batches() - 1)) {
                LOG.warn("{}: batch {} checkpointed by another sender; stopping", id, batch);
                return true;
            }
            metrics.count(BusinessMetric.MAILS_SENT, sent);
            metrics.count(BusinessMetric.MAILS_FAILED, recipients.size() - sent);
            if (!mailings.lease(id, holder, clock.instant(), clock.instant().plus(LEASE))) {
                LOG.warn("{}: the lease went to another sender after batch {}; stopping", id, batch);
                return true;
            }
            done++;
        }
        LOG.info("{}: all {} batches done", id, m.batches());
        return true;
    }

    /** Named after its content: the same message again reuses its template, another one gets its own. */
    static String templateName(Mailing m) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {m.subject(), m.text(), m.html() == null ? "" : m.html()}) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return "dispostock-" + HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
