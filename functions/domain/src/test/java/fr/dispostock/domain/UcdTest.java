package fr.dispostock.domain;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UcdTest {

    @Test
    void every_ucd7_of_the_cnam_file_round_trips_through_its_13_digit_and_zero_padded_forms() {
        // given the 1,892 UCD codes of the CNAM UCD file
        List<String[]> rows = SharedData.rows("medicines/ucd-tot-00491.tsv", "\t", StandardCharsets.UTF_8);
        List<String> failures = new ArrayList<>();

        // when each is parsed as UCD7, then its UCD13 and zero-padded forms are parsed back
        for (String[] row : rows) {
            Ucd ucd = Ucd.parse(row[0]);
            if (!Ucd.parse(ucd.ucd13()).equals(ucd) || !Ucd.parse("000000" + row[0]).equals(ucd)
                    || !ucd.ucd7().equals(row[0])) {
                failures.add(row[0]);
            }
        }

        // then they are all the same code
        assertEquals(1892, rows.size());
        assertEquals(List.of(), failures);
    }

    @Test
    void every_ucd_of_the_health_data_system_parses() {
        // given the 1,812 zero-padded codes of the SNDS nomenclature
        List<String[]> rows = SharedData.rows("medicines/snds-nu-ucd-r.csv", ";", StandardCharsets.UTF_8);

        // when parsed, then each keeps its 7 significant digits
        for (String[] row : rows) {
            assertEquals(row[0].substring(6), Ucd.parse(row[0]).ucd7());
        }
        assertEquals(1812, rows.size());
    }

    @Test
    void the_13_digit_form_carries_an_ean13_check_digit() {
        // given BELUSTINE 40 mg, UCD7 9009994
        // then its exchange form is 3400890099943, and a wrong last digit is refused naming the right one
        assertEquals("3400890099943", Ucd.parse("9009994").ucd13());
        assertEquals("9009994", Ucd.parse("3400890099943").ucd7());
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> Ucd.parse("3400890099944"));
        assertTrue(e.getMessage().contains("expected 3"), e.getMessage());
        assertThrows(InvalidValueException.class, () -> Ucd.parse("12345"));
        assertThrows(InvalidValueException.class, () -> Ucd.parse("900999A"));
    }
}
