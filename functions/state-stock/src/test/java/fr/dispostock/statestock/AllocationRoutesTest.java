package fr.dispostock.statestock;

import fr.dispostock.embedded.DynamoDbLocalExtension;
import fr.dispostock.embedded.HttpApiHarness.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static fr.dispostock.statestock.LotRoutesTest.lot;
import static fr.dispostock.statestock.StateStockFunction.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The fair share of an order day. On Thursday 26 November 2026 both PUIs order 420 tecovirimat capsules
 * (10 packs of 42) for the order day of 3 December; the supplier has 504 (12 packs).
 * CH de Fleyriat held 252 on 29 October and 84 now: it used 168 in 28 days, 6 a day, and has 14 days left.
 * Ajaccio declared no lots: it holds none that we know, its use is unknown, its order is taken for 28 days (15 a day).
 * By hand, one pack at a time to the PUI with the lowest coverage before it (Ajaccio's packs add 2.8 days,
 * Fleyriat's 7): Ajaccio's at 0, 2.8, 5.6, 8.4, 11.2, 14 (tied with Fleyriat's at 14: Ajaccio would then have
 * less, 16.8 days against 21), Fleyriat's at 14, Ajaccio's at 16.8, 19.6, Fleyriat's at 21, Ajaccio's at 22.4
 * and 25.2: 12 packs. Ajaccio 10 packs (420: all it asked), Fleyriat 2 (84): both at 28 days.
 */
@ExtendWith(DynamoDbLocalExtension.class)
class AllocationRoutesTest {
    static final String ORDER_DAY = "2026-12-03";

    @BeforeEach
    void twoOrdersOfTecovirimatAndTheirPuisLots() {
        registersAndCatalogue();
        put("/v1/puis/" + FLEYRIAT_ET + "/state-stock/2026-10-29", PH_FLEYRIAT,
                Map.of("lines", List.of(lot("TECOVIRIMAT-200", "T-1", "2027-06-30", 252, null))));
        put("/v1/puis/" + FLEYRIAT_ET + "/state-stock/" + THURSDAY, PH_FLEYRIAT,
                Map.of("lines", List.of(lot("TECOVIRIMAT-200", "T-1", "2027-06-30", 84, null))));
        assertEquals(201, API.call("POST", "/v1/orders", PH_FLEYRIAT, order(FLEYRIAT_ET, "TECOVIRIMAT-200", 420),
                Map.of("Idempotency-Key", "fleyriat-1")).status());
        assertEquals(201, API.call("POST", "/v1/orders", PH_AJACCIO, order(AJACCIO_ET, "TECOVIRIMAT-200", 420),
                Map.of("Idempotency-Key", "ajaccio-1")).status());
        put("/v1/state-stock/availability/" + ORDER_DAY, SUPPLIER,
                Map.of("lines", List.of(Map.of("productCode", "TECOVIRIMAT-200", "available", 504))));
    }

    private static void put(String path, String token, Object body) {
        Response r = API.call("PUT", path, token, body);
        assertEquals(true, r.status() == 200 || r.status() == 201, r.body());
    }

    private static Map<?, ?> tecovirimat(Response r) {
        assertEquals(200, r.status(), r.body());
        List<?> products = (List<?>) r.object().get("products");
        assertEquals(1, products.size(), r.body());
        return (Map<?, ?>) products.get(0);
    }

    @Test
    void each_ars_is_proposed_the_share_that_brings_every_pui_of_france_to_the_same_coverage() {
        // when the ARS of each region reads the proposal of the order day
        Map<?, ?> ara = tecovirimat(API.call("GET", "/v1/state-stock/allocation?orderDay=" + ORDER_DAY, ARS_84, null));
        Map<?, ?> corse = tecovirimat(API.call("GET", "/v1/state-stock/allocation?orderDay=" + ORDER_DAY, ARS_94, null));

        // then each sees its own line: Fleyriat 84 (14 → 28 days), Ajaccio 420 (0 → 28 days), with the day's figures
        assertEquals(504, ara.get("available"));
        assertEquals(840, ara.get("asked"));
        assertEquals(true, ara.get("shortage"));
        assertEquals(28.0, ara.get("level"));
        Map<?, ?> fleyriat = (Map<?, ?>) ((List<?>) ara.get("lines")).get(0);
        assertEquals(List.of(FLEYRIAT_ET, 420, 84, 6.0, 84, 14.0, 28.0), List.of(fleyriat.get("finessEt"), fleyriat.get("asked"),
                fleyriat.get("stock"), fleyriat.get("dailyUse"), fleyriat.get("proposed"), fleyriat.get("coverageBefore"),
                fleyriat.get("coverageAfter")));
        assertEquals(1, ((List<?>) ara.get("lines")).size());
        Map<?, ?> ajaccio = (Map<?, ?>) ((List<?>) corse.get("lines")).get(0);
        assertEquals(List.of(AJACCIO_ET, 420, 0, 420, 28.0), List.of(ajaccio.get("finessEt"), ajaccio.get("asked"),
                ajaccio.get("stock"), ajaccio.get("proposed"), ajaccio.get("coverageAfter")));
        assertEquals(null, ajaccio.get("dailyUse"));
    }

    @Test
    void what_an_ars_approved_is_served_first_and_the_rest_is_shared() {
        // given Corsica's ARS approved 210 of Ajaccio's 420 (its own decision, not the proposal)
        String ajaccioOrder = (String) ((Map<?, ?>) API.call("GET", "/v1/orders?region=94", ARS_94, null).list().get(0)).get("orderId");
        Response review = API.call("POST", "/v1/orders/" + ajaccioOrder + "/review", ARS_94, Map.of("lines", List.of(
                Map.of("productCode", "TECOVIRIMAT-200", "approvedQuantity", 210, "reason", "part du stock national"))));
        assertEquals(200, review.status(), review.body());

        // when the ARS of Auvergne-Rhône-Alpes reads the proposal
        Map<?, ?> ara = tecovirimat(API.call("GET", "/v1/state-stock/allocation?orderDay=" + ORDER_DAY, ARS_84, null));

        // then the 294 left (7 packs) are proposed to Fleyriat, which asked 10
        assertEquals(210, ara.get("approved"));
        assertEquals(294, ((Map<?, ?>) ((List<?>) ara.get("lines")).get(0)).get("proposed"));
    }

    @Test
    void the_syringes_proposed_with_vaccines_in_shortage_follow_the_vaccines_proposed_in_whole_packs() {
        // given both PUIs order 400 MPox doses (with 400 syringes proposed each), and the supplier has 240 doses
        for (String[] pui : new String[][]{{FLEYRIAT_ET, PH_FLEYRIAT, "fleyriat-mpox"}, {AJACCIO_ET, PH_AJACCIO, "ajaccio-mpox"}}) {
            assertEquals(201, API.call("POST", "/v1/orders", pui[1], order(pui[0], "MPOX-MVA-BN", 400),
                    Map.of("Idempotency-Key", pui[2])).status());
        }
        put("/v1/state-stock/availability/" + ORDER_DAY, SUPPLIER, Map.of("lines", List.of(
                Map.of("productCode", "TECOVIRIMAT-200", "available", 504), Map.of("productCode", "MPOX-MVA-BN", "available", 240))));

        // when the ARS of Auvergne-Rhône-Alpes reads the proposal
        Response r = API.call("GET", "/v1/state-stock/allocation?orderDay=" + ORDER_DAY, ARS_84, null);

        // then Fleyriat is proposed 120 doses (6 packs), and the syringes for them: 200 of its 400 (2 packs of 100),
        // the syringes not declared by the supplier
        assertEquals(200, r.status(), r.body());
        Map<String, Map<?, ?>> products = new java.util.HashMap<>();
        ((List<?>) r.object().get("products")).forEach(p -> products.put((String) ((Map<?, ?>) p).get("productCode"), (Map<?, ?>) p));
        assertEquals(120, ((Map<?, ?>) ((List<?>) products.get("MPOX-MVA-BN").get("lines")).get(0)).get("proposed"));
        Map<?, ?> syringes = products.get("SYRINGE-1ML");
        assertEquals(true, syringes.get("followsVaccines"), r.body());
        assertEquals(false, syringes.get("shortage"));
        assertEquals(null, syringes.get("available"));
        Map<?, ?> line = (Map<?, ?>) ((List<?>) syringes.get("lines")).get(0);
        assertEquals(List.of(FLEYRIAT_ET, 400, 200), List.of(line.get("finessEt"), line.get("asked"), line.get("proposed")));
        assertEquals(1, ((List<?>) syringes.get("lines")).size());
        assertEquals(false, products.get("TECOVIRIMAT-200").get("followsVaccines"));
    }

    @Test
    void only_the_supplier_declares_and_only_the_ars_of_the_region_and_the_national_operator_read_the_proposal() {
        // when others try, or send a day that is not an order day
        Response arsDeclares = API.call("PUT", "/v1/state-stock/availability/" + ORDER_DAY, ARS_84,
                Map.of("lines", List.of(Map.of("productCode", "TECOVIRIMAT-200", "available", 1))));
        Response pharmacist = API.call("GET", "/v1/state-stock/allocation?orderDay=" + ORDER_DAY, PH_FLEYRIAT, null);
        Response otherRegion = API.call("GET", "/v1/state-stock/allocation?orderDay=" + ORDER_DAY + "&region=84", ARS_94, null);
        Response national = API.call("GET", "/v1/state-stock/allocation?orderDay=" + ORDER_DAY, NATIONAL, null);
        Response notAnOrderDay = API.call("PUT", "/v1/state-stock/availability/2026-12-10", SUPPLIER,
                Map.of("lines", List.of(Map.of("productCode", "NOPE", "available", -1))));

        // then refused, except the national operator who sees both lines; every bad field named
        assertEquals(403, arsDeclares.status());
        assertEquals(403, pharmacist.status());
        assertEquals(403, otherRegion.status());
        assertEquals(2, ((List<?>) tecovirimat(national).get("lines")).size());
        assertEquals(422, notAnOrderDay.status());
        assertEquals(List.of("orderDay", "/lines/0/productCode", "/lines/0/available"),
                ((List<?>) notAnOrderDay.object().get("errors")).stream().map(e -> ((Map<?, ?>) e).get("pointer")).toList());
    }
}
