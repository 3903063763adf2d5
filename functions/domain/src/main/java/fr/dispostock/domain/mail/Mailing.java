package fr.dispostock.domain.mail;

/**
 * A message to many, sent by one machinery whatever it is (a campaign, a reminder run): its template
 * (subject and bodies with {@code {{name}}} placeholders filled from each recipient's data), its
 * recipients fixed in batches when it was created, and its progress. {@code nextBatch} is the
 * checkpoint: the batches before it were sent.
 */
public record Mailing(MailingId id, String subject, String text, String html, Delivery delivery, Status status,
                      int recipients, int batches, int nextBatch, long sent, long failed, long bounced,
                      long suppressed) {

    /** PREPARING while its recipients are being written (never sent in that state). */
    public enum Status { PREPARING, DRAFT, SENDING, SENT }

    /** What a sender that dies during an SES call means for that batch. */
    public enum Delivery {
        /** Resent on resume (at least once, never lost): a campaign is written once. */
        AT_LEAST_ONCE,
        /** Not resent (never twice, maybe lost): a reminder comes again with the next run. */
        AT_MOST_ONCE
    }

    /** The same mailing, as created: nothing sent yet. */
    public static Mailing created(MailingId id, String subject, String text, String html, Delivery delivery,
                                  Status status, int recipients, int batches, long suppressed) {
        return new Mailing(id, subject, text, html, delivery, status, recipients, batches, 0, 0, 0, 0, suppressed);
    }
}
