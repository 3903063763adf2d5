package fr.dispostock.platform.mail;

import fr.dispostock.domain.mail.MailingId;
import fr.dispostock.domain.mail.ReminderKind;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * Every key of the MailTable, in one place: the code twin of DYNAMODB.md's key table (a mailing's
 * partition is its id, {@link MailingId#key()}; index keys {@code gsi1pk}/{@code gsi1sk}). Change a
 * layout here and there.
 */
final class MailKeys {
    /** The sort key of a mailing's own item. */
    static final String ROOT = "#";
    /** gsi1: every reminder run, by the instant it was scheduled for. */
    static final String RUNS = "RUNS";
    /** gsi1: every campaign, by creation. */
    static final String CAMPAIGNS = "CAMPAIGNS";
    /** The partition of the suppressed addresses, one sort key each. */
    static final String SUPPRESSED = "SUPPRESSED";

    private MailKeys() {
    }

    static String mailing(MailingId id) {
        return id.key();
    }

    /** The sort key of a mailing's batch of recipients (50 each), in order. */
    static String batch(int batch) {
        return String.format("BATCH#%06d", batch);
    }

    /** gsi1 under {@link #RUNS}. */
    static String run(Instant scheduledFor, ReminderKind kind) {
        return scheduledFor + "#" + kind.slug();
    }

    /** gsi1 under {@link #CAMPAIGNS}. */
    static String campaign(Instant createdAt, String campaignId) {
        return createdAt + "#" + campaignId;
    }

    /** The sort key of a suppressed address under {@link #SUPPRESSED}: the address, lower-cased. */
    static String suppressed(String email) {
        return email.toLowerCase(Locale.ROOT);
    }

    /** In a mailing's partition, the mark of one SES bounce or complaint counted (its event id and recipient). */
    static String sesEvent(String event) {
        return "SESEVENT#" + event;
    }

    /** The partition of a mailing's kicks, whose stream (filtered on this prefix) invokes the sender. */
    static String kick(MailingId id) {
        return "KICK#" + id.key();
    }

    /** A kick's sort key: a new one at every kick. */
    static String kickedAt(Instant at) {
        return at + "#" + UUID.randomUUID();
    }
}
