package fr.dispostock.domain.statestock;

import fr.dispostock.domain.Dates;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/**
 * The monthly order day of the State stock is the first Thursday of the month. Orders are
 * collected for it until its cut-off, 12:00 in Paris on that Thursday (whatever the daylight-saving
 * time: 10:00 UTC in summer, 11:00 UTC in winter); an order placed later belongs to the first
 * Thursday of the next month.
 */
public final class OrderDays {
    public static final LocalTime CUT_OFF = LocalTime.NOON;

    private OrderDays() {
    }

    public static LocalDate firstThursday(YearMonth month) {
        return month.atDay(1).with(TemporalAdjusters.firstInMonth(DayOfWeek.THURSDAY));
    }

    /** The cut-off of an order day, as an instant. */
    public static Instant cutOff(LocalDate orderDay) {
        return ZonedDateTime.of(orderDay, CUT_OFF, Dates.PARIS).toInstant();
    }

    /** The order day an order placed at this instant belongs to. */
    public static LocalDate of(Instant placedAt) {
        YearMonth month = YearMonth.from(placedAt.atZone(Dates.PARIS));
        LocalDate day = firstThursday(month);
        return placedAt.isBefore(cutOff(day)) ? day : firstThursday(month.plusMonths(1));
    }

    public static boolean isOrderDay(LocalDate day) {
        return day.equals(firstThursday(YearMonth.from(day)));
    }
}
