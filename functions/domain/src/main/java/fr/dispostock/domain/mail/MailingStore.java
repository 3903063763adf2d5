package fr.dispostock.domain.mail;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Where mailings, their recipients, their progress and the suppressed addresses are kept (port). */
public interface MailingStore {

    Optional<Mailing> mailing(MailingId id);

    /**
     * Takes (or extends) the mailing's sending lease for {@code holder} until that instant, if no
     * other sender holds one: only one sender works on a mailing at a time.
     */
    boolean lease(MailingId id, String holder, Instant now, Instant until);

    /** Gives the lease back, if {@code holder} still holds it: the next sender may start at once. */
    void release(MailingId id, String holder);

    List<Recipient> batch(MailingId id, int batch);

    /**
     * Marks a batch as being sent, only if the checkpoint is at it and it was not marked before: false
     * when a sender already started sending it (and died before its checkpoint).
     */
    boolean claim(MailingId id, int batch);

    /**
     * Records that a batch went out (sent and failed counts) and moves the checkpoint past it, in one
     * write, only if the checkpoint is still at that batch; the last batch marks the mailing SENT.
     */
    boolean checkpoint(MailingId id, int batch, int sent, int failed, boolean last);

    /** Which of these addresses bounced or complained before (lower case). */
    Set<String> suppressed(Collection<String> emails);

    void suppress(String email, String reason);

    /**
     * Counts a bounce or a complaint against the mailing the mail came from (both in its {@code bounced}),
     * once per {@code event} (SES's event id and the recipient's place in it): a redelivered event counts nothing.
     *
     * @return whether it was counted now (false: counted before, or no such mailing)
     */
    boolean countBounceOrComplaint(MailingId id, String event);
}
