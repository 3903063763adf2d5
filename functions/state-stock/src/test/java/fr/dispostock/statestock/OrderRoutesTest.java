package fr.dispostock.statestock;

import fr.dispostock.embedded.DynamoDbLocalExtension;
import fr.dispostock.embedded.HttpApiHarness.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static fr.dispostock.statestock.StateStockFunction.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(DynamoDbLocalExtension.class)
class OrderRoutesTest {

    @BeforeEach
    void catalogue() {
        registersAndCatalogue();
    }

    private static Response place(String key, Map<String, Object> body) {
        return API.call("POST", "/v1/orders", PH_FLEYRIAT, body, Map.of("Idempotency-Key", key));
    }

    private static String placed(String key) {
        Response r = place(key, order(FLEYRIAT_ET, "MPOX-MVA-BN", 40));
        assertEquals(201, r.status(), r.body());
        return (String) r.object().get("orderId");
    }

    @Test
    void an_order_of_vaccines_proposes_their_syringes_in_whole_packs_for_the_next_order_day() {
        // when the pharmacist orders 2 packs of MPox vaccine (40 doses) on Thursday 26 November
        Response r = place("order-2026-11-26-a", order(FLEYRIAT_ET, "MPOX-MVA-BN", 40));

        // then the order is submitted for Thursday 3 December, with one pack of 100 syringes proposed
        assertEquals(201, r.status(), r.body());
        assertEquals("SUBMITTED", r.object().get("status"));
        assertEquals("2026-12-03", r.object().get("orderDay"));
        List<?> lines = (List<?>) r.object().get("lines");
        Map<?, ?> syringes = (Map<?, ?>) lines.get(1);
        assertEquals("SYRINGE-1ML", syringes.get("productCode"));
        assertEquals(100, ((Number) syringes.get("quantity")).intValue());
        assertEquals(true, syringes.get("proposed"));
    }

    @Test
    void quantities_out_of_range_are_refused_with_the_range_and_create_no_order() {
        // given orders of 1e20 and of 2^63 - 1 units (the devices added would overflow), and a pack size of 1e20
        Response huge = API.call("POST", "/v1/orders", PH_FLEYRIAT, "{\"finessEt\":\"" + FLEYRIAT_ET
                + "\",\"lines\":[{\"productCode\":\"TECOVIRIMAT-200\",\"quantity\":1e20}]}",
                Map.of("Idempotency-Key", "huge-order-1"));
        Response overflow = API.call("POST", "/v1/orders", PH_FLEYRIAT,
                order(FLEYRIAT_ET, "MPOX-MVA-BN", Long.MAX_VALUE), Map.of("Idempotency-Key", "overflow-order-1"));
        Response pack = API.call("PUT", "/v1/state-stock/products/BIG-PACK", NATIONAL,
                "{\"name\":\"n\",\"kind\":\"ANTIVIRAL\",\"unit\":\"capsule\",\"packSize\":1e20}");

        // then each answers 422 naming the field and its range, and no order exists
        for (Response r : List.of(huge, overflow, pack)) {
            assertEquals(422, r.status(), r.body());
        }
        assertTrue(huge.body().contains("/lines/0/quantity") && huge.body().contains("from 0 to 10000000"), huge.body());
        assertTrue(overflow.body().contains("from 0 to 10000000"), overflow.body());
        assertTrue(pack.body().contains("/packSize") && pack.body().contains("from 0 to 100000"), pack.body());
        assertEquals(List.of(), API.call("GET", "/v1/orders?finessEt=" + FLEYRIAT_ET, PH_FLEYRIAT, null).list());
    }

    @Test
    void the_supplier_reads_the_pui_an_approved_order_goes_to_and_not_the_others() {
        // given a submitted order, and another approved by the ARS
        String submitted = (String) API.call("POST", "/v1/orders", PH_FLEYRIAT, order(FLEYRIAT_ET, "TECOVIRIMAT-200", 42),
                Map.of("Idempotency-Key", "delivery-submitted")).object().get("orderId");
        String approved = (String) API.call("POST", "/v1/orders", PH_FLEYRIAT, order(FLEYRIAT_ET, "TECOVIRIMAT-200", 84),
                Map.of("Idempotency-Key", "delivery-approved")).object().get("orderId");
        API.call("POST", "/v1/orders/" + approved + "/review", ARS_84, Map.of("lines", List.of(
                Map.of("productCode", "TECOVIRIMAT-200", "approvedQuantity", 84))));

        // when the supplier asks where each goes
        Response toShip = API.call("GET", "/v1/orders/" + approved + "/delivery", SUPPLIER, null);
        Response notYet = API.call("GET", "/v1/orders/" + submitted + "/delivery", SUPPLIER, null);

        // then it reads the PUI's address and its establishment's number for the approved one only
        assertEquals(200, toShip.status(), toShip.body());
        assertEquals(FLEYRIAT_ET, toShip.object().get("finessEt"));
        assertEquals(FLEYRIAT_EJ, toShip.object().get("finessEj"));
        assertTrue(toShip.object().get("deliveryAddress") instanceof Map, toShip.body());
        assertEquals(403, notYet.status(), notYet.body());
    }

    @Test
    void the_same_idempotency_key_again_returns_the_same_order_and_creates_no_second_one() {
        // given an order placed
        String first = placed("retry-key-0001");

        // when the hospital software retries the same request, twice at once
        CompletableFuture<Response> a = CompletableFuture.supplyAsync(() -> place("retry-key-0001", order(FLEYRIAT_ET, "MPOX-MVA-BN", 40)));
        CompletableFuture<Response> b = CompletableFuture.supplyAsync(() -> place("retry-key-0001", order(FLEYRIAT_ET, "MPOX-MVA-BN", 40)));

        // then both answer the first order, and the PUI has one order
        assertEquals(first, a.join().object().get("orderId"));
        assertEquals(first, b.join().object().get("orderId"));
        assertEquals("true", a.join().header("Idempotent-Replayed"));
        assertEquals(1, API.call("GET", "/v1/orders?finessEt=" + FLEYRIAT_ET, PH_FLEYRIAT, null).list().size());
    }

    @Test
    void a_key_reused_for_other_lines_or_missing_is_refused() {
        // given an order placed with a key
        placed("reused-key-0001");

        // when the key is reused for another order, and an order comes without key
        Response reused = place("reused-key-0001", order(FLEYRIAT_ET, "TECOVIRIMAT-200", 42));
        Response keyless = API.call("POST", "/v1/orders", PH_FLEYRIAT, order(FLEYRIAT_ET, "TECOVIRIMAT-200", 42));

        // then both are refused, naming the header
        assertEquals(422, reused.status(), reused.body());
        assertTrue(reused.body().contains("Idempotency-Key"));
        assertEquals(422, keyless.status(), keyless.body());
        assertEquals(1, API.call("GET", "/v1/orders?finessEt=" + FLEYRIAT_ET, PH_FLEYRIAT, null).list().size());
    }

    @Test
    void quantities_are_whole_packs_of_orderable_catalogue_products() {
        // when 30 doses (packs of 20), an unknown product and a device twice are ordered
        Response r = place("bad-lines-0001", order(FLEYRIAT_ET, "MPOX-MVA-BN", 30, "IBUPROFENE", 10, "TECOVIRIMAT-200", -42));

        // then each line is named
        assertEquals(422, r.status(), r.body());
        assertEquals(List.of("/lines/0/quantity", "/lines/1/productCode", "/lines/2/quantity"),
                ((List<?>) r.object().get("errors")).stream().map(e -> ((Map<?, ?>) e).get("pointer")).toList());
    }

    @Test
    void the_ars_of_the_region_reviews_line_by_line_and_the_supplier_ships_what_was_approved() {
        // given a submitted order of 40 doses and their syringes
        String id = placed("review-0001");

        // when the ARS approves 20 doses with a reason and all the syringes
        Response other = API.call("POST", "/v1/orders/" + id + "/review", ARS_94, Map.of("lines", List.of()));
        Response reviewed = API.call("POST", "/v1/orders/" + id + "/review", ARS_84, Map.of("lines", List.of(
                Map.of("productCode", "MPOX-MVA-BN", "approvedQuantity", 20, "reason", "stock national limité"),
                Map.of("productCode", "SYRINGE-1ML", "approvedQuantity", 100))));
        Response tooMuch = API.call("POST", "/v1/orders/" + id + "/shipments", SUPPLIER, Map.of("shippedOn", THURSDAY,
                "lines", List.of(Map.of("productCode", "MPOX-MVA-BN", "lot", "FDP00123", "expiry", "2027-06-30", "quantity", 40))));
        Response shipped = API.call("POST", "/v1/orders/" + id + "/shipments", SUPPLIER, Map.of("shippedOn", THURSDAY,
                "lines", List.of(Map.of("productCode", "MPOX-MVA-BN", "lot", "FDP00123", "expiry", "2027-06-30", "quantity", 20),
                        Map.of("productCode", "SYRINGE-1ML", "lot", "S-77", "expiry", "2030-01-31", "quantity", 100))));

        // then another region's ARS may not; the order is partially approved, then shipped to the PUI's address
        assertEquals(403, other.status());
        assertEquals(200, reviewed.status(), reviewed.body());
        assertEquals("PARTIALLY_APPROVED", reviewed.object().get("status"));
        assertEquals(422, tooMuch.status(), tooMuch.body());
        assertEquals(200, shipped.status(), shipped.body());
        assertEquals("SHIPPED", shipped.object().get("status"));
        List<?> history = (List<?>) shipped.object().get("history");
        assertEquals(List.of("SUBMITTED", "PARTIALLY_APPROVED", "SHIPPED"),
                history.stream().map(s -> ((Map<?, ?>) s).get("status")).toList());
        assertTrue(((Map<?, ?>) history.get(1)).get("by").toString().contains("agent@ars.sante.fr"));
        assertTrue(shipped.body().contains("01000 Bourg-en-Bresse"), shipped.body());
    }

    @Test
    void of_two_concurrent_reviews_one_wins_and_the_other_gets_a_conflict() {
        // given a submitted order
        String id = placed("concurrent-0001");
        Map<String, Object> approve = Map.of("lines", List.of(Map.of("productCode", "MPOX-MVA-BN", "approvedQuantity", 40),
                Map.of("productCode", "SYRINGE-1ML", "approvedQuantity", 100)));
        Map<String, Object> reject = Map.of("lines", List.of(
                Map.of("productCode", "MPOX-MVA-BN", "approvedQuantity", 0, "reason", "doublon"),
                Map.of("productCode", "SYRINGE-1ML", "approvedQuantity", 0, "reason", "doublon")));

        // when two agents review it at once
        CompletableFuture<Response> a = CompletableFuture.supplyAsync(() -> API.call("POST", "/v1/orders/" + id + "/review", ARS_84, approve));
        CompletableFuture<Response> b = CompletableFuture.supplyAsync(() -> API.call("POST", "/v1/orders/" + id + "/review", ARS_84, reject));

        // then one is 200 and the other 409, and the order holds the winner's outcome only
        List<Integer> statuses = List.of(a.join().status(), b.join().status()).stream().sorted().toList();
        assertEquals(List.of(200, 409), statuses);
        Response now = API.call("GET", "/v1/orders/" + id, ARS_84, null);
        assertEquals(2, ((List<?>) now.object().get("history")).size());
    }

    @Test
    void illegal_transitions_are_refused_with_the_reason() {
        // given an order rejected by the ARS, and another cancelled by its pharmacist
        String rejected = placed("illegal-0001");
        API.call("POST", "/v1/orders/" + rejected + "/review", ARS_84, Map.of("lines", List.of(
                Map.of("productCode", "MPOX-MVA-BN", "approvedQuantity", 0, "reason", "hors indication"),
                Map.of("productCode", "SYRINGE-1ML", "approvedQuantity", 0, "reason", "hors indication"))));
        String cancelled = placed("illegal-0002");
        Response cancel = API.call("POST", "/v1/orders/" + cancelled + "/cancel", PH_FLEYRIAT, null);

        // when the supplier ships the rejected one, and the pharmacist cancels it after review
        Response ship = API.call("POST", "/v1/orders/" + rejected + "/shipments", SUPPLIER, Map.of("shippedOn", THURSDAY,
                "lines", List.of(Map.of("productCode", "MPOX-MVA-BN", "lot", "L1", "expiry", "2027-01-01", "quantity", 20))));
        Response lateCancel = API.call("POST", "/v1/orders/" + rejected + "/cancel", PH_FLEYRIAT, null);

        // then 409 says the order is rejected
        assertEquals(200, cancel.status(), cancel.body());
        assertEquals("CANCELLED", cancel.object().get("status"));
        assertEquals(409, ship.status(), ship.body());
        assertTrue(ship.body().contains("REJECTED"), ship.body());
        assertEquals(409, lateCancel.status(), lateCancel.body());
    }

    @Test
    void each_role_lists_the_orders_of_its_scope() {
        // given orders of a PUI of region 84, one approved
        String approved = placed("list-0001");
        placed("list-0002");
        API.call("POST", "/v1/orders/" + approved + "/review", ARS_84, Map.of("lines", List.of(
                Map.of("productCode", "MPOX-MVA-BN", "approvedQuantity", 40),
                Map.of("productCode", "SYRINGE-1ML", "approvedQuantity", 100))));

        // then the region's ARS sees both, Corsica's none, the supplier the approved one, the nation filters by status
        assertEquals(2, API.call("GET", "/v1/orders", ARS_84, null).list().size());
        assertEquals(0, API.call("GET", "/v1/orders", ARS_94, null).list().size());
        assertEquals(1, API.call("GET", "/v1/orders", SUPPLIER, null).list().size());
        assertEquals(1, API.call("GET", "/v1/orders?status=SUBMITTED", NATIONAL, null).list().size());
        assertEquals(403, API.call("GET", "/v1/orders?finessEt=" + FLEYRIAT_ET, PH_AJACCIO, null).status());
    }
}
