package fr.dispostock.domain;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FinessTest {
    static final SharedData.Table EXTRACT = SharedData.table("finess/finess-health-establishments-2021-01.csv", ";",
            StandardCharsets.UTF_8);
    static final List<String> SITES = EXTRACT.values("nofinesset");
    static final List<String> ENTITIES = EXTRACT.values("nofinessej");
    static final List<String> ALL = Stream.concat(SITES.stream(), ENTITIES.stream()).toList();

    @Test
    void every_site_and_legal_entity_number_of_the_finess_extract_passes_its_check() {
        // given the 11,095 rows of the public FINESS extract, each with a géographique and a juridique number
        List<String> refused = new ArrayList<>();

        // when every number is parsed
        for (String n : ALL) {
            try {
                assertEquals(n, Finess.parse(n).value());
            } catch (InvalidValueException e) {
                refused.add(e.getMessage());
            }
        }

        // then none is refused
        assertEquals(11_095, SITES.size());
        assertEquals(List.of(), refused);
    }

    @Test
    void the_departement_of_a_site_number_is_the_one_of_its_row() {
        // given each site number with the département the extract gives it
        List<String> departements = EXTRACT.values("code_departement");
        List<String> wrong = new ArrayList<>();

        // when the département is derived from the number
        for (int i = 0; i < SITES.size(); i++) {
            String derived = Finess.parse(SITES.get(i)).departement().code();
            if (!derived.equals(departements.get(i))) {
                wrong.add(SITES.get(i) + " gives " + derived + ", the row says " + departements.get(i));
            }
        }

        // then every row agrees, overseas ones included
        assertEquals(List.of(), wrong);
        assertTrue(departements.containsAll(List.of("971", "972", "973", "974", "2A", "2B")));
    }

    @Test
    void an_overseas_number_starts_970_and_its_fourth_character_completes_the_departement() {
        // given the overseas site numbers of the extract
        List<String> overseas = SITES.stream().filter(n -> n.startsWith("97")).toList();

        // then all have 0 as third character, and the fourth gives 971 to 974
        assertEquals(300, overseas.size());
        assertTrue(overseas.stream().allMatch(n -> n.charAt(2) == '0'), "an overseas number not starting 970");
        assertEquals("974", Finess.parse("970421038").departement().code());
        assertEquals("La Réunion", Finess.parse("970421038").departement().name());
        assertEquals("971", Finess.parse(overseas.stream().filter(n -> n.startsWith("9701")).findFirst().orElseThrow())
                .departement().code());
    }

    @Test
    void changing_any_one_digit_of_a_real_number_makes_its_check_fail() {
        // given 500 real numbers spread over the whole extract (sites and legal entities)
        List<String> sample = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            sample.add(ALL.get(i * ALL.size() / 500));
        }
        List<String> accepted = new ArrayList<>();
        int typos = 0;

        // when, at each position holding a digit, the digit is replaced by each of the 9 others
        for (String n : sample) {
            for (int pos = 0; pos < 9; pos++) {
                if (!Character.isDigit(n.charAt(pos))) {
                    continue;
                }
                for (char d = '0'; d <= '9'; d++) {
                    if (d == n.charAt(pos)) {
                        continue;
                    }
                    String typo = n.substring(0, pos) + d + n.substring(pos + 1);
                    typos++;
                    try {
                        Finess.parse(typo);
                        accepted.add(typo + " (from " + n + ")");
                    } catch (InvalidValueException expected) {
                        // refused, as it should be
                    }
                }
            }
        }

        // then every typo is refused
        assertTrue(typos > 500 * 8 * 9, "too few typos tried: " + typos);
        assertEquals(List.of(), accepted);
    }

    @Test
    void corsican_numbers_pass_when_a_counts_as_1_and_b_as_2() {
        // given the Corsican numbers of the extract (2A and 2B prefixes)
        List<String> corsican = ALL.stream().filter(n -> n.startsWith("2A") || n.startsWith("2B")).toList();

        // when they are parsed, then all pass and give their département
        assertEquals(145, corsican.size());
        for (String n : corsican) {
            assertEquals(n.substring(0, 2), Finess.parse(n).departement().code());
        }
        assertEquals("Corse-du-Sud", Finess.parse("2A0000022").departement().name());
        // and the letter matters to the check: 2B in place of 2A fails
        assertThrows(InvalidValueException.class, () -> Finess.parse("2B0000022"));
    }

    @Test
    void a_number_is_read_without_its_surrounding_spaces_and_in_upper_case() {
        // when a number is pasted with spaces and a lower-case Corsican prefix
        Finess f = Finess.parse("  2a0000022 \t");

        // then it is kept in its canonical form, which is also how it is written out
        assertEquals("2A0000022", f.value());
        assertEquals("2A0000022", f.toString());
        assertEquals(Finess.parse("010000024"), new Finess("010000024"));
    }

    @Test
    void a_refused_number_says_why() {
        // when numbers missing, of the wrong length, with other characters or a wrong check digit are parsed
        // then each message says what is wrong with it
        assertEquals("a FINESS number is required",
                assertThrows(InvalidValueException.class, () -> Finess.parse(null)).getMessage());
        assertEquals("a FINESS number is required",
                assertThrows(InvalidValueException.class, () -> Finess.parse("   ")).getMessage());
        assertEquals("FINESS 01000002 has 8 characters; a FINESS number has 9",
                assertThrows(InvalidValueException.class, () -> Finess.parse("01000002")).getMessage());
        assertEquals("FINESS 0100000244 has 10 characters; a FINESS number has 9",
                assertThrows(InvalidValueException.class, () -> Finess.parse("0100000244")).getMessage());
        assertEquals("FINESS 01000X024 may only contain digits (or start with 2A or 2B for Corsica)",
                assertThrows(InvalidValueException.class, () -> Finess.parse("01000x024")).getMessage());
        assertTrue(assertThrows(InvalidValueException.class, () -> Finess.parse("3A0000022")).getMessage()
                .contains("may only contain digits"));
        assertEquals("FINESS 010000025 fails its check digit (Luhn)",
                assertThrows(InvalidValueException.class, () -> Finess.parse("010000025")).getMessage());
        assertThrows(InvalidValueException.class, () -> new Finess(null));
    }

    @Test
    void a_valid_number_from_outside_the_departements_says_so_when_asked_its_departement() {
        // given a number that passes its check but whose prefix is no département (00)
        Finess f = Finess.parse("000000000");

        // when its département is asked, then the answer is a clear refusal, not a guess
        InvalidValueException e = assertThrows(InvalidValueException.class, f::departement);
        assertEquals("FINESS 000000000 does not belong to any of the 101 départements (its prefix gives 00)",
                e.getMessage());
    }
}
