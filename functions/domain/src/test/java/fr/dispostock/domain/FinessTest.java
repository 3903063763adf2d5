package fr.dispostock.domain;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FinessTest {
    static final List<String[]> EXTRACT = SharedData.rows("finess/finess-health-establishments-2021-01.csv", ";",
            StandardCharsets.UTF_8);

    @Test
    void every_number_of_the_finess_extract_passes_and_gives_the_departement_of_its_row() {
        // given the 11,095 rows of the public FINESS extract (géographique and juridique numbers)
        List<String> failures = new ArrayList<>();

        // when each number is parsed
        for (String[] row : EXTRACT) {
            try {
                Finess et = Finess.parse(row[0]);
                Finess.parse(row[1]);
                if (!et.departement().code().equals(row[13])) {
                    failures.add(row[0] + " gives " + et.departement().code() + ", the row says " + row[13]);
                }
            } catch (InvalidValueException e) {
                failures.add(e.getMessage());
            }
        }

        // then none fails, Corsican ones included
        assertEquals(List.of(), failures);
        assertTrue(EXTRACT.stream().anyMatch(r -> r[0].startsWith("2A")));
    }

    @Test
    void changing_any_one_digit_of_a_real_number_makes_its_check_fail() {
        // given 500 real numbers
        List<String> accepted = new ArrayList<>();
        for (String[] row : EXTRACT.subList(0, 500)) {
            String n = row[0];
            for (int pos = 0; pos < 9; pos++) {
                if (!Character.isDigit(n.charAt(pos))) {
                    continue;
                }
                for (char d = '0'; d <= '9'; d++) {
                    if (d == n.charAt(pos)) {
                        continue;
                    }
                    // when one digit is changed
                    String typo = n.substring(0, pos) + d + n.substring(pos + 1);
                    try {
                        Finess.parse(typo);
                        accepted.add(typo);
                    } catch (InvalidValueException expected) {
                        // then it is refused
                    }
                }
            }
        }
        assertEquals(List.of(), accepted);
    }

    @Test
    void a_refused_number_says_why() {
        // when numbers of the wrong length, with letters, or with a wrong check digit are parsed
        // then each message says what is wrong
        assertTrue(assertThrows(InvalidValueException.class, () -> Finess.parse("01000002")).getMessage().contains("9 characters"));
        assertTrue(assertThrows(InvalidValueException.class, () -> Finess.parse("01000X024")).getMessage().contains("9 characters"));
        assertTrue(assertThrows(InvalidValueException.class, () -> Finess.parse("010000025")).getMessage().contains("check digit"));
        assertThrows(InvalidValueException.class, () -> Finess.parse(" "));
    }

    @Test
    void corsican_numbers_count_a_as_1_and_b_as_2_and_overseas_ones_take_the_fourth_digit() {
        // given a Corsican site, an Upper-Corsican one and a Réunion one from the extract
        Finess ajaccio = Finess.parse("2a0000022");
        String bastia = EXTRACT.stream().filter(r -> r[0].startsWith("2B")).findFirst().orElseThrow()[0];
        String reunion = EXTRACT.stream().filter(r -> r[0].startsWith("9704")).findFirst().orElseThrow()[0];

        // then they parse to their département
        assertEquals("2A", ajaccio.departement().code());
        assertEquals("2A0000022", ajaccio.value());
        assertEquals("2B", Finess.parse(bastia).departement().code());
        assertEquals("974", Finess.parse(reunion).departement().code());
    }
}
