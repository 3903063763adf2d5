package fr.dispostock.insights;

import fr.dispostock.domain.register.Pui;
import fr.dispostock.embedded.DynamoDbLocalExtension;
import fr.dispostock.embedded.HttpApiHarness.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static fr.dispostock.insights.InsightsFunction.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(DynamoDbLocalExtension.class)
class RiskRoutesTest {

    @BeforeEach
    void aRunOfTwoPuis() {
        // two PUIs of two regions, each with an item at 4 days of stock and one at 90 days
        List<Pui> puis = puis();
        for (Pui pui : puis) {
            declare(pui, "ITEM-A", WEEK, 120, 30);
            declare(pui, "ITEM-B", WEEK, 900, 10);
        }
        fire("AfterWeeklyDeclarations", MONDAY_RUN);
    }

    @Test
    void the_ars_reads_its_regions_alerts_within_the_horizon_with_their_reasons() {
        // when the ARS of Auvergne-Rhône-Alpes reads the alerts within 7 days
        Response r = API.call("GET", "/v1/insights/risks?horizon=7", ACCOUNTS.get("ARS-own"), null);

        // then Fleyriat's ITEM-A alone, with its reason
        assertEquals(200, r.status(), r.body());
        assertEquals(1, r.list().size(), r.body());
        @SuppressWarnings("unchecked") Map<String, Object> alert = (Map<String, Object>) r.list().get(0);
        assertEquals(FLEYRIAT_ET, alert.get("finessEt"));
        assertEquals("ITEM-A", alert.get("itemId"));
        assertEquals(7, alert.get("withinDays"));
        assertTrue(((String) alert.get("reason")).startsWith("stock 120,"), alert.toString());
    }

    @Test
    void the_nation_reads_every_region_and_a_pharmacist_its_own_pui_only() {
        // when the national operator reads every alert, and each pharmacist reads Fleyriat's items
        Response nation = API.call("GET", "/v1/insights/risks?horizon=28", ACCOUNTS.get("NATIONAL"), null);
        Response own = API.call("GET", "/v1/puis/" + FLEYRIAT_ET + "/insights", ACCOUNTS.get("PHARMACIST-own"), null);
        Response other = API.call("GET", "/v1/puis/" + FLEYRIAT_ET + "/insights", ACCOUNTS.get("PHARMACIST-other"), null);

        // then both regions' alerts; both of Fleyriat's items, nearest first; another establishment's refused
        assertEquals(2, nation.list().size(), nation.body());
        assertEquals(200, own.status(), own.body());
        assertEquals(List.of("ITEM-A", "ITEM-B"), own.list().stream().map(o -> ((Map<?, ?>) o).get("itemId")).toList());
        assertEquals(403, other.status(), other.body());
    }

    @Test
    void the_nation_without_a_horizon_gets_the_nearest_stock_outs_up_to_the_limit_and_the_count_of_all() {
        // when the national operator reads every assessed PUI × item, at most 3 of them
        Response r = API.call("GET", "/v1/insights/risks?limit=3", ACCOUNTS.get("NATIONAL"), null);

        // then the 3 nearest stock-outs (both ITEM-A at 4 days first), and the header counts all 4
        assertEquals(200, r.status(), r.body());
        assertEquals(3, r.list().size(), r.body());
        assertEquals(List.of("ITEM-A", "ITEM-A", "ITEM-B"), r.list().stream().map(o -> ((Map<?, ?>) o).get("itemId")).toList());
        assertEquals("4", r.header("X-Total-Count"));
    }

    @Test
    void an_item_asked_keeps_its_alerts_only_and_the_count_counts_them() {
        // when the national operator reads ITEM-B's assessments, then ITEM-A's at most 1
        Response itemB = API.call("GET", "/v1/insights/risks?itemId=ITEM-B", ACCOUNTS.get("NATIONAL"), null);
        Response itemA = API.call("GET", "/v1/insights/risks?itemId=ITEM-A&limit=1", ACCOUNTS.get("NATIONAL"), null);

        // then both PUIs' ITEM-B, counted 2; one ITEM-A of the 2 there are
        assertEquals(200, itemB.status(), itemB.body());
        assertEquals(List.of("ITEM-B", "ITEM-B"), itemB.list().stream().map(o -> ((Map<?, ?>) o).get("itemId")).toList());
        assertEquals("2", itemB.header("X-Total-Count"));
        assertEquals(List.of("ITEM-A"), itemA.list().stream().map(o -> ((Map<?, ?>) o).get("itemId")).toList());
        assertEquals("2", itemA.header("X-Total-Count"));
    }

    @Test
    void an_item_id_of_no_items_shape_is_named() {
        // when the item asked has a space, then 65 characters
        Response space = API.call("GET", "/v1/insights/risks?itemId=ITEM%20A", ACCOUNTS.get("NATIONAL"), null);
        Response tooLong = API.call("GET", "/v1/insights/risks?itemId=" + "A".repeat(65), ACCOUNTS.get("NATIONAL"), null);

        // then 422 as problem+json naming itemId, both times
        for (Response r : List.of(space, tooLong)) {
            assertEquals(422, r.status(), r.body());
            assertTrue(r.header("Content-Type").startsWith("application/problem+json"), r.header("Content-Type"));
            assertTrue(r.body().contains("\"pointer\":\"itemId\""), r.body());
        }
    }

    @Test
    void a_limit_out_of_its_bounds_is_refused() {
        // when the national operator asks for 0 alerts, then for more than one answer carries
        Response none = API.call("GET", "/v1/insights/risks?limit=0", ACCOUNTS.get("NATIONAL"), null);
        Response tooMany = API.call("GET", "/v1/insights/risks?limit=5001", ACCOUNTS.get("NATIONAL"), null);

        // then 422 naming the limit, both times
        assertEquals(422, none.status(), none.body());
        assertTrue(none.body().contains("\"pointer\":\"limit\""), none.body());
        assertEquals(422, tooMany.status(), tooMany.body());
        assertTrue(tooMany.body().contains("between 1 and 5000"), tooMany.body());
    }

    @Test
    void a_week_no_run_assessed_is_not_found_rather_than_a_week_without_risk() {
        // when the ARS reads the week after the run's, which no run has assessed yet
        Response r = API.call("GET", "/v1/insights/risks?horizon=14&week=" + WEEK.next(), ACCOUNTS.get("ARS-own"), null);

        // then 404 saying so, not an empty list that would read as no PUI at risk
        assertEquals(404, r.status(), r.body());
        assertTrue(r.body().contains("No insights computed for week " + WEEK.next()), r.body());
    }

    @Test
    void another_region_and_bad_parameters_are_refused() {
        // when the ARS of Auvergne-Rhône-Alpes asks for Corsica, and for a horizon of 5 days in a bad week
        Response corsica = API.call("GET", "/v1/insights/risks?region=94", ACCOUNTS.get("ARS-own"), null);
        Response bad = API.call("GET", "/v1/insights/risks?horizon=5&week=2026-48", ACCOUNTS.get("ARS-own"), null);

        // then 403, and 422 naming both parameters
        assertEquals(403, corsica.status(), corsica.body());
        assertEquals(422, bad.status(), bad.body());
        assertTrue(bad.body().contains("horizon") && bad.body().contains("week"), bad.body());
    }
}
