package fr.dispostock.domain.mail;

import fr.dispostock.domain.InvalidValueException;

import java.util.Arrays;

/** The reminders the calendar sends (Europe/Paris): Monday, Thursday, the first Thursday of the month. */
public enum ReminderKind {
    /** Monday: the weekly declaration is not made yet (or not whole). */
    WEEKLY_DECLARATION("weekly-declaration"),
    /** Thursday: the State-stock lots held are not declared yet. */
    STATE_STOCK("state-stock"),
    /** First Thursday of the month: order day of the State stock, for PUIs that have not ordered. */
    ORDER_DAY("order-day");

    private final String slug;

    ReminderKind(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    public static ReminderKind parse(String slug) {
        return Arrays.stream(values()).filter(k -> k.slug.equals(slug)).findFirst()
                .orElseThrow(() -> new InvalidValueException("unknown reminder " + slug
                        + "; expected weekly-declaration, state-stock or order-day"));
    }
}
