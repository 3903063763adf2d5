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

    public static LocalDate parse(String raw) {
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("must be a date such as 2026-11-23");
        }
    }
}
