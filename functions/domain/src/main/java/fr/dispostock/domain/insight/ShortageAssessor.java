package fr.dispostock.domain.insight;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The shortage risk of a PUI × item, with its reasons in one sentence. The days its stock and the
 * units under way last along the forecast (from the adjusted consumption) say when it would run out
 * if nothing more arrived. Whether something more arrives is what the supply signals say: with the
 * national supply declared tense, or with no delivery seen in its declarations for much longer than
 * its usual interval, or with last week's delivery missing (its stock was as low as when its
 * deliveries usually come, and none came), nothing is expected and a stock-out is at risk within 14
 * or 28 days when the stock lasts less; with a normal supply the PUI's own orders come in time.
 * Within 7 days, the stock must fall short of next week's forecast by more than the week's usual
 * variation allows: half a spread with a supply signal, a whole spread with a normal supply (the
 * PUI's order, placed now, arrives in a few days unless the stock is far too short); a PUI with
 * nothing left and a demand ahead is out already: within 7 days. A stock lasting under 7 days
 * without being that short is at risk within 14.
 */
public final class ShortageAssessor {
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** A week without a delivery: the stock did not rise above what was consumed by more than this share of a week. */
    static final double DELIVERY_SHARE = 0.5;
    /** Weeks without delivery, as a multiple of the usual interval between deliveries, that make a stall. */
    static final double STALL_FACTOR = 2;
    static final int MIN_STALL_WEEKS = 3;
    /** Deliveries seen before the last week, at the least, to know at what stock this PUI's deliveries come. */
    static final int MIN_DELIVERIES_SEEN = 3;
    /** The weeks of adjusted consumption a Monday's stock is counted in weeks of (the last 8: two months). */
    static final int COVER_WEEKS = 8;
    /**
     * Last week's delivery is missing when none came and the stock was as low as on this share of the
     * Mondays its past deliveries followed (0.5: the median).
     */
    public static final double USUAL_SHARE = 0.5;
    /** The weeks whose adjusted consumption measures how much a week's demand varies (a quarter). */
    static final int SPREAD_WEEKS = 13;
    /**
     * How far short of next week's forecast, in weekly spreads, the stock must be for a stock-out
     * within 7 days, with and without a supply signal. Chosen on the backtest's tuning weeks, never
     * its test weeks (BENCHMARKS.md "insights-backtest", which says whether these are still its choice).
     */
    public static final double Z_SUPPLY_SIGNAL = 0.5;
    public static final double Z_NORMAL_SUPPLY = 1.0;

    /**
     * @param incoming units under way (State-stock orders approved, not yet shipped)
     * @param tension  the supply tension declared for the item, if any
     */
    public ShortageRisk assess(PuiItem p, WeeklySeries series, long incoming, Optional<SupplyTension.Tension> tension) {
        double[] adjusted = AdjustedConsumption.of(series);
        double daily = last(adjusted);
        double[] weekly = new double[adjusted.length];
        for (int t = 0; t < weekly.length; t++) {
            weekly[t] = adjusted[t] * 7;
        }
        Forecast forecast = Forecast.of(weekly);
        double stock = Math.max(0, series.lastStock());
        double available = stock + incoming;
        Double days = daysToStockOut(available, forecast);
        int stalled = weeksWithoutDelivery(series);
        Optional<MissedDelivery> missed = missedDelivery(series, adjusted, USUAL_SHARE);
        boolean signal = tension.isPresent() || stalled > 0 || missed.isPresent();
        double spread = weeklySpread(adjusted);
        boolean shortWithinAWeek = shortWithinAWeek(available, forecast.week1(), spread,
                signal ? Z_SUPPLY_SIGNAL : Z_NORMAL_SUPPLY);
        ShortageRisk.Horizon horizon = horizon(days, shortWithinAWeek, signal);
        String reason = reason(stock, series.lastDailyConsumption(), daily, forecast, spread, days, incoming, tension,
                stalled, missed);
        return new ShortageRisk(p.finessEt(), p.finessEj(), p.region(), p.departement(), p.itemId(), p.week(),
                (long) stock, series.lastDailyConsumption(), daily, days, forecast.week1(), forecast.weeks2(),
                forecast.weeks4(), incoming, tension.isPresent(), horizon, reason);
    }

    /**
     * The nearest horizon at risk: within 7 days when the stock is short within a week (whatever the
     * supply, which sets the bar); within 14 when it lasts under 7 days without being that short (a late
     * order would leave it out); else 14 and 28 only with a supply signal.
     */
    public static ShortageRisk.Horizon horizon(Double days, boolean shortWithinAWeek, boolean supplySignal) {
        if (days == null) {
            return ShortageRisk.Horizon.NONE;
        }
        if (shortWithinAWeek) {
            return ShortageRisk.Horizon.DAYS_7;
        }
        if (days < 7) {
            return ShortageRisk.Horizon.DAYS_14;
        }
        if (!supplySignal) {
            return ShortageRisk.Horizon.NONE;
        }
        return days < 14 ? ShortageRisk.Horizon.DAYS_14 : days < 28 ? ShortageRisk.Horizon.DAYS_28
                : ShortageRisk.Horizon.NONE;
    }

    /**
     * Whether the units available fall short of next week's forecast by more than {@code spreads}
     * weekly spreads; with no spread (a steady demand), short at all: the stock lasts under 7 days.
     * Nothing available while a demand is forecast is short whatever the spread: the PUI is out already.
     */
    public static boolean shortWithinAWeek(double available, double week1, double spread, double spreads) {
        return available <= 0 && week1 > 0 || week1 - available > spreads * spread;
    }

    /**
     * The standard deviation of the weekly adjusted consumption over the last SPREAD_WEEKS declared
     * weeks; 0 with fewer than two.
     */
    public static double weeklySpread(double[] adjustedDaily) {
        double sum = 0;
        double squares = 0;
        int n = 0;
        for (int t = adjustedDaily.length - 1; t >= 0 && n < SPREAD_WEEKS; t--) {
            if (!Double.isNaN(adjustedDaily[t])) {
                double week = 7 * adjustedDaily[t];
                sum += week;
                squares += week * week;
                n++;
            }
        }
        return n < 2 ? 0 : Math.sqrt(Math.max(0, (squares - sum * sum / n) / (n - 1)));
    }

    /** The last known value (the week assessed, else the latest before it); 0 when none. */
    private static double last(double[] values) {
        for (int t = values.length - 1; t >= 0; t--) {
            if (!Double.isNaN(values[t])) {
                return values[t];
            }
        }
        return 0;
    }

    /**
     * Days until the available units are consumed along the forecast: its first week's rate, then
     * its second's, then weeks 3-4's, then that rate on; null when nothing is consumed.
     */
    static Double daysToStockOut(double available, Forecast f) {
        double[] rates = {f.week1() / 7, (f.weeks2() - f.week1()) / 7, (f.weeks4() - f.weeks2()) / 14};
        double[] lengths = {7, 7, Double.POSITIVE_INFINITY};
        if (rates[0] <= 0 && rates[1] <= 0 && rates[2] <= 0) {
            return null;
        }
        double left = available;
        double elapsed = 0;
        for (int i = 0; i < rates.length; i++) {
            double need = rates[i] * lengths[i];
            if (rates[i] > 0 && left <= need) {
                return elapsed + left / rates[i];
            }
            left -= need;
            elapsed += lengths[i];
        }
        return null; // weeks 3-4 consume nothing: never
    }

    /**
     * Weeks since the last delivery seen in the declarations, when that is a stall: at least
     * MIN_STALL_WEEKS and STALL_FACTOR times the usual interval between deliveries; else 0. A
     * delivery is a week whose Monday stock is above the previous Monday's less the week's
     * consumption (by more than DELIVERY_SHARE of a week's consumption).
     */
    public static int weeksWithoutDelivery(WeeklySeries s) {
        List<Integer> deliveries = new ArrayList<>();
        for (int t = 1; t < s.weeks(); t++) {
            if (delivered(s, t)) {
                deliveries.add(t);
            }
        }
        if (deliveries.size() < 2) {
            return 0;
        }
        double usual = (double) (deliveries.get(deliveries.size() - 1) - deliveries.get(0)) / (deliveries.size() - 1);
        int since = s.weeks() - 1 - deliveries.get(deliveries.size() - 1);
        return since >= MIN_STALL_WEEKS && since >= STALL_FACTOR * usual ? since : 0;
    }

    /** Whether the week before Monday {@code t} brought a delivery, both Mondays declared. */
    private static boolean delivered(WeeklySeries s, int t) {
        if (!s.declared(t) || !s.declared(t - 1)) {
            return false;
        }
        double week = 7 * s.dailyConsumption()[t];
        double received = s.stock()[t] - s.stock()[t - 1] + week;
        return received > Math.max(1, DELIVERY_SHARE * week);
    }

    /**
     * Last week's delivery missing: last Monday's stock, in weeks of its adjusted consumption, and the
     * stock its past deliveries followed (the {@code share} quantile of those Mondays' stocks).
     */
    public record MissedDelivery(double weeksLeft, double usualWeeks) {
    }

    /**
     * Last week's delivery, when the PUI's own pattern expected one and none came: at least
     * MIN_DELIVERIES_SEEN deliveries before, last Monday's stock (in weeks of the last COVER_WEEKS
     * weeks' adjusted consumption) at most the {@code share} quantile of the stocks of the Mondays its
     * deliveries came after, and no delivery in the week since. A PUI orders when its stock runs low:
     * an order placed then and not delivered is a supply stalled a week after it starts, where
     * {@link #weeksWithoutDelivery} waits for twice the usual interval. {@code adjusted}: the series'
     * {@link AdjustedConsumption}, which the caller has already.
     */
    public static Optional<MissedDelivery> missedDelivery(WeeklySeries s, double[] adjusted, double share) {
        int last = s.weeks() - 2; // last Monday: its week's delivery is known this Monday
        if (last < 0 || !s.declared(last) || !s.declared(last + 1) || delivered(s, last + 1)) {
            return Optional.empty();
        }
        List<Double> usual = new ArrayList<>();
        for (int t = 0; t < last; t++) {
            if (delivered(s, t + 1)) {
                double weeks = weeksOfStock(s, adjusted, t);
                if (Double.isFinite(weeks)) {
                    usual.add(weeks);
                }
            }
        }
        if (usual.size() < MIN_DELIVERIES_SEEN) {
            return Optional.empty();
        }
        usual.sort(null);
        double level = usual.get(Math.min(usual.size() - 1, (int) (share * usual.size())));
        double left = weeksOfStock(s, adjusted, last);
        return left <= level ? Optional.of(new MissedDelivery(left, level)) : Optional.empty();
    }

    /**
     * Monday {@code t}'s stock in weeks of the mean adjusted consumption of its last COVER_WEEKS weeks;
     * NaN when the stock is unknown, infinite when nothing was consumed.
     */
    private static double weeksOfStock(WeeklySeries s, double[] adjusted, int t) {
        double sum = 0;
        int n = 0;
        for (int u = Math.max(0, t + 1 - COVER_WEEKS); u <= t; u++) {
            if (!Double.isNaN(adjusted[u])) {
                sum += adjusted[u];
                n++;
            }
        }
        return n == 0 || sum <= 0 ? Double.POSITIVE_INFINITY : s.stock()[t] / (7 * sum / n);
    }

    private static String reason(double stock, double declared, double adjusted, Forecast f, double spread, Double days,
                                 long incoming, Optional<SupplyTension.Tension> tension, int stalled,
                                 Optional<MissedDelivery> missed) {
        StringBuilder s = new StringBuilder("stock ").append((long) stock);
        if (Math.abs(adjusted - declared) > 0.05 * Math.max(adjusted, 1e-9)) {
            s.append(", adjusted consumption ").append(units(adjusted)).append("/day (declared ").append(units(declared))
                    .append(", corrected for the days at zero stock)");
        } else {
            s.append(", adjusted consumption ").append(units(adjusted)).append("/day");
        }
        if (Math.abs(f.daily() - adjusted) > 0.1 * Math.max(adjusted, 1e-9)) {
            s.append(", forecast ").append(units(f.daily())).append("/day");
        }
        s.append(days == null ? " → no consumption" : " → " + (long) Math.floor(days) + " days");
        if (days != null && spread > 0) {
            s.append(" (next week ").append(Math.round(f.week1())).append(" ± ").append(Math.round(spread)).append(')');
        }
        tension.ifPresent(t -> s.append("; ").append(t.source() == SupplyTension.Source.AGENCY
                ? t.status().toLowerCase(Locale.ROOT) + " declared on " : t.status() + " on ")
                .append(FRENCH_DATE.format(t.since())));
        if (stalled > 0) {
            s.append("; no delivery for ").append(stalled).append(" weeks");
        }
        missed.ifPresent(m -> s.append(String.format(Locale.ROOT, "; no delivery last week with %.1f weeks of stock left"
                + " (its deliveries came after a median of %.1f)", m.weeksLeft(), m.usualWeeks())));
        s.append(incoming > 0 ? "; " + incoming + " units under way" : "; no order under way");
        return s.toString();
    }

    static String units(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
