package fr.dispostock.domain;

import fr.dispostock.domain.register.SupplyStatus;
import fr.dispostock.domain.register.SupplyStatusFile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SupplyStatusFileTest {

    /** Two lines of the agency's file of July 2025 (sugammadex under tension; fluorouracil 5 g/100 ml out of stock). */
    static final String SUGAMMADEX = "60929148\t\t2\tTension d'approvisionnement\t12/05/2025\t04/07/2025\t\t"
            + "https://ansm.sante.fr/disponibilites-des-produits-de-sante/medicaments/sugammadex";
    static final String FLUOROURACIL = "61146475\t3400956043460\t1\tRupture de stock\t07/11/2024\t30/12/2024\t\t"
            + "https://ansm.sante.fr/disponibilites-des-produits-de-sante/medicaments/fluorouracile";

    @Test
    void the_agencys_whole_file_of_july_2025_is_read_without_a_rejected_line() throws IOException {
        // given the 957 lines of the public medicines database's CIS_CIP_Dispo_Spec.txt (CRLF, no header)
        String file = Files.readString(SharedData.dir().resolve("medicines/bdpm-cis-cip-dispo-spec-2025-07.txt"), StandardCharsets.UTF_8);

        // when it is parsed
        Map<Cis, List<SupplyStatus>> parsed = SupplyStatusFile.parse(file);

        // then every line is a status, each kind as counted in the file (78, 597, 48, 234)
        List<SupplyStatus> all = parsed.values().stream().flatMap(List::stream).toList();
        assertEquals(957, all.size());
        assertEquals(List.of(78L, 597L, 48L, 234L), java.util.Arrays.stream(SupplyStatus.Kind.values())
                .map(k -> all.stream().filter(s -> s.kind() == k).count()).toList());
        SupplyStatus sugammadex = parsed.get(new Cis("60929148")).get(0);
        assertEquals(SupplyStatus.Kind.TENSION, sugammadex.kind());
        assertEquals(LocalDate.of(2025, 5, 12), sugammadex.since());
        assertEquals(LocalDate.of(2025, 7, 4), sugammadex.updatedOn());
    }

    @Test
    void a_presentations_status_keeps_its_cip13_and_a_specialtys_has_none() {
        // when two real lines are parsed
        Map<Cis, List<SupplyStatus>> parsed = SupplyStatusFile.parse(SUGAMMADEX + "\r\n" + FLUOROURACIL + "\r\n");

        // then the CIS keys them, in the file's order
        assertEquals(List.of(new Cis("60929148"), new Cis("61146475")), List.copyOf(parsed.keySet()));
        SupplyStatus fluorouracil = parsed.get(new Cis("61146475")).get(0);
        assertEquals("3400956043460", fluorouracil.cip13());
        assertEquals(SupplyStatus.Kind.SHORTAGE, fluorouracil.kind());
        assertEquals(null, parsed.get(new Cis("60929148")).get(0).cip13());
    }

    @Test
    void a_file_with_bad_lines_is_refused_whole_each_bad_line_named_with_its_number() {
        // given good lines among a short line, a 7-digit CIS, a status 5, a date of 2025-13, a CIP of 12 digits,
        // and a page that is not https
        String file = String.join("\n", SUGAMMADEX,
                "60929149\t\t2\tTension",
                SUGAMMADEX.replace("60929148", "6092914"),
                SUGAMMADEX.replace("\t2\t", "\t5\t"),
                SUGAMMADEX.replace("12/05/2025", "12/13/2025"),
                FLUOROURACIL.replace("3400956043460", "340095604346"),
                SUGAMMADEX.replace("https://", "http://").replace("60929148", "60929150"),
                FLUOROURACIL);

        // when it is parsed
        InvalidRequestException refused = assertThrows(InvalidRequestException.class, () -> SupplyStatusFile.parse(file));

        // then lines 2 to 7 are named (pointers /lines/1 to /lines/6), each saying why
        assertEquals(List.of("/lines/1", "/lines/2", "/lines/3", "/lines/4", "/lines/5", "/lines/6"),
                refused.errors().stream().map(FieldError::pointer).toList());
        assertEquals(List.of("line 2: has 4 TAB-separated fields, expected 8 (CIS, CIP13, code, label, start, update, resumed, page)",
                "line 3: CIS 6092914 is not a CIS code: the medicines database numbers a specialty with 8 digits",
                "line 4: status code 5 must be 1 (shortage), 2 (supply tension), 3 (discontinued) or 4 (available again)",
                "line 5: start date 12/13/2025 is not a date as dd/mm/yyyy",
                "line 6: CIP13 340095604346 is not a CIP13: 13 digits starting 3400",
                "line 7: page http://ansm.sante.fr/disponibilites-des-produits-de-sante/medicaments/sugammadex must be an"
                        + " https:// address of at most 500 characters"),
                refused.errors().stream().map(FieldError::message).toList());
    }

    @Test
    void an_empty_file_is_refused_as_a_whole() {
        // when an empty body is parsed, then it is a request error, not a report of nothing
        assertThrows(InvalidRequestException.class, () -> SupplyStatusFile.parse(" \n"));
    }

    @Test
    void a_cis_code_is_eight_digits() {
        // when codes are parsed, then 8 digits (spaces around) pass and anything else is refused
        assertEquals(new Cis("60929148"), Cis.parse(" 60929148 "));
        assertThrows(InvalidValueException.class, () -> Cis.parse("6092914"));
        assertThrows(InvalidValueException.class, () -> Cis.parse("609291480"));
        assertThrows(InvalidValueException.class, () -> Cis.parse("6O929148"));
    }
}
