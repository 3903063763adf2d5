package fr.dispostock.registers;

import fr.dispostock.embedded.DynamoDbLocalExtension;
import fr.dispostock.embedded.HttpApiHarness.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static fr.dispostock.registers.RegistersFunction.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The medicines agency's statuses, imported by the national operator and read through the items' CIS codes. */
@ExtendWith(DynamoDbLocalExtension.class)
class SupplyStatusRoutesTest {
    /** Lines of the agency's file of July 2025 (CIS_CIP_Dispo_Spec.txt): fluorouracil 5 g (CIS 61146475) out of stock, ribavirin 200 mg withdrawn. */
    static final String FLUOROURACIL = "61146475\t3400956043460\t1\tRupture de stock\t07/11/2024\t30/12/2024\t\t"
            + "https://ansm.sante.fr/disponibilites-des-produits-de-sante/medicaments/fluorouracile-teva";
    static final String RIBAVIRIN = "62893252\t\t3\tArrêt de commercialisation\t01/04/2021\t31/10/2024\t\t"
            + "https://ansm.sante.fr/disponibilites-des-produits-de-sante/medicaments/ribavirine-biogaran";
    static final Map<String, String> TSV = Map.of("Content-Type", "text/plain; charset=utf-8");

    @BeforeEach
    void emptyRegisters() {
        DynamoDbLocalExtension.dynamoDb().deleteAllItems("RegistersTable");
    }

    /** Fluorouracil: FLUOROURACILE TEVA 1000 mg/20 ml (UCD 9196163, CIS 69118428) and 5000 mg/100 ml (9196200, CIS 61146475). */
    private static Map<String, Object> fluorouracil(List<String> cis) {
        Map<String, Object> item = MedicineRoutesTest.nationalItem("9196163", "9196200");
        item.put("label", "Fluorouracile");
        item.put("cis", cis);
        return item;
    }

    @Test
    void an_item_lists_the_statuses_of_its_cis_codes_as_last_imported() {
        // given fluorouracil linked to its two CIS, and the agency's file imported by the national operator
        assertEquals(201, API.call("PUT", "/v1/medicines/l01bc02", NATIONAL, fluorouracil(List.of("69118428", " 61146475 "))).status());
        Response imported = API.call("POST", "/v1/supply-statuses/import", NATIONAL, FLUOROURACIL + "\r\n" + RIBAVIRIN + "\r\n", TSV);

        // when a pharmacist reads the item and its statuses
        Map<String, Object> item = API.call("GET", "/v1/medicines/l01bc02", PHARMACIST_FLEYRIAT, null).object();
        Response statuses = API.call("GET", "/v1/medicines/l01bc02/supply-statuses", PHARMACIST_FLEYRIAT, null);

        // then both CIS are kept, and the shortage of the 5 g presentation is there with its dates and page
        assertEquals(200, imported.status(), imported.body());
        assertEquals(Map.of("statuses", 2, "created", 2, "updated", 0, "unchanged", 0, "removed", 0),
                imported.object());
        assertEquals(List.of("69118428", "61146475"), item.get("cis"));
        assertEquals(200, statuses.status(), statuses.body());
        assertEquals(List.of(Map.of("cis", "61146475", "cip13", "3400956043460", "kind", "SHORTAGE", "since", "2024-11-07",
                "updatedOn", "2024-12-30", "url", "https://ansm.sante.fr/disponibilites-des-produits-de-sante/medicaments/fluorouracile-teva")),
                statuses.list().stream().map(s -> withoutNulls((Map<?, ?>) s)).toList());
    }

    @Test
    void importing_the_same_file_again_changes_nothing_and_a_cis_the_agency_no_longer_lists_is_removed() {
        // given the file imported once
        API.call("POST", "/v1/supply-statuses/import", NATIONAL, FLUOROURACIL + "\n" + RIBAVIRIN, TSV);

        // when the same file comes again, then a file where fluorouracil's supply resumed and ribavirin is gone
        Response again = API.call("POST", "/v1/supply-statuses/import", NATIONAL, FLUOROURACIL + "\n" + RIBAVIRIN, TSV);
        Response resumed = API.call("POST", "/v1/supply-statuses/import", NATIONAL,
                FLUOROURACIL.replace("\t1\tRupture de stock\t", "\t4\tRemise à disposition\t").replace("30/12/2024\t\t", "10/03/2025\t10/03/2025\t"), TSV);

        // then the second import wrote nothing, the third changed one CIS and removed the other
        assertEquals(Map.of("statuses", 2, "created", 0, "updated", 0, "unchanged", 2, "removed", 0),
                again.object());
        assertEquals(Map.of("statuses", 1, "created", 0, "updated", 1, "unchanged", 0, "removed", 1),
                resumed.object());
        assertEquals(201, API.call("PUT", "/v1/medicines/l01bc02", NATIONAL, fluorouracil(List.of("61146475", "62893252"))).status());
        List<Object> now = API.call("GET", "/v1/medicines/l01bc02/supply-statuses", NATIONAL, null).list();
        assertEquals(1, now.size());
        assertEquals("AVAILABLE_AGAIN", ((Map<?, ?>) now.get(0)).get("kind"));
        assertEquals("2025-03-10", ((Map<?, ?>) now.get(0)).get("availableAgainOn"));
    }

    @Test
    void a_file_with_refused_lines_is_refused_whole_naming_each_line_and_no_stored_status_is_removed() {
        // given both statuses imported, and an item linked to their CIS
        assertEquals(200, API.call("POST", "/v1/supply-statuses/import", NATIONAL, FLUOROURACIL + "\n" + RIBAVIRIN, TSV).status());
        assertEquals(201, API.call("PUT", "/v1/medicines/l01bc02", NATIONAL, fluorouracil(List.of("61146475", "62893252"))).status());

        // when the agency's file comes with a 9th column on every line, then with ribavirin's only line refused
        Response widened = API.call("POST", "/v1/supply-statuses/import", NATIONAL,
                FLUOROURACIL + "\tnew\n" + RIBAVIRIN + "\tnew", TSV);
        Response oneBad = API.call("POST", "/v1/supply-statuses/import", NATIONAL,
                FLUOROURACIL + "\n" + RIBAVIRIN.replace("\t3\t", "\t7\t"), TSV);

        // then both are a 422 naming each refused line with why, and both statuses are still there
        assertEquals(422, widened.status(), widened.body());
        assertEquals("application/problem+json", widened.header("Content-Type"));
        assertEquals(List.of(Map.of("pointer", "/lines/0", "message", "line 1: has 9 TAB-separated fields, expected 8"
                        + " (CIS, CIP13, code, label, start, update, resumed, page)"),
                Map.of("pointer", "/lines/1", "message", "line 2: has 9 TAB-separated fields, expected 8"
                        + " (CIS, CIP13, code, label, start, update, resumed, page)")), widened.object().get("errors"));
        assertEquals(422, oneBad.status(), oneBad.body());
        assertEquals(List.of(Map.of("pointer", "/lines/1", "message", "line 2: status code 7 must be 1 (shortage),"
                + " 2 (supply tension), 3 (discontinued) or 4 (available again)")), oneBad.object().get("errors"));
        assertEquals(List.of("SHORTAGE", "DISCONTINUED"), API.call("GET", "/v1/medicines/l01bc02/supply-statuses", NATIONAL, null)
                .list().stream().map(s -> ((Map<?, ?>) s).get("kind")).toList());
    }

    @Test
    void only_the_national_operator_imports_and_an_empty_file_is_refused() {
        // when an ARS sends the good file and the national operator an empty one
        Response ars = API.call("POST", "/v1/supply-statuses/import", ARS_84, FLUOROURACIL, TSV);
        Response empty = API.call("POST", "/v1/supply-statuses/import", NATIONAL, "\n", TSV);

        // then the ARS is refused and the empty file is a 422 at the whole body
        assertEquals(403, ars.status(), ars.body());
        assertEquals(422, empty.status(), empty.body());
        assertEquals("", ((Map<?, ?>) ((List<?>) empty.object().get("errors")).get(0)).get("pointer"));
    }

    @Test
    void cis_codes_of_an_item_are_checked_each_with_its_pointer_and_nothing_is_written() {
        // given a 7-digit code and a code given twice
        Map<String, Object> body = fluorouracil(List.of("6111897", "61146475", "61146475"));

        // when it is sent
        Response r = API.call("PUT", "/v1/medicines/l01bc02", NATIONAL, body);

        // then each is named at its place
        assertEquals(422, r.status(), r.body());
        List<String> pointers = ((List<?>) r.object().get("errors")).stream()
                .map(e -> (String) ((Map<?, ?>) e).get("pointer")).toList();
        assertEquals(List.of("/cis/0", "/cis/2"), pointers);
        assertTrue(r.body().contains("CIS 61146475 is listed twice (also at /cis/1)"), r.body());
        assertEquals(404, API.call("GET", "/v1/medicines/l01bc02", NATIONAL, null).status());
    }

    private static Map<Object, Object> withoutNulls(Map<?, ?> m) {
        Map<Object, Object> copy = new java.util.LinkedHashMap<>();
        m.forEach((k, v) -> {
            if (v != null) {
                copy.put(k, v);
            }
        });
        return copy;
    }
}
