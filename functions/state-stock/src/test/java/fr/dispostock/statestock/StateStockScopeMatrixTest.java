package fr.dispostock.statestock;

import fr.dispostock.embedded.DynamoDbLocalExtension;
import fr.dispostock.embedded.HttpApiHarness.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import static fr.dispostock.statestock.StateStockFunction.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every route of the State-stock function × every kind of account, in and out of its scope: 403
 * exactly outside it, never inside; 401 without a valid token. Each call acts on a fresh order
 * where the route changes one, so that no call's outcome depends on another's.
 */
@ExtendWith(DynamoDbLocalExtension.class)
class StateStockScopeMatrixTest {
    static final Map<String, String> CALLERS = new LinkedHashMap<>();

    static {
        CALLERS.put("NATIONAL", NATIONAL);
        CALLERS.put("ARS-own", ARS_84);
        CALLERS.put("ARS-other", ARS_94);
        CALLERS.put("OMEDIT-own", OMEDIT_84);
        CALLERS.put("PHARMACIST-own", PH_FLEYRIAT);
        CALLERS.put("PHARMACIST-other", PH_AJACCIO);
        CALLERS.put("SUPPLIER", SUPPLIER);
    }

    record Route(String method, Supplier<String> path, Object body, Set<String> allowed) {
    }

    static int keys;

    static String submitted() {
        Response r = API.call("POST", "/v1/orders", PH_FLEYRIAT, order(FLEYRIAT_ET, "TECOVIRIMAT-200", 42),
                Map.of("Idempotency-Key", "matrix-" + (keys++)));
        return (String) r.object().get("orderId");
    }

    static String approved() {
        String id = submitted();
        API.call("POST", "/v1/orders/" + id + "/review", ARS_84, Map.of("lines", List.of(
                Map.of("productCode", "TECOVIRIMAT-200", "approvedQuantity", 42))));
        return id;
    }

    static final Set<String> EVERYONE = CALLERS.keySet();
    static final Set<String> READERS = Set.of("NATIONAL", "ARS-own", "OMEDIT-own", "PHARMACIST-own");

    static final List<Route> ROUTES = List.of(
            new Route("GET", () -> "/v1/state-stock/products", null, EVERYONE),
            new Route("PUT", () -> "/v1/state-stock/products/NEW-" + (keys++), Map.of("name", "n", "kind", "ANTIVIRAL",
                    "unit", "capsule", "packSize", 10), Set.of("NATIONAL")),
            new Route("PUT", () -> "/v1/puis/" + FLEYRIAT_ET + "/state-stock/" + THURSDAY, Map.of("lines", List.of(Map.of(
                    "productCode", "MPOX-MVA-BN", "lot", "L" + (keys++), "expiry", "2027-01-01", "quantity", 3))),
                    Set.of("PHARMACIST-own")),
            new Route("GET", () -> "/v1/puis/" + FLEYRIAT_ET + "/state-stock/" + THURSDAY, null, READERS),
            new Route("GET", () -> "/v1/state-stock/lots?date=" + THURSDAY + "&region=84", null,
                    Set.of("NATIONAL", "ARS-own", "OMEDIT-own")),
            new Route("POST", () -> "/v1/orders", order(FLEYRIAT_ET, "TECOVIRIMAT-200", 42), Set.of("PHARMACIST-own")),
            new Route("GET", () -> "/v1/orders?finessEt=" + FLEYRIAT_ET, null, READERS),
            new Route("GET", () -> "/v1/orders/" + approved(), null, Set.of("NATIONAL", "ARS-own", "OMEDIT-own",
                    "PHARMACIST-own", "SUPPLIER")),
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
        List<String> leaks = new ArrayList<>();
        for (Route route : ROUTES) {
            for (Map.Entry<String, String> caller : CALLERS.entrySet()) {
                // when the account calls the route
                String path = route.path().get();
                Response r = API.call(route.method(), path, caller.getValue(), route.body(),
                        Map.of("Idempotency-Key", "matrix-" + (keys++)));

                // then it is forbidden exactly when outside its scope
                boolean allowed = route.allowed().contains(caller.getKey());
                if (allowed == (r.status() == 403) || r.status() == 401 || r.status() >= 500) {
                    leaks.add(caller.getKey() + " " + route.method() + " " + path + " -> " + r.status() + ": " + r.body());
                }
            }
        }
        assertEquals(List.of(), leaks);
    }

    @Test
    void no_route_answers_without_a_valid_token() {
        // given no token
        List<String> leaks = new ArrayList<>();
        for (Route route : ROUTES) {
            // when each route is called, then 401
            Response r = API.call(route.method(), route.path().get(), null, route.body());
            if (r.status() != 401) {
                leaks.add(route.method() + " -> " + r.status());
            }
        }
        assertEquals(List.of(), leaks);
    }
}
