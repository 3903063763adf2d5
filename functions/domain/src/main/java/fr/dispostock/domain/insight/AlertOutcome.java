package fr.dispostock.domain.insight;

import fr.dispostock.domain.IsoWeek;
import fr.dispostock.domain.Region;

import java.util.List;
import java.util.Map;

/**
 * What became of a region's alerts within a horizon raised in a week, seen once the horizon has passed
 * (the run of {@code raised} plus 1, 2 or 4 weeks): how many were followed by a stock-out, a zero stock
 * declared on one of the Mondays within the horizon. The alerts' precision measured in real life.
 *
 * @param withinDays 7, 14 or 28: the alerts within that many days (a 7-day alert is also within 28)
 * @param alerts     how many were raised
 * @param followed   how many of them were followed by a stock-out
 */
public record AlertOutcome(Region region, IsoWeek raised, int withinDays, int alerts, int followed) {

    /**
     * @param raisedRisks the region's assessments of the week {@code raised}
     * @param series      declaration histories by {@code finessEt#itemId}, ending with the week the horizon
     *                    ended ({@code raised} plus {@code horizon.days() / 7} weeks)
     */
    public static AlertOutcome of(Region region, IsoWeek raised, ShortageRisk.Horizon horizon,
                                  List<ShortageRisk> raisedRisks, Map<String, WeeklySeries> series) {
        int weeks = horizon.days() / 7;
        int alerts = 0;
        int followed = 0;
        for (ShortageRisk r : raisedRisks) {
            if (r.horizon().within(horizon)) {
                alerts++;
                WeeklySeries s = series.get(r.finessEt().value() + "#" + r.itemId());
                if (s != null && stockOut(s, weeks)) {
                    followed++;
                }
            }
        }
        return new AlertOutcome(region, raised, horizon.days(), alerts, followed);
    }

    /** A zero stock declared on one of the last {@code weeks} Mondays of the series. */
    private static boolean stockOut(WeeklySeries s, int weeks) {
        for (int t = Math.max(0, s.weeks() - weeks); t < s.weeks(); t++) {
            if (s.declared(t) && s.stock()[t] == 0) {
                return true;
            }
        }
        return false;
    }
}
