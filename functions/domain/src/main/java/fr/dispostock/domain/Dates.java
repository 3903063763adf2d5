package fr.dispostock.domain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Dates as the API writes them (ISO 8601), and the time zone the calendar of the domain lives in. */
public final class Dates {
    /** Mondays, Thursdays and order days are French days. */
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private Dates() {
    }

    /**
     * The window of every date the API accepts (lots' expiry, shipments, tracking, instructions):
     * the platform's data start this century, and a date beyond it is a typo (1900, 9999), not a plan.
     */
    public static final LocalDate FIRST = LocalDate.of(2000, 1, 1);
    public static final LocalDate LAST = LocalDate.of(2099, 12, 31);

    public static LocalDate parse(String raw) {
        LocalDate date;
        try {
            date = LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("must be a date such as 2026-11-23");
        }
        if (date.isBefore(FIRST) || date.isAfter(LAST)) {
            throw new InvalidValueException("must be a date from " + FIRST + " to " + LAST);
        }
        return date;
    }
}
