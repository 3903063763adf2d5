package fr.dispostock.declarations;

import fr.dispostock.embedded.DynamoDbLocalExtension;
import fr.dispostock.embedded.HttpApiHarness.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static fr.dispostock.declarations.DeclarationsFunction.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@ExtendWith(DynamoDbLocalExtension.class)
class StockPictureTest {

    @BeforeEach
    void twoOfThreePuisHaveDeclared() {
        registers();
        // CH de Fleyriat: 120 units, 8/day; CH Ajaccio: 0 units, nothing consumed; CH Haut Bugey: nothing yet
        API.call("PUT", "/v1/puis/" + FLEYRIAT_ET + "/declarations/" + WEEK, PH_FLEYRIAT,
                lines(line("cisplatine", 120, 8), line("lomustine", 30, 0)));
        API.call("PUT", "/v1/puis/" + AJACCIO_ET + "/declarations/" + WEEK, PH_AJACCIO,
                lines(line("cisplatine", 0, 0)));
        // and last week, CH de Fleyriat had 160 (declared late, today)
        API.call("PUT", "/v1/puis/" + FLEYRIAT_ET + "/declarations/2026-W47", PH_FLEYRIAT,
                lines(line("cisplatine", 160, 8)));
    }

    @Test
    void the_ars_sees_who_has_not_declared_in_its_region_with_their_address() {
        // when the ARS of region 84 asks for the completeness of the week
        Response r = API.call("GET", "/v1/declarations/completeness?week=" + WEEK, ARS_84, null);

        // then 2 PUIs expected, 1 declared, 0 late, and CH Haut Bugey missing with its e-mail
        assertEquals(200, r.status(), r.body());
        assertEquals(2, ((Number) r.object().get("expected")).intValue());
        assertEquals(1, ((Number) r.object().get("declared")).intValue());
        assertEquals(0, ((Number) r.object().get("late")).intValue());
        Map<?, ?> missing = (Map<?, ?>) ((List<?>) r.object().get("missing")).get(0);
        assertEquals(BUGEY_ET, missing.get("finessEt"));
        assertEquals("pui-" + BUGEY_ET + "@dispostock.invalid", missing.get("email"));
    }

    @Test
    void the_nation_sees_every_region_and_the_late_ones() {
        // when the national operator asks for last week, declared today (late)
        Response r = API.call("GET", "/v1/declarations/completeness?week=2026-W47", NATIONAL, null);

        // then 3 PUIs expected in France, 1 declared, late
        assertEquals(200, r.status(), r.body());
        assertEquals(3, ((Number) r.object().get("expected")).intValue());
        assertEquals(1, ((Number) r.object().get("declared")).intValue());
        assertEquals(1, ((Number) r.object().get("late")).intValue());
    }

    @Test
    void the_nation_sees_by_region_who_declared_who_left_an_item_out_and_who_is_missing() {
        // when the national operator asks for the week's completeness (by region, the default)
        Response r = API.call("GET", "/v1/declarations/completeness?week=" + WEEK, NATIONAL, null);

        // then Auvergne-Rhône-Alpes: 2 expected, 1 declared without its regional vincristine, 1 missing;
        // Corsica: 1 declared without lomustine
        assertEquals(200, r.status(), r.body());
        assertEquals("region", r.object().get("by"));
        assertEquals(2, ((Number) r.object().get("incomplete")).intValue());
        assertEquals(1, ((Number) r.object().get("missingCount")).intValue());
        List<?> rows = (List<?>) r.object().get("rows");
        assertEquals(List.of("84", "94"), rows.stream().map(x -> ((Map<?, ?>) x).get("key")).toList());
        assertEquals(List.of(2, 1, 1, 0, 1), counts((Map<?, ?>) rows.get(0)));
        assertEquals(List.of(1, 1, 1, 0, 0), counts((Map<?, ?>) rows.get(1)));
        // and the missing PUI comes with its contact details and where it is
        Map<?, ?> missing = (Map<?, ?>) ((List<?>) r.object().get("missing")).get(0);
        assertEquals(List.of(BUGEY_ET, "01", "84"), List.of(missing.get("finessEt"), missing.get("departement"),
                missing.get("region")));
    }

    @Test
    void the_ars_sees_its_region_by_departement_and_by_pui() {
        // when the ARS of region 84 asks by département (the default in a region), then by PUI
        Response byDepartement = API.call("GET", "/v1/declarations/completeness?week=" + WEEK, ARS_84, null);
        Response byPui = API.call("GET", "/v1/declarations/completeness?week=" + WEEK + "&by=puis", ARS_84, null);

        // then Ain: 2 expected, 1 declared (without the region's vincristine); by PUI, one row each, Haut Bugey missing
        assertEquals(200, byDepartement.status(), byDepartement.body());
        Map<?, ?> ain = (Map<?, ?>) ((List<?>) byDepartement.object().get("rows")).get(0);
        assertEquals(List.of("01", "Ain"), List.of(ain.get("key"), ain.get("name")));
        assertEquals(List.of(2, 1, 1, 0, 1), counts(ain));
        List<?> puis = (List<?>) byPui.object().get("rows");
        assertEquals(List.of(FLEYRIAT_ET, BUGEY_ET), puis.stream().map(x -> ((Map<?, ?>) x).get("key")).toList());
        assertEquals(List.of(1, 0, 0, 0, 1), counts((Map<?, ?>) puis.get(1)));
    }

    @Test
    void a_grouping_the_api_does_not_know_is_a_422_naming_by() {
        // when the completeness is asked by commune
        Response r = API.call("GET", "/v1/declarations/completeness?week=" + WEEK + "&by=commune", NATIONAL, null);

        // then 422 on by
        assertEquals(422, r.status(), r.body());
        assertEquals("by", ((Map<?, ?>) ((List<?>) r.object().get("errors")).get(0)).get("pointer"));
    }

    /** expected, declared, incomplete, late, missing of a row. */
    private static List<Integer> counts(Map<?, ?> row) {
        return List.of("expected", "declared", "incomplete", "late", "missing").stream()
                .map(k -> ((Number) row.get(k)).intValue()).toList();
    }

    @Test
    void the_overview_gives_stock_consumption_coverage_and_zero_stocks_by_region_with_the_trend() {
        // when the nation looks at cisplatine by region
        Response r = API.call("GET", "/v1/stock/overview?itemId=cisplatine&week=" + WEEK + "&by=region", NATIONAL, null);

        // then 120 units for 8/day: 15 days; two PUIs declared, one at zero; Corsica has no consumption
        assertEquals(200, r.status(), r.body());
        assertEquals(120, ((Number) r.object().get("totalStock")).intValue());
        assertEquals(15.0, ((Number) r.object().get("coverageDays")).doubleValue());
        assertEquals(2, ((Number) r.object().get("pusDeclared")).intValue());
        assertEquals(1, ((Number) r.object().get("pusZeroStock")).intValue());
        List<?> rows = (List<?>) r.object().get("rows");
        Map<?, ?> corsica = (Map<?, ?>) rows.get(1);
        assertEquals("94", corsica.get("key"));
        assertNull(corsica.get("coverageDays"));
        assertEquals("no consumption", corsica.get("coverageNote"));
        List<?> trend = (List<?>) r.object().get("trend");
        assertEquals(8, trend.size());
        assertEquals("2026-W41", ((Map<?, ?>) trend.get(0)).get("week"));
        assertEquals(160, ((Number) ((Map<?, ?>) trend.get(6)).get("totalStock")).intValue());
    }

    @Test
    void a_week_or_a_scope_where_no_pui_declared_the_item_has_no_stock_and_no_consumption_rather_than_zeros() {
        // when the nation reads cisplatine this week (week 41, first of the trend, has no declaration), and
        // week 30, which nobody declared
        Response r = API.call("GET", "/v1/stock/overview?itemId=cisplatine&week=" + WEEK + "&by=region", NATIONAL, null);
        Response empty = API.call("GET", "/v1/stock/overview?itemId=cisplatine&week=2026-W30", NATIONAL, null);

        // then the undeclared week and scope say null stock and consumption with 0 PUIs declared, not 0 units
        assertEquals(200, r.status(), r.body());
        Map<?, ?> first = (Map<?, ?>) ((List<?>) r.object().get("trend")).get(0);
        assertEquals(0, ((Number) first.get("pusDeclared")).intValue());
        assertNull(first.get("totalStock"), first.toString());
        assertNull(first.get("averageDailyConsumption"), first.toString());
        assertNull(first.get("coverageNote"), first.toString());
        assertEquals(200, empty.status(), empty.body());
        assertNull(empty.object().get("totalStock"), empty.body());
        assertNull(empty.object().get("averageDailyConsumption"), empty.body());
        assertEquals(0, ((Number) empty.object().get("pusDeclared")).intValue());
    }

    @Test
    void an_omedit_reads_its_region_by_pui_and_not_another_region() {
        // when the OMEDIT of region 84 reads its region by PUI, then Corsica
        Response own = API.call("GET", "/v1/stock/overview?itemId=cisplatine&week=" + WEEK, OMEDIT_84, null);
        Response other = API.call("GET", "/v1/stock/overview?itemId=cisplatine&week=" + WEEK + "&region=94", OMEDIT_84, null);

        // then its own region's PUIs, named; the other region is forbidden
        assertEquals(200, own.status(), own.body());
        Map<?, ?> row = (Map<?, ?>) ((List<?>) own.object().get("rows")).get(0);
        assertEquals(FLEYRIAT_ET, row.get("key"));
        assertEquals("CH DE FLEYRIAT", row.get("name"));
        assertEquals(403, other.status());
    }

    @Test
    void bad_queries_name_each_parameter() {
        // when the week is malformed and the grouping unknown
        Response r = API.call("GET", "/v1/stock/overview?itemId=cisplatine&week=2026-48&by=commune", NATIONAL, null);

        // then both are named
        assertEquals(422, r.status(), r.body());
        assertEquals(List.of("week", "by"), ((List<?>) r.object().get("errors")).stream()
                .map(e -> ((Map<?, ?>) e).get("pointer")).toList());
    }
}
