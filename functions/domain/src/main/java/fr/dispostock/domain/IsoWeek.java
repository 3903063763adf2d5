package fr.dispostock.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ISO 8601 week ("2026-W48"): the unit of the weekly declaration, which opens on its Monday.
 * ISO weeks rather than calendar months or "week numbers" of a locale, because the last days of
 * December may belong to week 1 of the next year and some years have a week 53.
 */
public record IsoWeek(int year, int week) implements Comparable<IsoWeek> {

    private static final Pattern FORMAT = Pattern.compile("([0-9]{4})-W([0-9]{2})");

    public IsoWeek {
        // declarations start in this century; a year outside is a typo (0026, 20260), not a week
        if (year < 2000 || year > 2999) {
            throw new InvalidValueException("week year " + year + " is out of range (2000 to 2999)");
        }
        int weeks = weeksIn(year);
        if (week < 1 || week > weeks) {
            throw new InvalidValueException(String.format("week %04d-W%02d does not exist: %d has ISO weeks 1 to %d",
                    year, week, year, weeks));
        }
    }

    /** Strict, so that one week has one spelling in URLs, keys and files. */
    public static IsoWeek parse(String raw) {
        Matcher m = raw == null ? null : FORMAT.matcher(raw);
        if (m == null || !m.matches()) {
            throw new InvalidValueException("week " + raw + " must be written like 2026-W48 (year, -W, two-digit week)");
        }
        return new IsoWeek(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public static IsoWeek of(LocalDate day) {
        return new IsoWeek(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    // 4 January is always in week 1 and 28 December always in the last week of its ISO year
    private static int weeksIn(int year) {
        return LocalDate.of(year, 12, 28).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    public LocalDate monday() {
        return LocalDate.of(year, 1, 4)
                .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    public LocalDate sunday() {
        return monday().plusDays(6);
    }

    public IsoWeek previous() {
        return minusWeeks(1);
    }

    public IsoWeek next() {
        return minusWeeks(-1);
    }

    /** Counted on dates, so that crossing a year of 52 or 53 weeks needs no arithmetic of our own. */
    public IsoWeek minusWeeks(int weeks) {
        return of(monday().minusWeeks(weeks));
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(monday()) && !day.isAfter(sunday());
    }

    @Override
    public int compareTo(IsoWeek o) {
        return year != o.year ? Integer.compare(year, o.year) : Integer.compare(week, o.week);
    }

    @Override
    public String toString() {
        return String.format("%04d-W%02d", year, week);
    }
}
