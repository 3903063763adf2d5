package fr.dispostock.domain;

import fr.dispostock.domain.register.SupplyStatus;
import fr.dispostock.domain.register.SupplyStatusFile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;

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
        SupplyStatusFile.Parsed parsed = SupplyStatusFile.parse(file);

        // then every line is a status, each kind as counted in the file (78, 597, 48, 234)
        assertEquals(List.of(), parsed.rejected());
        List<SupplyStatus> all = parsed.byCis().values().stream().flatMap(List::stream).toList();
        assertEquals(957, all.size());
        assertEquals(List.of(78L, 597L, 48L, 234L), java.util.Arrays.stream(SupplyStatus.Kind.values())
                .map(k -> all.stream().filter(s -> s.kind() == k).count()).toList());
        SupplyStatus sugammadex = parsed.byCis().get(new Cis("60929148")).get(0);
        assertEquals(SupplyStatus.Kind.TENSION, sugammadex.kind());
        assertEquals(LocalDate.of(2025, 5, 12), sugammadex.since());
        assertEquals(LocalDate.of(2025, 7, 4), sugammadex.updatedOn());
    }

    @Test
    void a_presentations_status_keeps_its_cip13_and_a_specialtys_has_none() {
        // when two real lines are parsed
        SupplyStatusFile.Parsed parsed = SupplyStatusFile.parse(SUGAMMADEX + "\r\n" + FLUOROURACIL + "\r\n");

        // then the CIS keys them, in the file's order
        assertEquals(List.of(new Cis("60929148"), new Cis("61146475")), List.copyOf(parsed.byCis().keySet()));
        SupplyStatus fluorouracil = parsed.byCis().get(new Cis("61146475")).get(0);
        assertEquals("3400956043460", fluorouracil.cip13());
        assertEquals(SupplyStatus.Kind.SHORTAGE, fluorouracil.kind());
        assertEquals(null, parsed.byCis().get(new Cis("60929148")).get(0).cip13());
    }

    @Test
    void each_bad_line_is_refused_with_its_number_and_the_good_ones_are_kept() {
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
        SupplyStatusFile.Parsed parsed = SupplyStatusFile.parse(file);

        // then lines 2 to 7 are refused, each saying why, and lines 1 and 8 are kept
        assertEquals(List.of(2, 3, 4, 5, 6, 7), parsed.rejected().stream().map(SupplyStatusFile.Rejected::line).toList());
        assertEquals(List.of("has 4 TAB-separated fields, expected 8 (CIS, CIP13, code, label, start, update, resumed, page)",
                "CIS 6092914 is not a CIS code: the medicines database numbers a specialty with 8 digits",
                "status code 5 must be 1 (shortage), 2 (supply tension), 3 (discontinued) or 4 (available again)",
                "start date 12/13/2025 is not a date as dd/mm/yyyy",
                "CIP13 340095604346 is not a CIP13: 13 digits starting 3400",
                "page http://ansm.sante.fr/disponibilites-des-produits-de-sante/medicaments/sugammadex must be an"
                        + " https:// address of at most 500 characters"),
                parsed.rejected().stream().map(SupplyStatusFile.Rejected::reason).toList());
        assertEquals(2, parsed.byCis().size());
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
