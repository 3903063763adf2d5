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
        List<String> codes = SharedData.table("medicines/ucd-tot-00491.tsv", "\t", StandardCharsets.UTF_8)
                .values("code_ucd");
        List<String> failures = new ArrayList<>();

        // when each is parsed as UCD7, then its UCD13 and its zero-padded form are parsed back
        for (String code : codes) {
            try {
                Ucd ucd = Ucd.parse(code);
                if (!ucd.ucd7().equals(code) || !ucd.ucd13().startsWith("34008")
                        || !Ucd.parse(ucd.ucd13()).equals(ucd) || !Ucd.parse("000000" + ucd.ucd7()).equals(ucd)) {
                    failures.add(code + " -> " + ucd);
                }
            } catch (InvalidValueException e) {
                failures.add(e.getMessage());
            }
        }

        // then each of the three forms is the same code
        assertEquals(1892, codes.size());
        assertEquals(List.of(), failures);
    }

    @Test
    void every_ucd_of_the_health_data_system_parses_to_its_seven_significant_digits() {
        // given the 1,812 zero-padded codes of the SNDS nomenclature
        List<String> codes = SharedData.table("medicines/snds-nu-ucd-r.csv", ";", StandardCharsets.UTF_8)
                .values("UCD_UCD_COD");
        List<String> failures = new ArrayList<>();

        // when each is parsed
        for (String code : codes) {
            try {
                if (!Ucd.parse(code).ucd7().equals(code.substring(6))) {
                    failures.add(code);
                }
            } catch (InvalidValueException e) {
                failures.add(e.getMessage());
            }
        }

        // then each keeps its 7 significant digits
        assertEquals(1812, codes.size());
        assertEquals(List.of(), failures);
        assertEquals("9231824", Ucd.parse("0000009231824").ucd7());
    }

    @Test
    void the_13_digit_form_is_34008_then_the_ucd7_then_an_ean13_check_digit() {
        // given BELUSTINE 40 mg, UCD7 9009994
        Ucd belustine = Ucd.parse("9009994");

        // then its exchange form is 3400890099943, read back to the same code, and written out as such
        assertEquals("3400890099943", belustine.ucd13());
        assertEquals("3400890099943", belustine.toString());
        assertEquals(belustine, Ucd.parse(" 3400890099943 "));
        assertEquals("9009994", Ucd.parse("3400890099943").ucd7());
    }

    @Test
    void a_13_digit_code_with_a_wrong_check_digit_is_refused_naming_the_expected_one() {
        // when the last digit of 3400890099943 is mistyped
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> Ucd.parse("3400890099944"));

        // then the message names the check digit it should have
        assertEquals("UCD 3400890099944 fails its EAN-13 check digit (expected 3, found 4)", e.getMessage());
        assertThrows(InvalidValueException.class, () -> new Ucd("3400890099940"));
    }

    @Test
    void codes_that_are_no_ucd_form_are_refused_clearly() {
        // when codes of other lengths, with letters, or 3400 codes of another kind are parsed
        // then each is refused, saying which forms are accepted
        assertEquals("a UCD code is required",
                assertThrows(InvalidValueException.class, () -> Ucd.parse(null)).getMessage());
        assertEquals("a UCD code is required",
                assertThrows(InvalidValueException.class, () -> Ucd.parse(" ")).getMessage());
        for (String bad : List.of("12345", "900999A", "90099940", "1234567890123", "0000019009994", "34008900999430")) {
            assertTrue(assertThrows(InvalidValueException.class, () -> Ucd.parse(bad)).getMessage()
                    .contains("expected 7 digits (UCD7)"), bad);
        }
        // a CIP13 presentation code (34009…) with a valid check digit is not a UCD
        assertEquals("UCD 3400930000014 is not a UCD13: a UCD13 starts 34008",
                assertThrows(InvalidValueException.class, () -> Ucd.parse("3400930000014")).getMessage());
    }
}
