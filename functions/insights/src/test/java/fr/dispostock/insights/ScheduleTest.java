package fr.dispostock.insights;

import fr.dispostock.embedded.Schedules;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The insights' runs fire at the intended local times in Paris, before and after a daylight-saving
 * change: Monday 15:00 (after the 14:00 reminder of the weekly declaration), Thursday 18:00 (after the
 * day's State-stock lots).
 */
class ScheduleTest {

    private static List<Instant> instants(String... s) {
        return Arrays.stream(s).map(Instant::parse).toList();
    }

    @Test
    void the_monday_run_fires_at_15_in_paris_across_the_march_change() {
        // given March–April 2026: summer time from Sunday 29 March
        // then 15:00 Paris is 14:00 UTC before the change and 13:00 UTC after
        assertEquals(instants("2026-03-23T14:00:00Z", "2026-03-30T13:00:00Z"), Schedules.firings("InsightsRunFunction",
                "AfterWeeklyDeclarations", LocalDate.parse("2026-03-20"), LocalDate.parse("2026-04-05")));
    }

    @Test
    void the_thursday_run_fires_at_18_in_paris_across_the_october_change() {
        // given October–November 2026: winter time from Sunday 25 October
        // then 18:00 Paris is 16:00 UTC before and 17:00 UTC after
        assertEquals(instants("2026-10-22T16:00:00Z", "2026-10-29T17:00:00Z"), Schedules.firings("InsightsRunFunction",
                "AfterStateStockLots", LocalDate.parse("2026-10-20"), LocalDate.parse("2026-11-01")));
    }

    @Test
    void each_run_comes_after_what_it_reads_on_the_same_day() {
        // given the Monday of 23 November 2026 and the Thursday of 26 November
        LocalDate monday = LocalDate.parse("2026-11-23");
        LocalDate thursday = LocalDate.parse("2026-11-26");

        // then the Monday run fires after the afternoon reminder, the Thursday run after the lots' reminder
        Instant reminder = Schedules.firings("RemindersFunction", "WeeklyDeclarationAfternoon", monday, monday).get(0);
        Instant run = Schedules.firings("InsightsRunFunction", "AfterWeeklyDeclarations", monday, monday).get(0);
        assertEquals(3600, run.getEpochSecond() - reminder.getEpochSecond());
        Instant lots = Schedules.firings("RemindersFunction", "StateStockThursday", thursday, thursday).get(0);
        Instant thursdayRun = Schedules.firings("InsightsRunFunction", "AfterStateStockLots", thursday, thursday).get(0);
        assertTrue(thursdayRun.isAfter(lots), thursdayRun + " after " + lots);
    }
}
