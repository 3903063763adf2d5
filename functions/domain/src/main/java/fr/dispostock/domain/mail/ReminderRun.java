package fr.dispostock.domain.mail;

import java.time.Instant;

/**
 * One run of a scheduled reminder: its kind and the instant it was scheduled for are its identity
 * (a schedule delivered twice is the same run), when it started, and its mailing.
 */
public record ReminderRun(ReminderKind kind, Instant scheduledFor, Instant startedAt, Mailing mailing) {
}
