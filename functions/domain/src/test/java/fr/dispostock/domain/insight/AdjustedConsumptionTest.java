package fr.dispostock.domain.insight;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class AdjustedConsumptionTest {
    private static final double NaN = Double.NaN;

    @Test
    void a_week_that_ran_out_after_two_days_is_scaled_back_to_the_consumption_of_a_full_week() {
        // given 30/day for three weeks; Monday's 60 units last 2 days at 30/day, so the week ending at
        // zero declares 60 / 7 = 8.57/day; then a whole week out (0 on both Mondays, 0/day)
        WeeklySeries s = new WeeklySeries(new double[]{400, 250, 60, 0, 0},
                new double[]{30, 30, 30, 60.0 / 7, 0});

        // when adjusted
        double[] adjusted = AdjustedConsumption.of(s);

        // then 8.57 × 7 / 2 = 30 for the week that ran out (X = 5 days), and the reference 30 for the
        // week out from its start, instead of 8.57 and 0
        assertArrayEquals(new double[]{30, 30, 30, 30, 30}, adjusted, 1e-9);
        assertEquals(2, AdjustedConsumption.weeksAtZeroStock(s));
    }

    @Test
    void weeks_with_stock_are_taken_as_declared_and_weeks_not_declared_stay_unknown() {
        // given a week not declared between two declared with stock
        WeeklySeries s = new WeeklySeries(new double[]{100, NaN, 80}, new double[]{12, NaN, 14});

        // when adjusted
        double[] adjusted = AdjustedConsumption.of(s);

        // then the declared figures, and NaN for the gap
        assertArrayEquals(new double[]{12, NaN, 14}, adjusted, 1e-9);
    }

    @Test
    void a_week_at_zero_stock_with_stock_for_the_whole_week_before_keeps_its_declared_consumption() {
        // given 20/day, then 140 units on Monday (7 days at 20/day) and zero the next Monday at 21/day
        WeeklySeries s = new WeeklySeries(new double[]{300, 140, 0}, new double[]{20, 20, 21});

        // when adjusted
        double[] adjusted = AdjustedConsumption.of(s);

        // then nothing to correct: the stock lasted the 7 days (X = 0), 21 × 7 / 7 = 21
        assertArrayEquals(new double[]{20, 20, 21}, adjusted, 1e-9);
    }

    @Test
    void a_first_week_at_zero_stock_without_reference_keeps_what_was_declared() {
        // given a series that starts out of stock
        WeeklySeries s = new WeeklySeries(new double[]{0, 70}, new double[]{3, 10});

        // when adjusted
        double[] adjusted = AdjustedConsumption.of(s);

        // then there is nothing to scale against: 3, then 10
        assertArrayEquals(new double[]{3, 10}, adjusted, 1e-9);
    }
}
