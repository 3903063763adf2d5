package fr.dispostock.reminders;

import fr.dispostock.embedded.CloudFormationYaml;
import fr.dispostock.embedded.TableDefinitions;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The schedules of template.yaml fire at the intended local times in Paris, before and after a
 * daylight-saving change (AWS's validator does not check cron expressions).
 */
class ScheduleTest {
    /** AWS cron as the template writes it: minutes, hours, ?, *, day of week (with #n), *. */
    private static final Pattern CRON = Pattern.compile("cron\\((\\d+) (\\d+) \\? \\* ([A-Z]{3})(?:#(\\d))? \\*\\)");

    @SuppressWarnings("unchecked")
    static Map<String, Object> schedule(String event) {
        Map<String, Object> resources = (Map<String, Object>) CloudFormationYaml.load(TableDefinitions.locateTemplate())
                .get("Resources");
        Map<String, Object> events = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                resources.get("RemindersFunction")).get("Properties")).get("Events");
        Map<String, Object> e = (Map<String, Object>) events.get(event);
        assertEquals("ScheduleV2", e.get("Type"), event);
        return (Map<String, Object>) e.get("Properties");
    }

    /** Every instant in [from, to] at which the schedule fires. */
    static List<Instant> firings(String event, LocalDate from, LocalDate to) {
        Map<String, Object> p = schedule(event);
        Matcher m = CRON.matcher((String) p.get("ScheduleExpression"));
        assertTrue(m.matches(), "unexpected expression " + p.get("ScheduleExpression"));
        ZoneId zone = ZoneId.of((String) p.get("ScheduleExpressionTimezone"));
        DayOfWeek day = switch (m.group(3)) {
            case "MON" -> DayOfWeek.MONDAY;
            case "THU" -> DayOfWeek.THURSDAY;
            default -> throw new AssertionError("day " + m.group(3));
        };
        List<Instant> firings = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            boolean nth = m.group(4) == null || (d.getDayOfMonth() - 1) / 7 + 1 == Integer.parseInt(m.group(4));
            if (d.getDayOfWeek() == day && nth) {
                firings.add(LocalDateTime.of(d.getYear(), d.getMonth(), d.getDayOfMonth(), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(1))).atZone(zone).toInstant());
            }
        }
        return firings;
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
