package fr.dispostock.domain.mail;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

/**
 * Which mailing: a campaign (its id) or a reminder run (its kind and the instant it was scheduled
 * for, which makes a schedule delivered twice the same run). The value is also the SES tag that
 * brings bounces back to it, so it holds only what a tag may: letters, digits, '-' and '_'.
 */
public record MailingId(Type type, String value) {
    private static final DateTimeFormatter RUN_INSTANT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    public enum Type {
        CAMPAIGN("CAMPAIGN#", "campaign"), REMINDER_RUN("RUN#", "run");

        private final String keyPrefix;
        private final String tag;

        Type(String keyPrefix, String tag) {
            this.keyPrefix = keyPrefix;
            this.tag = tag;
        }

        /** The SES tag name that carries the mailing's value. */
        public String tag() {
            return tag;
        }
    }

    public MailingId {
        if (type == null || value == null || !value.matches("[A-Za-z0-9_-]{1,200}")) {
            throw new IllegalArgumentException("invalid mailing id " + type + " " + value);
        }
    }

    public static MailingId campaign(String campaignId) {
        return new MailingId(Type.CAMPAIGN, campaignId);
    }

    public static MailingId reminderRun(ReminderKind kind, Instant scheduledFor) {
        return new MailingId(Type.REMINDER_RUN, kind.slug() + "_" + RUN_INSTANT.format(scheduledFor));
    }

    /** The partition of the mailing in the MailTable, e.g. {@code CAMPAIGN#<id>} or {@code RUN#weekly-declaration_20261123T070000Z}. */
    public String key() {
        return type.keyPrefix + value;
    }

    public static MailingId ofKey(String key) {
        Type type = Arrays.stream(Type.values()).filter(t -> key.startsWith(t.keyPrefix)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a mailing key: " + key));
        return new MailingId(type, key.substring(type.keyPrefix.length()));
    }

    @Override
    public String toString() {
        return key();
    }
}
