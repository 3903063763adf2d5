package fr.dispostock.domain.insight;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ForecastTest {

    @Test
    void a_flat_series_is_forecast_flat() {
        // given 70 units a week for 30 weeks (no year: no seasonal index)
        double[] weekly = new double[30];
        Arrays.fill(weekly, 70);

        // when forecast
        Forecast f = Forecast.of(weekly);

        // then 70, 140 and 280 units, 10 a day
        assertEquals(70, f.week1(), 1e-9);
        assertEquals(140, f.weeks2(), 1e-9);
        assertEquals(280, f.weeks4(), 1e-9);
        assertEquals(10, f.daily(), 1e-9);
    }

    @Test
    void the_level_moves_a_tenth_of_the_way_to_each_new_week() {
        // given 4 weeks at 100 (the starting level), then one at 200
        // when forecast
        Forecast f = Forecast.of(new double[]{100, 100, 100, 100, 200});

        // then the level is 100 + 0.1 × (200 − 100) = 110 a week
        assertEquals(110, f.week1(), 1e-9);
        assertEquals(440, f.weeks4(), 1e-9);
    }

    @Test
    void gaps_are_filled_with_the_week_before_and_leading_gaps_dropped() {
        // given two weeks not declared before the first and one in the middle
        double[] filled = Forecast.filled(new double[]{Double.NaN, Double.NaN, 50, Double.NaN, 60});

        // then 50, 50, 60
        assertArrayEquals(new double[]{50, 50, 60}, filled, 1e-9);
    }

    @Test
    void a_winter_peak_seen_two_years_running_is_expected_again() {
        // given two years of 100 a week but 200 in the 4 weeks at positions 0-3 of each year, and a third
        // year's start just before that peak (the series ends at position 51)
        double[] weekly = new double[104];
        for (int t = 0; t < 104; t++) {
            weekly[t] = t % 52 < 4 ? 200 : 100;
        }

        // when forecast
        Forecast f = Forecast.of(weekly);
        double[] index = Forecast.seasonalIndex(weekly);

        // then every window of 52 weeks has the mean 1400/13 = 107.7, so a peak week's ratio is 26/14 and
        // another's 13/14; position 1 smoothed over positions 51..3 is (13 + 4 × 26) / 70 = 117/70, shrunk
        // by a quarter towards 1: 1 + 0.75 × 47/70; position 20: 1 − 0.75/14; the index averages 1
        assertEquals(1 + 0.75 * 47 / 70, index[1], 1e-9);
        assertEquals(1 - 0.75 / 14, index[20], 1e-9);
        assertEquals(1.0, Arrays.stream(index).average().orElseThrow(), 1e-9);
        // and the 4 coming weeks (positions 0-3) are forecast well above 4 flat weeks of 107.7
        double flat = 4 * 1400 / 13.0;
        assertTrue(f.weeks4() > 1.3 * flat, f + " against " + flat);
    }
}
