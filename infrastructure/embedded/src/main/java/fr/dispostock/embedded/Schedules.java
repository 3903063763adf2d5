package fr.dispostock.embedded;

import io.micronaut.core.type.Argument;

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

/**
 * The schedules of template.yaml (ScheduleV2 events) as EventBridge Scheduler runs them: when they
 * fire, on their time zone (AWS's validator does not check cron expressions), and the input they send
 * the function, read as the Lambda runtime reads it.
 */
public final class Schedules {
    /** AWS cron as the template writes it: minutes, hours, ?, *, day of week (with #n), *. */
    private static final Pattern CRON = Pattern.compile("cron\\((\\d+) (\\d+) \\? \\* ([A-Z]{3})(?:#(\\d))? \\*\\)");
    private static final Map<String, DayOfWeek> DAYS = Map.of("MON", DayOfWeek.MONDAY, "TUE", DayOfWeek.TUESDAY,
            "WED", DayOfWeek.WEDNESDAY, "THU", DayOfWeek.THURSDAY, "FRI", DayOfWeek.FRIDAY, "SAT", DayOfWeek.SATURDAY,
            "SUN", DayOfWeek.SUNDAY);

    private Schedules() {
    }

    /** The properties of the function's schedule event (its Type must be ScheduleV2). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> schedule(String function, String event) {
        Map<String, Object> resources = (Map<String, Object>) CloudFormationYaml.load(TableDefinitions.locateTemplate())
                .get("Resources");
        Map<String, Object> events = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                resources.get(function)).get("Properties")).get("Events");
        Map<String, Object> e = (Map<String, Object>) events.get(event);
        if (!"ScheduleV2".equals(e.get("Type"))) {
            throw new AssertionError(function + "." + event + " is a " + e.get("Type") + ", not a ScheduleV2");
        }
        return (Map<String, Object>) e.get("Properties");
    }

    /** Every instant in [from, to] at which the schedule fires. */
    public static List<Instant> firings(String function, String event, LocalDate from, LocalDate to) {
        Map<String, Object> p = schedule(function, event);
        Matcher m = CRON.matcher((String) p.get("ScheduleExpression"));
        if (!m.matches() || !DAYS.containsKey(m.group(3))) {
            throw new AssertionError("unexpected expression " + p.get("ScheduleExpression"));
        }
        ZoneId zone = ZoneId.of((String) p.get("ScheduleExpressionTimezone"));
        DayOfWeek day = DAYS.get(m.group(3));
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

    /** The input the schedule sends when it fires at that instant, as the function's handler receives it. */
    public static Map<String, String> input(String function, String event, String scheduledTime) {
        String input = ((String) schedule(function, event).get("Input"))
                .replace("<aws.scheduler.scheduled-time>", scheduledTime);
        return LambdaEvents.fromJson(input, Argument.mapOf(String.class, String.class).asType());
    }
}
