package fr.dispostock.domain.insight;

import java.util.Arrays;

/**
 * The units a PUI × item will consume over the next 1, 2 and 4 weeks, from its weekly consumption
 * (7 × the adjusted daily consumption): a level × seasonal index model written here (no maintained
 * Java library has one). The seasonal index of each week of the year is that week's ratio to the
 * mean of the 52 weeks around it, averaged over the years of history, smoothed over ±2 weeks and
 * shrunk by a quarter towards 1 (one or two years of history are a noisy estimate of a season); the
 * level is simple exponential smoothing (α = 0.1) of the deseasonalised series. Without a year of
 * history there is no index: the level alone. Parameters fixed (README, BENCHMARKS "insights-backtest").
 *
 * @param week1  units over the next week
 * @param weeks2 units over the next 2 weeks
 * @param weeks4 units over the next 4 weeks
 */
public record Forecast(double week1, double weeks2, double weeks4) {
    static final int YEAR = 52;
    static final double ALPHA = 0.1;
    static final int SMOOTHING = 2;
    static final double SHRINK = 0.75;

    /** The daily rate the forecast gives over its first 4 weeks. */
    public double daily() {
        return weeks4 / 28;
    }

    /**
     * @param weekly weekly consumption, oldest first; NaN for a week not declared (the week before
     *               stands for it; leading ones are dropped)
     */
    public static Forecast of(double[] weekly) {
        double[] ahead = path(weekly, 4);
        return new Forecast(ahead[0], ahead[0] + ahead[1], ahead[0] + ahead[1] + ahead[2] + ahead[3]);
    }

    /** The units of each of the next {@code weeks} weeks, one by one (the backtest scores them so). */
    public static double[] path(double[] weekly, int weeks) {
        double[] y = filled(weekly);
        double[] ahead = new double[weeks];
        if (y.length == 0) {
            return ahead;
        }
        double[] index = seasonalIndex(y);
        int n = y.length;
        double level = 0;
        int first = Math.min(4, n);
        for (int t = 0; t < first; t++) {
            level += y[t] / index[t % YEAR];
        }
        level /= first;
        for (int t = first; t < n; t++) {
            level = ALPHA * y[t] / index[t % YEAR] + (1 - ALPHA) * level;
        }
        for (int k = 0; k < weeks; k++) {
            ahead[k] = Math.max(0, level * index[(n + k) % YEAR]);
        }
        return ahead;
    }

    /** The series without its leading gaps, each later gap filled with the week before. */
    static double[] filled(double[] weekly) {
        int start = 0;
        while (start < weekly.length && Double.isNaN(weekly[start])) {
            start++;
        }
        double[] y = Arrays.copyOfRange(weekly, start, weekly.length);
        for (int t = 1; t < y.length; t++) {
            if (Double.isNaN(y[t])) {
                y[t] = y[t - 1];
            }
        }
        return y;
    }

    /** Each position of the year's index (by weeks since the series' start, modulo 52); all 1 without a year. */
    static double[] seasonalIndex(double[] y) {
        double[] index = new double[YEAR];
        Arrays.fill(index, 1);
        int n = y.length;
        if (n < YEAR) {
            return index;
        }
        // the mean of each window of 52 weeks, by prefix sums: O(n) however long the history
        double[] prefix = new double[n + 1];
        for (int t = 0; t < n; t++) {
            prefix[t + 1] = prefix[t] + y[t];
        }
        double[] sum = new double[YEAR];
        int[] count = new int[YEAR];
        for (int t = 0; t < n; t++) {
            int from = Math.max(0, Math.min(t - YEAR / 2, n - YEAR));
            double mean = (prefix[from + YEAR] - prefix[from]) / YEAR;
            if (mean > 0) {
                sum[t % YEAR] += y[t] / mean;
                count[t % YEAR]++;
            }
        }
        double[] raw = new double[YEAR];
        for (int i = 0; i < YEAR; i++) {
            raw[i] = count[i] == 0 ? 1 : sum[i] / count[i];
        }
        double total = 0;
        for (int i = 0; i < YEAR; i++) {
            double s = 0;
            for (int j = -SMOOTHING; j <= SMOOTHING; j++) {
                s += raw[Math.floorMod(i + j, YEAR)];
            }
            index[i] = s / (2 * SMOOTHING + 1);
            total += index[i];
        }
        double mean = total / YEAR;
        for (int i = 0; i < YEAR; i++) {
            index[i] = 1 + SHRINK * (index[i] / mean - 1);
        }
        return index;
    }
}
