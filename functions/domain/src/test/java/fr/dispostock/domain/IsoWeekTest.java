package fr.dispostock.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IsoWeekTest {

    @Test
    void a_week_runs_from_its_monday_to_its_sunday() {
        // given week 48 of 2026
        IsoWeek w = IsoWeek.parse("2026-W48");

        // then it opens on Monday 23 November and closes on Sunday 29 November
        assertEquals(LocalDate.parse("2026-11-23"), w.monday());
        assertEquals(LocalDate.parse("2026-11-29"), w.sunday());
        assertEquals(w, IsoWeek.of(LocalDate.parse("2026-11-23")));
        assertEquals(w, IsoWeek.of(LocalDate.parse("2026-11-29")));
        assertTrue(w.contains(LocalDate.parse("2026-11-23")));
        assertTrue(w.contains(LocalDate.parse("2026-11-29")));
        assertFalse(w.contains(LocalDate.parse("2026-11-22")));
        assertFalse(w.contains(LocalDate.parse("2026-11-30")));
        assertEquals("2026-W48", w.toString());
    }

    @Test
    void the_days_around_new_year_belong_to_the_iso_week_that_holds_their_thursday() {
        // given dates around year ends
        // then 2026-12-31 and 2027-01-03 are in 2026-W53; 2024-12-30 is already in 2025-W01
        assertEquals(new IsoWeek(2026, 53), IsoWeek.of(LocalDate.parse("2026-12-31")));
        assertEquals(new IsoWeek(2026, 53), IsoWeek.of(LocalDate.parse("2027-01-03")));
        assertEquals(new IsoWeek(2027, 1), IsoWeek.of(LocalDate.parse("2027-01-04")));
        assertEquals(new IsoWeek(2025, 1), IsoWeek.of(LocalDate.parse("2024-12-30")));
        assertEquals(LocalDate.parse("2024-12-30"), IsoWeek.parse("2025-W01").monday());
        assertEquals(LocalDate.parse("2021-01-03"), IsoWeek.parse("2020-W53").sunday());
    }

    @Test
    void week_53_exists_only_in_years_that_have_it() {
        // when week 53 of 2020 and 2026 (long ISO years) and of 2021 and 2025 (short ones) are parsed
        // then the first exist and the others are refused, saying how many weeks the year has
        assertEquals(53, IsoWeek.parse("2020-W53").week());
        assertEquals(53, IsoWeek.parse("2026-W53").week());
        assertEquals("week 2021-W53 does not exist: 2021 has ISO weeks 1 to 52",
                assertThrows(InvalidValueException.class, () -> IsoWeek.parse("2021-W53")).getMessage());
        assertThrows(InvalidValueException.class, () -> IsoWeek.parse("2025-W53"));
        assertThrows(InvalidValueException.class, () -> new IsoWeek(2026, 54));
    }

    @Test
    void previous_and_next_cross_year_ends() {
        // given weeks at the edges of years of 53 and 52 weeks
        // then moving by one week crosses into the neighbouring year
        assertEquals("2020-W53", IsoWeek.parse("2021-W01").previous().toString());
        assertEquals("2021-W01", IsoWeek.parse("2020-W53").next().toString());
        assertEquals("2025-W52", IsoWeek.parse("2026-W01").previous().toString());
        assertEquals("2027-W01", IsoWeek.parse("2026-W53").next().toString());
        assertEquals("2026-W41", IsoWeek.parse("2026-W48").minusWeeks(7).toString());
        assertEquals("2025-W49", IsoWeek.parse("2026-W02").minusWeeks(5).toString());
        assertEquals("2027-W02", IsoWeek.parse("2026-W50").minusWeeks(-5).toString());
    }

    @Test
    void weeks_sort_in_time_order() {
        // given weeks across a year end
        List<IsoWeek> sorted = List.of(IsoWeek.parse("2027-W01"), IsoWeek.parse("2026-W53"), IsoWeek.parse("2026-W09"))
                .stream().sorted().toList();

        // then they sort by year, then week
        assertEquals(List.of("2026-W09", "2026-W53", "2027-W01"), sorted.stream().map(IsoWeek::toString).toList());
    }

    @Test
    void a_badly_written_week_is_refused_with_the_expected_format() {
        // when weeks are written other ways than YYYY-Www
        for (String bad : List.of("2026-48", "2026W48", "2026-w48", "2026-W5", "26-W48", "2026-W048", " 2026-W48",
                "2026-W48 ", "")) {
            // then each is refused, showing the expected form
            assertTrue(assertThrows(InvalidValueException.class, () -> IsoWeek.parse(bad)).getMessage()
                    .contains("must be written like 2026-W48"), bad);
        }
        assertThrows(InvalidValueException.class, () -> IsoWeek.parse(null));
        assertThrows(InvalidValueException.class, () -> IsoWeek.parse("2026-W00"));
        assertThrows(InvalidValueException.class, () -> IsoWeek.parse("0026-W10"));
    }
}
