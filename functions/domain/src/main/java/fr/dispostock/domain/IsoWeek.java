package fr.dispostock.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/** An ISO week ("2026-W48"), the unit of the weekly declaration that starts on its Monday. */
public record IsoWeek(int year, int week) implements Comparable<IsoWeek> {

    public IsoWeek {
        if (year < 2000 || year > 2999) {
            throw new InvalidValueException("week year " + year + " is out of range");
        }
        long weeks = LocalDate.of(year, 6, 1).range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
        if (week < 1 || week > weeks) {
            throw new InvalidValueException("week " + week + " does not exist in " + year + " (1 to " + weeks + ")");
        }
    }

    public static IsoWeek parse(String raw) {
        if (raw == null || !raw.strip().matches("[0-9]{4}-W[0-9]{2}")) {
            throw new InvalidValueException("week " + raw + " must be written like 2026-W48");
        }
        String v = raw.strip();
        return new IsoWeek(Integer.parseInt(v.substring(0, 4)), Integer.parseInt(v.substring(6)));
    }

    public static IsoWeek of(LocalDate day) {
        return new IsoWeek(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
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
        return of(monday().plusWeeks(1));
    }

    public IsoWeek minusWeeks(int weeks) {
        return of(monday().minusWeeks(weeks));
    }

    public boolean contains(LocalDate day) {
        return of(day).equals(this);
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
