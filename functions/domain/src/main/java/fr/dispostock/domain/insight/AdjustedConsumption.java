package fr.dispostock.domain.insight;

/**
 * The daily consumption corrected for the days at zero stock, as OpenLMIS's stock-out-adjusted
 * consumption: N = C × P / (P − X), C the consumption declared over a period of P days of which X
 * were without stock. A declared CMJ collapses during a stock-out (nothing to dispense): uncorrected,
 * it would drive forecasts and coverage down exactly when they matter.
 *
 * <p>Weekly declarations do not say X; it is estimated: a week declared at zero stock ran out after
 * the days the previous Monday's stock lasted at the reference consumption (the last week not at
 * zero stock): X = 7 − min(7, S₋₁ / reference). A week out of stock from its start (X &gt; 6: less
 * than a day of stock) teaches nothing about demand and keeps the reference. A week with stock on
 * Monday is taken as declared (a stock-out between two deliveries inside the week is not seen).
 */
public final class AdjustedConsumption {
    static final double WEEK = 7;
    /** Below one day of stock in the week, the formula would multiply noise by more than 7. */
    static final double MIN_DAYS_IN_STOCK = 1;

    private AdjustedConsumption() {
    }

    /**
     * The adjusted daily consumption of each week of the series; NaN for a week not declared (and
     * for a week at zero stock before any reference and without declared consumption).
     */
    public static double[] of(WeeklySeries series) {
        double[] adjusted = new double[series.weeks()];
        double reference = Double.NaN;
        for (int t = 0; t < series.weeks(); t++) {
            if (!series.declared(t)) {
                adjusted[t] = Double.NaN;
                continue;
            }
            double declared = series.dailyConsumption()[t];
            if (series.stock()[t] > 0) {
                adjusted[t] = declared;
                reference = declared;
                continue;
            }
            double before = t > 0 ? series.stock()[t - 1] : Double.NaN;
            if (Double.isNaN(reference) || Double.isNaN(before)) {
                adjusted[t] = Double.isNaN(reference) ? declared : Math.max(declared, reference);
                continue;
            }
            double daysInStock = reference > 0 ? Math.min(WEEK, before / reference) : WEEK;
            adjusted[t] = daysInStock < MIN_DAYS_IN_STOCK ? reference : declared * WEEK / daysInStock;
        }
        return adjusted;
    }

    /** How many declared weeks of the series ended at zero stock. */
    public static int weeksAtZeroStock(WeeklySeries series) {
        int weeks = 0;
        for (int t = 0; t < series.weeks(); t++) {
            if (series.declared(t) && series.stock()[t] <= 0) {
                weeks++;
            }
        }
        return weeks;
    }
}
