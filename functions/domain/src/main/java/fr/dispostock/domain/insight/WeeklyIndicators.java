package fr.dispostock.domain.insight;

import fr.dispostock.domain.IsoWeek;
import fr.dispostock.domain.Region;
import fr.dispostock.domain.declaration.Declaration;
import fr.dispostock.domain.declaration.Line;
import fr.dispostock.domain.statestock.LotDeclaration;
import fr.dispostock.domain.statestock.LotLine;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A region's figures for one week, the raw counts of the T0/M6/M12 indicators ({@link Indicators} adds
 * them up over a period). Written by the week's latest run (Thursday's replaces Monday's, with the
 * week's lots and the corrections made since).
 *
 * @param expectedPuis the region's PUIs in the registers on the run's day
 * @param declaredPuis those that declared the week; {@code latePuis} of them after its Monday
 * @param puiItems     PUI × items declared that week; {@code zeroStock} of them at zero stock
 * @param coverage     how many PUI × items had each coverage, in whole days (rounded down, at most
 *                     {@link #COVERAGE_CAP}); those consuming nothing are left out
 * @param alerts7      alerts raised within 7 days; {@code alerts14}, {@code alerts28} within 14 and 28 (a
 *                     7-day alert counts in all three)
 * @param expiredUnits units of State stock held on the week's Thursday in lots whose expiry date falls
 *                     within the week
 */
public record WeeklyIndicators(Region region, IsoWeek week, int expectedPuis, int declaredPuis, int latePuis,
                               int puiItems, int zeroStock, Map<Integer, Integer> coverage, int alerts7,
                               int alerts14, int alerts28, long expiredUnits) {
    /** Coverage beyond a year counts as a year: the median is what matters, not the tail. */
    public static final int COVERAGE_CAP = 365;

    public WeeklyIndicators {
        coverage = Map.copyOf(coverage);
    }

    public static WeeklyIndicators of(Region region, IsoWeek week, int expectedPuis, List<Declaration> declarations,
                                      List<ShortageRisk> risks, List<LotDeclaration> lots) {
        int late = (int) declarations.stream().filter(Declaration::late).count();
        List<Line> lines = declarations.stream().flatMap(d -> d.lines().stream()).toList();
        Map<Integer, Integer> coverage = new TreeMap<>();
        for (ShortageRisk r : risks) {
            if (r.coverageDays() != null) {
                coverage.merge((int) Math.min(COVERAGE_CAP, Math.floor(r.coverageDays())), 1, Integer::sum);
            }
        }
        long expired = lots.stream().flatMap(l -> l.current().lines().stream())
                .filter(l -> l.expiry() != null && week.contains(l.expiry())).mapToLong(LotLine::quantity).sum();
        return new WeeklyIndicators(region, week, expectedPuis, declarations.size(), late, lines.size(),
                (int) lines.stream().filter(l -> l.stock() == 0).count(), coverage, alerts(risks, ShortageRisk.Horizon.DAYS_7),
                alerts(risks, ShortageRisk.Horizon.DAYS_14), alerts(risks, ShortageRisk.Horizon.DAYS_28), expired);
    }

    private static int alerts(List<ShortageRisk> risks, ShortageRisk.Horizon within) {
        return (int) risks.stream().filter(r -> r.horizon().within(within)).count();
    }
}
