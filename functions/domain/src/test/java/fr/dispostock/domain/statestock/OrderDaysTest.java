package fr.dispostock.domain.statestock;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderDaysTest {

    private static void belongs(String placedAt, String orderDay) {
        assertEquals(LocalDate.parse(orderDay), OrderDays.of(Instant.parse(placedAt)), placedAt);
    }

    @Test
    void an_order_placed_before_the_first_thursday_of_the_month_belongs_to_it() {
        // given orders placed in the days before December's order day (Thursday 3 December 2026)
        // then they belong to it, including at the very end of November in Paris
        belongs("2026-11-06T09:00:00Z", "2026-12-03"); // after November's order day (5 Nov)
        belongs("2026-11-30T22:59:59Z", "2026-12-03"); // 23:59:59 on 30 November in Paris
        belongs("2026-11-30T23:00:00Z", "2026-12-03"); // 00:00 on 1 December in Paris
        belongs("2026-12-03T10:59:59Z", "2026-12-03"); // 11:59:59 in Paris (CET, UTC+1)
    }

    @Test
    void the_cut_off_is_noon_in_paris_on_the_order_day_and_later_orders_go_to_next_month() {
        // given orders around noon on order days, in winter and in summer time
        // then noon in Paris closes the day: 11:00 UTC in winter, 10:00 UTC in summer
        belongs("2026-12-03T11:00:00Z", "2027-01-07");
        belongs("2026-10-01T09:59:59Z", "2026-10-01"); // CEST, UTC+2
        belongs("2026-10-01T10:00:00Z", "2026-11-05");
        belongs("2026-11-05T10:30:00Z", "2026-11-05"); // after the October change: CET, UTC+1
        belongs("2026-11-05T11:00:00Z", "2026-12-03");
    }

    @Test
    void daylight_saving_changes_move_the_cut_off_in_utc_not_in_paris() {
        // given April 2026: summer time starts on Sunday 29 March, the order day is Thursday 2 April
        // then the cut-off is 10:00 UTC, and a night order across the change counts for April
        assertEquals(Instant.parse("2026-04-02T10:00:00Z"), OrderDays.cutOff(LocalDate.parse("2026-04-02")));
        assertEquals(Instant.parse("2026-03-05T11:00:00Z"), OrderDays.cutOff(LocalDate.parse("2026-03-05")));
        belongs("2026-03-29T01:30:00Z", "2026-04-02"); // 03:30 CEST, just after the change
        belongs("2026-04-02T09:59:00Z", "2026-04-02");
        belongs("2026-04-02T10:00:00Z", "2026-05-07");
    }

    @Test
    void a_year_end_order_goes_to_january_and_order_days_are_first_thursdays() {
        // then orders of late December go to the first Thursday of January of the next year
        belongs("2026-12-31T22:59:00Z", "2027-01-07");
        belongs("2027-01-01T00:30:00Z", "2027-01-07");
        assertTrue(OrderDays.isOrderDay(LocalDate.parse("2027-01-07")));
        assertFalse(OrderDays.isOrderDay(LocalDate.parse("2027-01-14")));
        assertEquals(LocalDate.parse("2026-10-01"), OrderDays.firstThursday(java.time.YearMonth.of(2026, 10)));
    }
}
