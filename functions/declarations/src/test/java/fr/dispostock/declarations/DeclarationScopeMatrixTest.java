package fr.dispostock.declarations;

import fr.dispostock.embedded.DynamoDbLocalExtension;
import fr.dispostock.embedded.HttpApiHarness;
import fr.dispostock.embedded.LocalTokens;
import fr.dispostock.embedded.ScopeMatrix;
import fr.dispostock.embedded.ScopeMatrix.Route;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static fr.dispostock.declarations.DeclarationsFunction.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every route of the declarations function × every kind of account, in and out of its scope. */
@ExtendWith(DynamoDbLocalExtension.class)
class DeclarationScopeMatrixTest {
    static final Set<String> READERS = Set.of("NATIONAL", "ARS-own", "OMEDIT-own", "PHARMACIST-own", "CLIENT-own");
    static final Set<String> REGION_READERS = Set.of("NATIONAL", "ARS-own", "OMEDIT-own");
    static final String PUI = "/v1/puis/" + FLEYRIAT_ET + "/declarations/" + WEEK;

    static final List<Route> ROUTES = List.of(
            new Route("GET", PUI + "/expected", null, READERS),
            new Route("PUT", PUI, lines(line("cisplatine", 10, 1)), Set.of("PHARMACIST-own", "CLIENT-own")),
            new Route("GET", PUI, null, READERS),
            new Route("GET", PUI + "/history", null, READERS),
            new Route("GET", "/v1/declarations/completeness?week=" + WEEK + "&region=84", null, REGION_READERS),
            new Route("POST", "/v1/declarations/erasures", Map.of("email", "nobody@nowhere.fr"), Set.of("NATIONAL")),
            new Route("GET", "/v1/stock/overview?itemId=cisplatine&week=" + WEEK + "&region=84", null, REGION_READERS),
            // bodies no one could declare: whoever is out of scope is refused before they are read
            new Route("PUT", PUI, "{\"resourceType\": \"InventoryReport\", \"status\": \"draft\"}",
                    "application/fhir+json",
                    Set.of("PHARMACIST-own", "CLIENT-own")),
            new Route("GET", PUI + "/spreadsheet", null, Set.of("NATIONAL", "ARS-own", "OMEDIT-own", "PHARMACIST-own")),
            new Route("PUT", PUI + "/spreadsheet", "not a workbook".getBytes(StandardCharsets.UTF_8),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Set.of("PHARMACIST-own")),
            new Route("GET", "/v1/exports/completeness?week=" + WEEK + "&region=84&format=csv", null, REGION_READERS),
            new Route("GET", "/v1/exports/non-declarers?week=" + WEEK + "&region=84&format=xlsx", null, REGION_READERS),
            new Route("GET", "/v1/exports/stock?itemId=cisplatine&week=" + WEEK + "&region=84&format=csv", null,
                    REGION_READERS));

    @BeforeAll
    static void aDeclaredWeek() {
        registers();
        assertEquals(200, API.call("PUT", PUI, PH_FLEYRIAT, lines(line("cisplatine", 10, 1))).status());
    }

    @Test
    void every_caller_is_forbidden_outside_its_scope_and_never_inside_it() {
        // given every route and every kind of account
        // when each account calls each route
        List<String> leaks = ScopeMatrix.leaks(API, ACCOUNTS, ROUTES, Map.of());

        // then each is forbidden exactly when outside its scope
        assertEquals(List.of(), leaks);
    }

    @Test
    void no_route_answers_without_a_valid_token() {
        // given no token, or one signed by another key
        List<String> bad = Arrays.asList(null, LocalTokens.generate().token("x", null, List.of("NATIONAL"), List.of(), null));

        // when every route is called with each, then 401
        assertEquals(List.of(), ScopeMatrix.unauthenticated(API, ROUTES, bad));
    }

    @Test
    void a_stranger_is_refused_before_its_body_is_read() {
        // given a body that is not JSON, sent as JSON and as FHIR, without a token
        for (String type : List.of("application/json", "application/fhir+json")) {
            // when it is sent to the week's PUT
            HttpApiHarness.Response r = API.call("PUT", PUI, null, "{not json", Map.of("Content-Type", type));

            // then 401, not the body's error (the JSON check ran first: a stranger learnt the body's rules)
            assertEquals(401, r.status(), type + ": " + r.body());
        }
    }
}
