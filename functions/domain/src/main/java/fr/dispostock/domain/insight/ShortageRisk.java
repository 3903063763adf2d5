package fr.dispostock.domain.insight;

import fr.dispostock.domain.Departement;
import fr.dispostock.domain.Finess;
import fr.dispostock.domain.IsoWeek;
import fr.dispostock.domain.Region;

/**
 * A PUI × item as a run of the insights saw it for a week: its declared and adjusted consumption,
 * the coverage its stock (and the supply under way) gives, the forecast of its next weeks and the
 * shortage risk, with its reasons in one sentence. A decision aid: a person decides what to do.
 *
 * @param declaredDailyConsumption the CMJ declared for the week, units per day
 * @param adjustedDailyConsumption the consumption corrected for the weeks at zero stock (AdjustedConsumption)
 * @param coverageDays             days the stock and the supply under way last at the adjusted consumption;
 *                                 null when nothing is consumed
 * @param forecast1                units forecast to be consumed over the next week, 2 and 4 weeks
 * @param incoming                 units under way (State-stock orders approved, not yet shipped)
 * @param horizon                  the nearest horizon within which a stock-out is at risk
 * @param reason                   why, in one sentence
 */
public record ShortageRisk(Finess finessEt, Finess finessEj, Region region, Departement departement, String itemId,
                           IsoWeek week, long stock, double declaredDailyConsumption, double adjustedDailyConsumption,
                           Double coverageDays, double forecast1, double forecast2, double forecast4, long incoming,
                           boolean supplyTension, Horizon horizon, String reason) {

    /** Within how many days a stock-out is at risk; NONE beyond 28 days. */
    public enum Horizon {
        DAYS_7(7), DAYS_14(14), DAYS_28(28), NONE(Integer.MAX_VALUE);

        private final int days;

        Horizon(int days) {
            this.days = days;
        }

        public int days() {
            return days;
        }

        /** Whether a risk at this horizon is also one within {@code other} (7 days is within 28). */
        public boolean within(Horizon other) {
            return this != NONE && days <= other.days;
        }
    }

    public boolean alert() {
        return horizon != Horizon.NONE;
    }
}
