package fr.dispostock.declarations;

import fr.dispostock.embedded.DynamoDbLocalExtension;
import fr.dispostock.embedded.HttpApiHarness;
import fr.dispostock.embedded.HttpApiHarness.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static fr.dispostock.declarations.DeclarationsFunction.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(DynamoDbLocalExtension.class)
class WeeklyDeclarationTest {
    static final String PATH = "/v1/puis/" + FLEYRIAT_ET + "/declarations/" + WEEK;

    @BeforeEach
    void registersOfTwoRegions() {
        registers();
    }

    @Test
    void a_pui_of_region_84_must_declare_the_national_items_and_those_of_its_region_prefilled_with_last_week() {
        // given last week's declaration (made late, today)
        API.call("PUT", "/v1/puis/" + FLEYRIAT_ET + "/declarations/2026-W47", PH_FLEYRIAT,
                lines(line("cisplatine", 40, 2.5)));

        // when the pharmacist opens this week's form, and a Corsican one opens theirs
        Response r = API.call("GET", PATH + "/expected", PH_FLEYRIAT, null);
        Response corsica = API.call("GET", "/v1/puis/" + AJACCIO_ET + "/declarations/" + WEEK + "/expected", PH_AJACCIO, null);

        // then the three items, cisplatine prefilled; Corsica has the two national ones only
        assertEquals(200, r.status(), r.body());
        List<?> items = (List<?>) r.object().get("items");
        assertEquals(List.of("cisplatine", "lomustine", "vincristine-ara"),
                items.stream().map(i -> ((Map<?, ?>) i).get("itemId")).toList());
        assertEquals(40, ((Number) ((Map<?, ?>) ((Map<?, ?>) items.get(0)).get("lastWeek")).get("stock")).intValue());
        assertNull(((Map<?, ?>) items.get(1)).get("lastWeek"));
        assertEquals(2, ((List<?>) corsica.object().get("items")).size());
    }

    @Test
    void a_declaration_on_monday_is_on_time_keeps_an_explicit_zero_and_names_what_is_missing() {
        // when the pharmacist declares cisplatine and a zero stock of lomustine, not vincristine
        Response r = API.call("PUT", PATH, PH_FLEYRIAT, lines(line("cisplatine", 120, 8), line("lomustine", 0, 0.5)));

        // then it is stored, on time, the zero is a line, and vincristine is missing
        assertEquals(200, r.status(), r.body());
        assertEquals(false, r.object().get("late"));
        assertEquals(List.of("vincristine-ara"), r.object().get("missingItems"));
        Response read = API.call("GET", PATH, ARS_84, null);
        assertEquals(200, read.status(), read.body());
        List<?> stored = (List<?>) read.object().get("lines");
        assertEquals(2, stored.size());
        assertEquals(0, ((Number) ((Map<?, ?>) stored.get(1)).get("stock")).intValue());
    }

    @Test
    void every_bad_line_is_named_and_nothing_is_stored() {
        // given a negative stock, a fractional stock, a missing consumption, an unknown item and a duplicate
        Map<String, Object> body = lines(line("cisplatine", -1, 2), line("lomustine", 2.5, 1), line("vincristine-ara", 3, null),
                line("doliprane", 1, 1), line("cisplatine", 4, 1));

        // when it is declared
        Response r = API.call("PUT", PATH, PH_FLEYRIAT, body);

        // then 422 lists each problem by line and field, and the week is still undeclared
        assertEquals(422, r.status(), r.body());
        List<String> pointers = ((List<?>) r.object().get("errors")).stream()
                .map(e -> (String) ((Map<?, ?>) e).get("pointer")).toList();
        assertEquals(List.of("/lines/0/stock", "/lines/1/stock", "/lines/2/averageDailyConsumption",
                "/lines/3/itemId", "/lines/4/itemId"), pointers);
        assertEquals(404, API.call("GET", PATH, PH_FLEYRIAT, null).status());
    }

    @Test
    void numbers_out_of_their_range_are_named_with_it_before_any_arithmetic_and_nothing_is_stored() {
        // given a stock of 1e20, one of 2^63 - 1, a consumption of 1e100000 (13 bytes for 100,001 digits)
        // and one of 1e-100000
        String body = "{\"lines\":[{\"itemId\":\"cisplatine\",\"stock\":1e20,\"averageDailyConsumption\":1},"
                + "{\"itemId\":\"lomustine\",\"stock\":9223372036854775807,\"averageDailyConsumption\":1e100000},"
                + "{\"itemId\":\"vincristine-ara\",\"stock\":1,\"averageDailyConsumption\":1e-100000}]}";

        // when it is declared
        Response r = API.call("PUT", PATH, PH_FLEYRIAT, body);

        // then 422 names each number with the range it must be in, and the week is still undeclared
        assertEquals(422, r.status(), r.body());
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        ((List<?>) r.object().get("errors")).forEach(e -> errors.put((String) ((Map<?, ?>) e).get("pointer"),
                (String) ((Map<?, ?>) e).get("message")));
        assertEquals(List.of("/lines/0/stock", "/lines/1/stock", "/lines/1/averageDailyConsumption",
                "/lines/2/averageDailyConsumption"), List.copyOf(errors.keySet()), r.body());
        assertTrue(errors.get("/lines/0/stock").contains("from 0 to 1000000000"), r.body());
        assertTrue(errors.get("/lines/1/averageDailyConsumption").contains("from 0 to 10000000"), r.body());
        assertTrue(errors.get("/lines/2/averageDailyConsumption").contains("at most 3 decimals"), r.body());
        assertEquals(404, API.call("GET", PATH, PH_FLEYRIAT, null).status());
    }

    @Test
    void a_json_body_followed_by_more_text_or_holding_a_wrong_type_is_refused_without_naming_the_code() {
        // given a declaration followed by a second object, and one whose stock is text
        String trailing = "{\"lines\":[{\"itemId\":\"cisplatine\",\"stock\":1,\"averageDailyConsumption\":1}]} {\"lines\":[]}";
        String wrongType = "{\"lines\":[{\"itemId\":\"cisplatine\",\"stock\":\"lots\",\"averageDailyConsumption\":1}]}";

        // when each is declared
        Response first = API.call("PUT", PATH, PH_FLEYRIAT, trailing);
        Response second = API.call("PUT", PATH, PH_FLEYRIAT, wrongType);

        // then both are problems in the users' terms, and nothing is stored
        assertEquals(400, first.status(), first.body());
        assertEquals("application/problem+json", first.header("Content-Type"));
        assertTrue(second.status() == 400 || second.status() == 422, second.body());
        for (Response r : List.of(first, second)) {
            assertFalse(r.body().matches("(?s).*(fr\\.dispostock|java\\.|class |Exception|\\$).*"), r.body());
        }
        assertEquals(404, API.call("GET", PATH, PH_FLEYRIAT, null).status());
    }

    @Test
    void a_week_that_has_not_started_is_refused() {
        // when next week is declared on Monday of this one
        Response r = API.call("PUT", "/v1/puis/" + FLEYRIAT_ET + "/declarations/2026-W49", PH_FLEYRIAT,
                lines(line("cisplatine", 1, 1)));

        // then 422 on the week
        assertEquals(422, r.status(), r.body());
        assertTrue(r.body().contains("has not started"), r.body());
    }

    @Test
    void a_correction_replaces_the_figures_and_keeps_the_earlier_ones_and_a_retry_adds_nothing() {
        // given a declaration
        API.call("PUT", PATH, PH_FLEYRIAT, lines(line("cisplatine", 120, 8)));

        // when it is corrected, and the correction is sent again (a retry)
        API.call("PUT", PATH, PH_FLEYRIAT, lines(line("cisplatine", 100, 8), line("lomustine", 5, 1)));
        Response retry = API.call("PUT", PATH, PH_FLEYRIAT, lines(line("cisplatine", 100, 8), line("lomustine", 5, 1)));

        // then the current figures are the correction, with one earlier revision (who, when, what) on the history route
        assertEquals(200, retry.status(), retry.body());
        Response read = API.call("GET", PATH, PH_FLEYRIAT, null);
        assertEquals(100, ((Number) ((Map<?, ?>) ((List<?>) read.object().get("lines")).get(0)).get("stock")).intValue());
        assertEquals(1, ((Number) read.object().get("revisions")).intValue());
        Response page = API.call("GET", PATH + "/history", PH_FLEYRIAT, null);
        assertEquals(200, page.status(), page.body());
        List<?> history = (List<?>) page.object().get("revisions");
        assertEquals(1, history.size());
        assertEquals(null, page.object().get("next"));
        Map<?, ?> earlier = (Map<?, ?>) history.get(0);
        assertTrue(earlier.get("declaredBy").toString().contains("ph@own.fr"));
        assertEquals(120, ((Number) ((Map<?, ?>) ((List<?>) earlier.get("lines")).get(0)).get("stock")).intValue());
    }

    @Test
    void a_declaration_after_monday_is_accepted_and_marked_late() {
        // given the platform on Tuesday
        try (HttpApiHarness tuesday = harness("2026-11-24T08:00:00Z")) {
            // when the pharmacist declares this week
            Response r = tuesday.call("PUT", PATH, PH_FLEYRIAT, lines(line("cisplatine", 12, 1)));

            // then it is stored, late
            assertEquals(200, r.status(), r.body());
            assertEquals(true, r.object().get("late"));
        }
    }

    @Test
    void a_csv_file_is_declared_like_json_and_its_bad_cells_are_named() {
        // given a hospital software's export, French decimal comma included
        String good = "itemId;stock;averageDailyConsumption\ncisplatine;120;2,5\nlomustine;0;0\n";
        String bad = "itemId;stock;averageDailyConsumption\ncisplatine;douze;2\n";

        // when both are sent as text/csv
        Response ok = API.call("PUT", PATH, PH_FLEYRIAT, good);
        Response refused = API.call("PUT", "/v1/puis/" + BUGEY_ET + "/declarations/" + WEEK, PH_BUGEY, bad);

        // then the first is stored, the second refused on its stock cell
        assertEquals(200, ok.status(), ok.body());
        assertEquals(2.5, ((Number) ((Map<?, ?>) ((List<?>) ok.object().get("lines")).get(0)).get("averageDailyConsumption")).doubleValue());
        assertEquals(422, refused.status(), refused.body());
        assertTrue(refused.body().contains("/lines/0/stock"), refused.body());
    }

    @Test
    void only_the_pharmacists_of_the_establishment_declare_for_its_pui() {
        // when a pharmacist of another establishment, and the region's ARS, declare for CH de Fleyriat
        Response other = API.call("PUT", PATH, PH_BUGEY, lines(line("cisplatine", 1, 1)));
        Response ars = API.call("PUT", PATH, ARS_84, lines(line("cisplatine", 1, 1)));

        // then both are forbidden and nothing is stored
        assertEquals(403, other.status());
        assertEquals(403, ars.status());
        assertEquals(404, API.call("GET", PATH, NATIONAL, null).status());
    }
}
