package fr.dispostock.statestock;

import fr.dispostock.domain.AccessDeniedException;
import fr.dispostock.domain.Caller;
import fr.dispostock.domain.Finess;
import fr.dispostock.embedded.DynamoDbLocalExtension;
import fr.dispostock.embedded.HttpApiHarness.Response;
import fr.dispostock.embedded.LocalTokens;
import fr.dispostock.embedded.ScopeMatrix;
import fr.dispostock.embedded.ScopeMatrix.Route;
import fr.dispostock.statestock.orders.OrderBodies;
import fr.dispostock.statestock.orders.OrderService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static fr.dispostock.statestock.StateStockFunction.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Every route of the State-stock function × every kind of account, in and out of its scope. A
 * route that changes an order acts on a fresh one at each call, so that no outcome depends on another.
 */
@ExtendWith(DynamoDbLocalExtension.class)
class StateStockScopeMatrixTest {
    static final Set<String> READERS = Set.of("NATIONAL", "ARS-own", "OMEDIT-own", "PHARMACIST-own");
    /** Its lots' readers: a hospital's software (client credentials) reads its own, no other route. */
    static final Set<String> LOT_READERS = Set.of("NATIONAL", "ARS-own", "OMEDIT-own", "PHARMACIST-own", "CLIENT-own");

    static String submitted() {
        Response r = API.call("POST", "/v1/orders", PH_FLEYRIAT, order(FLEYRIAT_ET, "TECOVIRIMAT-200", 42),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        return (String) r.object().get("orderId");
    }

    static String approved() {
        String id = submitted();
        API.call("POST", "/v1/orders/" + id + "/review", ARS_84, Map.of("lines", List.of(
                Map.of("productCode", "TECOVIRIMAT-200", "approvedQuantity", 42))));
        return id;
    }

    static final List<Route> ROUTES = List.of(
            new Route("GET", "/v1/state-stock/products", null, ScopeMatrix.WITH_A_ROLE),
            new Route("PUT", "/v1/state-stock/availability/2026-12-03",
                    Map.of("lines", List.of(Map.of("productCode", "TECOVIRIMAT-200", "available", 420))), Set.of("NATIONAL", "SUPPLIER")),
            new Route("GET", "/v1/state-stock/allocation?orderDay=2026-12-03&region=84", null, Set.of("NATIONAL", "ARS-own")),
            new Route("PUT", () -> "/v1/state-stock/products/NEW-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(),
                    Map.of("name", "n", "kind", "ANTIVIRAL", "unit", "capsule", "packSize", 10), Set.of("NATIONAL")),
            new Route("PUT", "/v1/puis/" + FLEYRIAT_ET + "/state-stock/" + THURSDAY, Map.of("lines", List.of(Map.of(
                    "productCode", "MPOX-MVA-BN", "lot", "L1", "expiry", "2027-01-01", "quantity", 3))),
                    Set.of("PHARMACIST-own", "CLIENT-own")),
            // a report no one could declare (a draft): whoever is out of scope is refused before it is read
            new Route("PUT", "/v1/puis/" + FLEYRIAT_ET + "/state-stock/" + THURSDAY,
                    "{\"resourceType\": \"InventoryReport\", \"status\": \"draft\"}",
                    "application/fhir+json", Set.of("PHARMACIST-own", "CLIENT-own")),
            new Route("GET", "/v1/puis/" + FLEYRIAT_ET + "/state-stock/" + THURSDAY, null, LOT_READERS),
            new Route("GET", "/v1/puis/" + FLEYRIAT_ET + "/state-stock/" + THURSDAY + "/history", null, LOT_READERS),
            new Route("GET", "/v1/state-stock/lots?date=" + THURSDAY + "&region=84", null,
                    Set.of("NATIONAL", "ARS-own", "OMEDIT-own")),
            new Route("GET", "/v1/state-stock/lots?date=" + THURSDAY + "&finessEt=" + FLEYRIAT_ET, null, READERS),
            new Route("POST", "/v1/orders", order(FLEYRIAT_ET, "TECOVIRIMAT-200", 42), Set.of("PHARMACIST-own")),
            new Route("GET", "/v1/orders?finessEt=" + FLEYRIAT_ET, null, READERS),
            new Route("GET", () -> "/v1/orders/" + approved(), null,
                    Set.of("NATIONAL", "ARS-own", "OMEDIT-own", "PHARMACIST-own", "SUPPLIER")),
            new Route("GET", () -> "/v1/orders/" + submitted(), null, READERS),
            // the supplier reads the PUI it delivers (not the register): for the orders it has to ship only
            new Route("GET", () -> "/v1/orders/" + approved() + "/delivery", null,
                    Set.of("NATIONAL", "ARS-own", "OMEDIT-own", "PHARMACIST-own", "SUPPLIER")),
            new Route("GET", () -> "/v1/orders/" + submitted() + "/delivery", null, READERS),
            // identifiers as users write them: spaces around, a region written " 84"
            new Route("GET", "/v1/orders?finessEt=%20" + FLEYRIAT_ET + "%20", null, READERS),
            new Route("POST", "/v1/state-stock/erasures", Map.of("email", "nobody@nowhere.fr"), Set.of("NATIONAL")),
            new Route("GET", "/v1/state-stock/lots?date=" + THURSDAY + "&region=%2084", null,
                    Set.of("NATIONAL", "ARS-own", "OMEDIT-own")),
            new Route("POST", () -> "/v1/orders/" + submitted() + "/review", Map.of("lines", List.of(
                    Map.of("productCode", "TECOVIRIMAT-200", "approvedQuantity", 42))), Set.of("ARS-own")),
            new Route("POST", () -> "/v1/orders/" + approved() + "/shipments", Map.of("shippedOn", THURSDAY,
                    "lines", List.of(Map.of("productCode", "TECOVIRIMAT-200", "lot", "T1", "expiry", "2028-01-01",
                            "quantity", 42))), Set.of("SUPPLIER")),
            new Route("POST", () -> "/v1/orders/" + submitted() + "/cancel", null, Set.of("PHARMACIST-own")));

    @BeforeAll
    static void catalogueAndPuis() {
        registersAndCatalogue();
    }

    @Test
    void every_caller_is_forbidden_outside_its_scope_and_never_inside_it() {
        // given every route and every kind of account
        // when each account calls each route (orders with a key of their own)
        List<String> leaks = ScopeMatrix.leaks(API, ACCOUNTS, ROUTES, Map.of("Idempotency-Key", UUID.randomUUID().toString()));

        // then each is forbidden exactly when outside its scope
        assertEquals(List.of(), leaks);
    }

    @Test
    void the_order_rules_refuse_a_hospitals_software_even_past_the_gateway() {
        // given the software of Fleyriat's establishment (client credentials) reaching the rules, and an order of its PUI
        Caller software = Caller.machineClient("logiciel-fleyriat", Finess.parse(FLEYRIAT_EJ));
        OrderService orders = API.context().getBean(OrderService.class);
        String orderId = submitted();

        // when it places an order for its PUI and cancels the pharmacists' one, then the rules refuse both
        assertThrows(AccessDeniedException.class, () -> orders.place(software, UUID.randomUUID().toString(),
                new OrderBodies.Place(FLEYRIAT_ET, List.of(new OrderBodies.Place.Line("TECOVIRIMAT-200", BigDecimal.valueOf(42))))));
        assertThrows(AccessDeniedException.class, () -> orders.cancel(software, orderId));

        // and the order is as its pharmacists left it
        assertEquals("SUBMITTED", API.call("GET", "/v1/orders/" + orderId, PH_FLEYRIAT, null).object().get("status"));
    }

    @Test
    void no_route_answers_without_a_valid_token() {
        // given no token, or one signed by another key
        List<String> bad = Arrays.asList(null, LocalTokens.generate().token("x", null, List.of("NATIONAL"), List.of(), null));

        // when every route is called with each, then 401
        assertEquals(List.of(), ScopeMatrix.unauthenticated(API, ROUTES, bad));
    }
}
