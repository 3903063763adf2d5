package fr.dispostock.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IsoWeekTest {

    @Test
    void weeks_start_on_monday_and_cross_years_as_iso_8601_says() {
        // given dates around year ends
        // then their ISO weeks are those of ISO 8601
        assertEquals("2026-W48", IsoWeek.of(LocalDate.parse("2026-11-23")).toString());
        assertEquals(LocalDate.parse("2026-11-23"), IsoWeek.parse("2026-W48").monday());
        assertEquals(LocalDate.parse("2026-11-29"), IsoWeek.parse("2026-W48").sunday());
        assertEquals("2026-W53", IsoWeek.of(LocalDate.parse("2026-12-31")).toString());
        assertEquals("2026-W53", IsoWeek.of(LocalDate.parse("2027-01-03")).toString());
        assertEquals("2027-W01", IsoWeek.parse("2026-W53").next().toString());
        assertEquals("2020-W53", IsoWeek.parse("2021-W01").previous().toString());
        assertEquals("2026-W41", IsoWeek.parse("2026-W48").minusWeeks(7).toString());
        assertTrue(IsoWeek.parse("2026-W48").contains(LocalDate.parse("2026-11-29")));
        assertFalse(IsoWeek.parse("2026-W48").contains(LocalDate.parse("2026-11-30")));
    }

    @Test
    void a_week_that_does_not_exist_or_is_badly_written_is_refused() {
        // then week 53 of 2021 does not exist, week 53 of 2020 does; the format is strict
        assertThrows(InvalidValueException.class, () -> IsoWeek.parse("2021-W53"));
        assertEquals(53, IsoWeek.parse("2020-W53").week());
        assertThrows(InvalidValueException.class, () -> IsoWeek.parse("2026-48"));
        assertThrows(InvalidValueException.class, () -> IsoWeek.parse("2026-W00"));
        assertThrows(InvalidValueException.class, () -> IsoWeek.parse(null));
    }
}
