package fr.dispostock.domain.insight;

import fr.dispostock.domain.IsoWeek;
import fr.dispostock.domain.Region;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The T0/M6/M12 indicators of a region, or of the nation, over a period of weeks: the weekly counts
 * ({@link WeeklyIndicators}) and the alerts' outcomes ({@link AlertOutcome}) added up. A share is null
 * when nothing was counted (no zero divides).
 *
 * @param region               null for the nation
 * @param expectedDeclarations PUI × weeks expected (the region's PUIs each week a run was made)
 * @param completeness         declarations / expected
 * @param lateness             late declarations / declarations
 * @param zeroStockShare       PUI × item weeks at zero stock / PUI × item weeks declared
 * @param medianCoverageDays   over every PUI × item week that consumed something, in whole days (the lower
 *                             middle value for an even count), capped at a year
 * @param alerts               within 7, 14 and 28 days
 * @param expiredUnits         units of State stock that expired in the PUIs' hands
 */
public record Indicators(Region region, IsoWeek from, IsoWeek to, int weeks, long expectedDeclarations,
                         long declarations, long lateDeclarations, Double completeness, Double lateness,
                         long puiItemWeeks, long zeroStockWeeks, Double zeroStockShare, Integer medianCoverageDays,
                         List<Alerts> alerts, long expiredUnits) {

    /**
     * @param raised    alerts raised within the period
     * @param evaluated those raised in the period whose horizon has passed (their outcome is known)
     * @param followed  how many of the evaluated were followed by a stock-out within the horizon
     * @param precision followed / evaluated: the alerts' measured precision
     */
    public record Alerts(int withinDays, long raised, long evaluated, long followed, Double precision) {
    }

    /** The figures of the weeks and outcomes given (those of one region, or of every region for the nation). */
    public static Indicators of(Region region, IsoWeek from, IsoWeek to, List<WeeklyIndicators> weeks,
                                List<AlertOutcome> outcomes) {
        long expected = 0, declared = 0, late = 0, lines = 0, zero = 0, expired = 0;
        long[] raised = new long[3];
        Map<Integer, Long> coverage = new TreeMap<>();
        for (WeeklyIndicators w : weeks) {
            expected += w.expectedPuis();
            declared += w.declaredPuis();
            late += w.latePuis();
            lines += w.puiItems();
            zero += w.zeroStock();
            expired += w.expiredUnits();
            raised[0] += w.alerts7();
            raised[1] += w.alerts14();
            raised[2] += w.alerts28();
            w.coverage().forEach((days, count) -> coverage.merge(days, (long) count, Long::sum));
        }
        int[] horizons = {7, 14, 28};
        List<Alerts> alerts = new ArrayList<>();
        for (int h = 0; h < horizons.length; h++) {
            int days = horizons[h];
            long evaluated = outcomes.stream().filter(o -> o.withinDays() == days).mapToLong(AlertOutcome::alerts).sum();
            long followed = outcomes.stream().filter(o -> o.withinDays() == days).mapToLong(AlertOutcome::followed).sum();
            alerts.add(new Alerts(days, raised[h], evaluated, followed, share(followed, evaluated)));
        }
        int weekCount = (int) weeks.stream().map(WeeklyIndicators::week).distinct().count();
        return new Indicators(region, from, to, weekCount, expected, declared, late, share(declared, expected),
                share(late, declared), lines, zero, share(zero, lines), median(coverage), List.copyOf(alerts), expired);
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    /** The lower middle value of the counted days: the ((n + 1) / 2)-th, n the count. */
    static Integer median(Map<Integer, Long> counts) {
        long n = counts.values().stream().mapToLong(Long::longValue).sum();
        if (n == 0) {
            return null;
        }
        long rank = (n + 1) / 2;
        long seen = 0;
        for (Map.Entry<Integer, Long> e : new TreeMap<>(counts).entrySet()) {
            seen += e.getValue();
            if (seen >= rank) {
                return e.getKey();
            }
        }
        throw new IllegalStateException("unreachable: rank " + rank + " of " + n);
    }
}
