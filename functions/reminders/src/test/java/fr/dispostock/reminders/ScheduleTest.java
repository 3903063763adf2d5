package fr.dispostock.reminders;

import fr.dispostock.embedded.Schedules;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The reminders' schedules of template.yaml fire at the intended local times in Paris, before and
 * after a daylight-saving change (AWS's validator does not check cron expressions).
 */
class ScheduleTest {
    private static List<Instant> firings(String event, LocalDate from, LocalDate to) {
        return Schedules.firings("RemindersFunction", event, from, to);
    }

    private static List<Instant> instants(String... s) {
        return java.util.Arrays.stream(s).map(Instant::parse).toList();
    }

    @Test
    void monday_reminders_fire_at_8_and_14_in_paris_across_the_march_change() {
        // given March–April 2026: summer time from Sunday 29 March
        // then 08:00 Paris is 07:00 UTC before the change and 06:00 UTC after; 14:00 is 13:00 then 12:00
        assertEquals(instants("2026-03-23T07:00:00Z", "2026-03-30T06:00:00Z"),
                firings("WeeklyDeclarationMorning", LocalDate.parse("2026-03-20"), LocalDate.parse("2026-04-05")));
        assertEquals(instants("2026-03-23T13:00:00Z", "2026-03-30T12:00:00Z"),
                firings("WeeklyDeclarationAfternoon", LocalDate.parse("2026-03-20"), LocalDate.parse("2026-04-05")));
    }

    @Test
    void thursday_reminders_fire_at_8_in_paris_across_the_october_change() {
        // given October–November 2026: winter time from Sunday 25 October
        // then 08:00 Paris is 06:00 UTC before and 07:00 UTC after
        assertEquals(instants("2026-10-22T06:00:00Z", "2026-10-29T07:00:00Z"),
                firings("StateStockThursday", LocalDate.parse("2026-10-20"), LocalDate.parse("2026-11-01")));
    }

    @Test
    void the_order_day_reminder_fires_on_first_thursdays_only() {
        // given the autumn of 2026
        // then 1 October, 5 November, 3 December at 08:00 Paris, and no other Thursday
        assertEquals(instants("2026-10-01T06:00:00Z", "2026-11-05T07:00:00Z", "2026-12-03T07:00:00Z"),
                firings("OrderDay", LocalDate.parse("2026-09-25"), LocalDate.parse("2026-12-31")));
    }
}
