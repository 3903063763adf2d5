package fr.dispostock.platform.mail;

import fr.dispostock.domain.mail.Mailing;
import fr.dispostock.domain.mail.ReminderRun;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * What a reminder run did, as the national operator reads it (and as the reminders function and the
 * local route answer): when, to how many, how it went.
 */
@Serdeable
public record ReminderRunView(String kind, Instant scheduledFor, Instant startedAt, String status, int recipients,
                              long sent, long failed, long bounced, long suppressed) {
    public static ReminderRunView of(ReminderRun run) {
        Mailing m = run.mailing();
        return new ReminderRunView(run.kind().slug(), run.scheduledFor(), run.startedAt(), m.status().name(),
                m.recipients(), m.sent(), m.failed(), m.bounced(), m.suppressed());
    }
}
