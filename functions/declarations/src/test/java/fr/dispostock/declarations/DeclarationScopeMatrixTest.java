package fr.dispostock.declarations;

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

import static fr.dispostock.declarations.DeclarationsFunction.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every route of the declarations function × every kind of account, in and out of its scope:
 * 403 exactly outside it; 401 for every route without a valid token. Fails on any leak.
 */
@ExtendWith(DynamoDbLocalExtension.class)
class DeclarationScopeMatrixTest {
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

    record Route(String method, String path, Object body, Set<String> allowed) {
    }

    static final Set<String> READERS = Set.of("NATIONAL", "ARS-own", "OMEDIT-own", "PHARMACIST-own");
    static final Set<String> REGION_READERS = Set.of("NATIONAL", "ARS-own", "OMEDIT-own");
    static final String PUI = "/v1/puis/" + FLEYRIAT_ET + "/declarations/" + WEEK;

    static final List<Route> ROUTES = List.of(
            new Route("GET", PUI + "/expected", null, READERS),
            new Route("PUT", PUI, lines(line("cisplatine", 10, 1)), Set.of("PHARMACIST-own")),
            new Route("GET", PUI, null, READERS),
            new Route("GET", "/v1/declarations/completeness?week=" + WEEK + "&region=84", null, REGION_READERS),
            new Route("GET", "/v1/stock/overview?itemId=cisplatine&week=" + WEEK + "&region=84", null, REGION_READERS));

    @BeforeAll
    static void aDeclaredWeek() {
        registers();
        assertEquals(200, API.call("PUT", PUI, PH_FLEYRIAT, lines(line("cisplatine", 10, 1))).status());
    }

    @Test
    void every_caller_is_forbidden_outside_its_scope_and_never_inside_it() {
        // given every route and every kind of account
        List<String> leaks = new ArrayList<>();
        for (Route route : ROUTES) {
            for (Map.Entry<String, String> caller : CALLERS.entrySet()) {
                // when the account calls the route
                Response r = API.call(route.method(), route.path(), caller.getValue(), route.body());

                // then it is forbidden exactly when outside its scope
                boolean allowed = route.allowed().contains(caller.getKey());
                if (allowed == (r.status() == 403) || r.status() == 401 || r.status() >= 500) {
                    leaks.add(caller.getKey() + " " + route.method() + " " + route.path() + " -> " + r.status() + ": " + r.body());
                }
            }
        }
        assertEquals(List.of(), leaks);
    }

    @Test
    void no_route_answers_without_a_valid_token() {
        // given no token, or a forged one
        List<String> leaks = new ArrayList<>();
        for (Route route : ROUTES) {
            for (String token : new String[]{null, "forged." + NATIONAL.substring(NATIONAL.indexOf('.') + 1)}) {
                // when the route is called
                Response r = API.call(route.method(), route.path(), token, route.body());

                // then 401
                if (r.status() != 401) {
                    leaks.add(route.method() + " " + route.path() + " -> " + r.status());
                }
            }
        }
        assertEquals(List.of(), leaks);
    }
}
