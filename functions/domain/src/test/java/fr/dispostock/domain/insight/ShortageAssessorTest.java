package fr.dispostock.domain.insight;

import fr.dispostock.domain.Departement;
import fr.dispostock.domain.Finess;
import fr.dispostock.domain.IsoWeek;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ShortageAssessorTest {
    private static final Departement AIN = Departement.parse("01");
    private static final PuiItem FLEYRIAT = new PuiItem(Finess.parse("010000024"), Finess.parse("010780054"),
            AIN.region(), AIN, "ITEM-A", IsoWeek.parse("2026-W48"));
    private static final Optional<SupplyTension.Tension> TENSION = Optional.of(
            new SupplyTension.Tension("Tension d'approvisionnement", LocalDate.parse("2025-05-12")));
    private final ShortageAssessor assessor = new ShortageAssessor();

    @Test
    void stock_for_4_days_under_a_declared_tension_is_at_risk_within_7_days_and_says_why() {
        // given three weeks at 30/day, 120 units this Monday, a tension declared on 12 May 2025, nothing ordered
        WeeklySeries s = new WeeklySeries(new double[]{400, 260, 120}, new double[]{30, 30, 30});

        // when assessed
        ShortageRisk r = assessor.assess(FLEYRIAT, s, 0, TENSION);

        // then 120 / 30 = 4 days, within 7, with the sentence
        assertEquals(4.0, r.coverageDays(), 1e-9);
        assertEquals(ShortageRisk.Horizon.DAYS_7, r.horizon());
        assertEquals("stock 120, adjusted consumption 30/day → 4 days; tension d'approvisionnement declared on"
                + " 12/05/2025; no order under way", r.reason());
    }

    @Test
    void twenty_days_of_stock_are_a_risk_within_28_days_under_tension_and_none_with_a_normal_supply() {
        // given 600 units at 30/day (20 days), deliveries every week so far
        WeeklySeries s = new WeeklySeries(new double[]{600, 600, 600, 600}, new double[]{30, 30, 30, 30});

        // when assessed with and without a declared tension
        ShortageRisk tense = assessor.assess(FLEYRIAT, s, 0, TENSION);
        ShortageRisk normal = assessor.assess(FLEYRIAT, s, 0, Optional.empty());

        // then within 28 days under tension (the PUI's orders may not be served); none otherwise
        assertEquals(ShortageRisk.Horizon.DAYS_28, tense.horizon());
        assertEquals(ShortageRisk.Horizon.NONE, normal.horizon());
    }

    @Test
    void a_state_stock_order_refused_raises_twenty_days_of_stock_to_a_risk_within_28_days_and_says_so() {
        // given 600 units at 30/day (20 days), deliveries every week, the PUI's order refused on 5 November 2026
        WeeklySeries s = new WeeklySeries(new double[]{600, 600, 600, 600}, new double[]{30, 30, 30, 30});
        Optional<SupplyTension.Tension> refused = Optional.of(new SupplyTension.Tension(RefusedOrders.STATUS,
                LocalDate.parse("2026-11-05"), SupplyTension.Source.ORDER_REFUSED));

        // when assessed
        ShortageRisk r = assessor.assess(FLEYRIAT, s, 0, refused);

        // then within 28 days, the refusal in its sentence
        assertEquals(ShortageRisk.Horizon.DAYS_28, r.horizon());
        assertEquals("stock 600, adjusted consumption 30/day → 20 days; State-stock order refused on 05/11/2026;"
                + " no order under way", r.reason());
    }

    @Test
    void units_under_way_count_as_stock() {
        // given 120 units at 30/day and 300 under way: (120 + 300) / 30 = 14 days
        WeeklySeries s = new WeeklySeries(new double[]{120}, new double[]{30});

        // when assessed under tension
        ShortageRisk r = assessor.assess(FLEYRIAT, s, 300, TENSION);

        // then 14 days: not within 14, within 28
        assertEquals(14.0, r.coverageDays(), 1e-9);
        assertEquals(ShortageRisk.Horizon.DAYS_28, r.horizon());
        assertEquals(true, r.reason().endsWith("; 300 units under way"), r.reason());
    }

    @Test
    void a_consumption_collapsed_by_a_stock_out_is_corrected_before_the_coverage_is_computed() {
        // given 30/day; 60 units on Monday lasted 2 days (8.57/day declared for the week ending at zero),
        // then 100 units on hand the next Monday after a delivery, at 30/day
        WeeklySeries s = new WeeklySeries(new double[]{400, 250, 60, 0, 100},
                new double[]{30, 30, 30, 60.0 / 7, 30});

        // when assessed (the stock-out week counts 30/day, not 8.57)
        ShortageRisk r = assessor.assess(FLEYRIAT, s, 0, Optional.empty());

        // then 100 / 30 = 3.3 days: within 7
        assertEquals(30, r.adjustedDailyConsumption(), 1e-9);
        assertEquals(100 / 30.0, r.coverageDays(), 1e-9);
        assertEquals(ShortageRisk.Horizon.DAYS_7, r.horizon());
    }

    @Test
    void no_delivery_for_much_longer_than_usual_is_a_supply_signal() {
        // given 30/day (210 a week) with a delivery seen in each of weeks 1, 2 and 3 (the stock holds or
        // rises), then none for 3 weeks: 840 → 630 → 420 → 210
        WeeklySeries s = new WeeklySeries(new double[]{420, 420, 420, 840, 630, 420, 210},
                new double[]{30, 30, 30, 30, 30, 30, 30});

        // when the weeks without delivery are counted
        int stalled = ShortageAssessor.weeksWithoutDelivery(s);

        // then the usual interval is 1 week and none came for 3: a stall
        assertEquals(3, stalled);
        // and 210 units (7 days) with that signal are at risk within 14 days
        assertEquals(ShortageRisk.Horizon.DAYS_14, assessor.assess(FLEYRIAT, s, 0, Optional.empty()).horizon());
    }

    /**
     * 30/day (210 a week) and a delivery of 630 in each week that began at 420 (2 weeks): Mondays
     * 840, 630, 420, 840, 630, 420, 840, 630, 420, 840, 630 and then {@code rest}.
     */
    private static WeeklySeries everyThirdWeek(double... rest) {
        double[] pattern = {840, 630, 420};
        double[] stock = new double[11 + rest.length];
        for (int t = 0; t < 11; t++) {
            stock[t] = pattern[t % 3];
        }
        System.arraycopy(rest, 0, stock, 11, rest.length);
        double[] daily = new double[stock.length];
        Arrays.fill(daily, 30);
        return new WeeklySeries(stock, daily);
    }

    @Test
    void last_weeks_delivery_missing_when_the_stock_was_as_low_as_before_its_usual_ones_is_a_supply_signal() {
        // given three deliveries, each after a Monday at 420 (2 weeks of 210), then 420 last Monday and
        // nothing received: 210 this Monday
        WeeklySeries s = everyThirdWeek(420, 210);

        // when assessed with a normal supply
        Optional<ShortageAssessor.MissedDelivery> missed = ShortageAssessor.missedDelivery(s, AdjustedConsumption.of(s), ShortageAssessor.USUAL_SHARE);
        ShortageRisk r = assessor.assess(FLEYRIAT, s, 0, Optional.empty());

        // then 2 weeks left last Monday, the median of the Mondays before its deliveries 2 weeks: a
        // delivery was due and none came (no stall yet: 3 weeks since the last, its usual interval 3);
        // 210 / 30 = 7 days with that signal: within 14, and the sentence says why
        assertEquals(2.0, missed.orElseThrow().weeksLeft(), 1e-9);
        assertEquals(2.0, missed.orElseThrow().usualWeeks(), 1e-9);
        assertEquals(0, ShortageAssessor.weeksWithoutDelivery(s));
        assertEquals(ShortageRisk.Horizon.DAYS_14, r.horizon());
        assertEquals("stock 210, adjusted consumption 30/day → 7 days; no delivery last week with 2.0 weeks of stock"
                + " left (its deliveries came after a median of 2.0); no order under way", r.reason());
    }

    @Test
    void no_delivery_in_a_week_that_began_with_more_stock_than_before_its_usual_ones_is_no_signal() {
        // given the same three deliveries, then 630 last Monday (3 weeks) and nothing received: 420 now
        WeeklySeries s = everyThirdWeek(420);

        // when assessed with a normal supply
        ShortageRisk r = assessor.assess(FLEYRIAT, s, 0, Optional.empty());

        // then no delivery was due: no signal, and 14 days of stock are no risk
        assertEquals(Optional.empty(), ShortageAssessor.missedDelivery(s, AdjustedConsumption.of(s), ShortageAssessor.USUAL_SHARE));
        assertEquals(ShortageRisk.Horizon.NONE, r.horizon());
    }

    @Test
    void a_stock_short_of_next_week_by_less_than_its_usual_variation_is_at_risk_within_7_days_only_with_a_supply_signal() {
        // given weeks of 140 and 280 units (20 and 40/day): next week 210, a spread of 80.8 (sample
        // standard deviation of 140, 280, 140, 280); 150 units this Monday, 60 short of next week
        WeeklySeries s = new WeeklySeries(new double[]{1000, 900, 800, 150}, new double[]{20, 40, 20, 40});

        // when assessed with a normal supply and under tension
        ShortageRisk normal = assessor.assess(FLEYRIAT, s, 0, Optional.empty());
        ShortageRisk tense = assessor.assess(FLEYRIAT, s, 0, TENSION);

        // then 60 short is less than one spread (normal supply: the PUI's order arrives first), but more
        // than half of one (40.4; tension: nothing arrives); 150 / 30 = 5 days is within 14 in any case
        assertEquals(5.0, normal.coverageDays(), 1e-9);
        assertEquals(ShortageRisk.Horizon.DAYS_14, normal.horizon());
        assertEquals(ShortageRisk.Horizon.DAYS_7, tense.horizon());
        assertEquals("stock 150, adjusted consumption 40/day, forecast 30/day → 5 days (next week 210 ± 81); no order"
                + " under way", normal.reason());
    }

    @Test
    void a_stock_short_of_next_week_by_more_than_its_usual_variation_is_at_risk_within_7_days_whatever_the_supply() {
        // given the same weeks (next week 210, spread 80.8) and 100 units: 110 short
        WeeklySeries s = new WeeklySeries(new double[]{1000, 900, 800, 100}, new double[]{20, 40, 20, 40});

        // when assessed with a normal supply
        ShortageRisk r = assessor.assess(FLEYRIAT, s, 0, Optional.empty());

        // then more than one spread short: within 7 days
        assertEquals(ShortageRisk.Horizon.DAYS_7, r.horizon());
    }

    @Test
    void a_stock_declared_at_zero_with_a_consumption_is_at_risk_within_7_days_however_much_its_demand_varies() {
        // given a demand swinging between 35 and 420 a week (a spread larger than next week's forecast)
        // and a stock declared at zero this Monday, nothing under way, a normal supply
        WeeklySeries s = new WeeklySeries(new double[]{3000, 2900, 2500, 2450, 0},
                new double[]{5, 60, 5, 60, 5});

        // when assessed
        ShortageRisk r = assessor.assess(FLEYRIAT, s, 0, Optional.empty());

        // then already out: at risk within 7 days, not 14
        assertEquals(0, r.stock());
        assertEquals(ShortageRisk.Horizon.DAYS_7, r.horizon(), r.reason());
    }

    @Test
    void the_weekly_spread_is_the_standard_deviation_of_the_last_13_declared_weeks() {
        // given 20 weeks, the first 7 at 100/day, then 40/day in odd weeks and 20/day in even ones, week 12
        // not declared
        double[] daily = new double[20];
        Arrays.fill(daily, 0, 7, 100);
        for (int t = 7; t < 20; t++) {
            daily[t] = t % 2 == 0 ? 20 : 40;
        }
        daily[12] = Double.NaN;

        // when the spread is computed
        double spread = ShortageAssessor.weeklySpread(daily);

        // then over weeks 6-19 less the undeclared one: 700 once, 140 five times (8, 10, 14, 16, 18) and 280
        // seven times (7 to 19, odd)
        double[] weeks = {700, 140, 140, 140, 140, 140, 280, 280, 280, 280, 280, 280, 280};
        double mean = Arrays.stream(weeks).average().orElseThrow();
        double variance = Arrays.stream(weeks).map(w -> (w - mean) * (w - mean)).sum() / 12;
        assertEquals(Math.sqrt(variance), spread, 1e-9);
    }

    @Test
    void nothing_consumed_is_no_risk() {
        // given a stock nobody uses
        WeeklySeries s = new WeeklySeries(new double[]{50, 50}, new double[]{0, 0});

        // when assessed under tension
        ShortageRisk r = assessor.assess(FLEYRIAT, s, 0, TENSION);

        // then no coverage figure and no risk
        assertNull(r.coverageDays());
        assertEquals(ShortageRisk.Horizon.NONE, r.horizon());
    }
}
