package fr.dispostock.domain.mail;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where reminder runs are kept (port); their sending goes through the {@link MailingStore}. */
public interface ReminderRunStore {

    /**
     * Stores the run and its recipients, in batches, ready to send; false, writing nothing, when this
     * run (same kind, same scheduled instant) exists already.
     */
    boolean create(ReminderRun run, List<List<Recipient>> batches);

    Optional<ReminderRun> run(ReminderKind kind, Instant scheduledFor);

    /** The runs scheduled at or after this instant, oldest first. */
    List<ReminderRun> since(Instant since);
}
