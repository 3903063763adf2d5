package fr.dispostock.registers;

import fr.dispostock.embedded.DynamoDbLocalExtension;
import fr.dispostock.embedded.HttpApiHarness.Response;
import fr.dispostock.embedded.LocalTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static fr.dispostock.registers.RegistersFunction.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every route of the registers function × every kind of account, in and out of its scope:
 * a caller outside its scope gets 403, one inside never does, and no route answers anything
 * but 401 without a valid token. Fails on any leak.
 */
@ExtendWith(DynamoDbLocalExtension.class)
class ScopeMatrixTest {
    static final String OMEDIT_94 = TOKENS.token("omedit-94", null, List.of("OMEDIT"), List.of(), "94");

    /** The accounts, by the name the matrix uses. */
    static final Map<String, String> CALLERS = new LinkedHashMap<>();

    static {
        CALLERS.put("NATIONAL", NATIONAL);
        CALLERS.put("ARS-own", ARS_84);
        CALLERS.put("ARS-other", ARS_94);
        CALLERS.put("OMEDIT-own", OMEDIT_84);
        CALLERS.put("OMEDIT-other", OMEDIT_94);
        CALLERS.put("PHARMACIST-own", PHARMACIST_FLEYRIAT);
        CALLERS.put("PHARMACIST-other", PHARMACIST_ELSEWHERE);
        CALLERS.put("SUPPLIER", SUPPLIER);
    }

    record Route(String method, String path, Object body, Set<String> allowed) {
    }

    static final Set<String> EVERYONE = CALLERS.keySet();
    static final Set<String> KEEPERS = Set.of("NATIONAL", "ARS-own");

    static final Map<String, Object> REGIONAL_ITEM = Map.of("label", "Lomustine", "ucds", List.of("9009994"),
            "priority", Map.of("level", "REGIONAL", "regions", List.of("84")), "trackingStart", "2026-11-02");
    static final Map<String, Object> NATIONAL_ITEM = Map.of("label", "Cisplatine", "ucds", List.of("9019840"),
            "priority", Map.of("level", "NATIONAL"), "trackingStart", "2026-11-02");

    static final List<Route> ROUTES = List.of(
            new Route("GET", "/v1/establishments?region=84", null, Set.of("NATIONAL", "ARS-own", "OMEDIT-own")),
            new Route("GET", "/v1/establishments/" + CH_FLEYRIAT_EJ, null,
                    Set.of("NATIONAL", "ARS-own", "OMEDIT-own", "PHARMACIST-own", "SUPPLIER")),
            new Route("PUT", "/v1/establishments/" + CH_FLEYRIAT_EJ,
                    Map.of("name", "CH DE FLEYRIAT", "region", "84", "departement", "01"), KEEPERS),
            new Route("POST", "/v1/establishments/import",
                    "nofinesset;nofinessej;rs;code_departement\n010000024;010780054;CH DE FLEYRIAT;01",
                    Set.of("NATIONAL", "ARS-own", "ARS-other")), // ARS-other: its line is rejected, see the import tests
            new Route("GET", "/v1/establishments/" + CH_FLEYRIAT_EJ + "/audit", null, KEEPERS),
            new Route("GET", "/v1/puis/" + CH_FLEYRIAT_ET, null,
                    Set.of("NATIONAL", "ARS-own", "OMEDIT-own", "PHARMACIST-own", "SUPPLIER")),
            new Route("PUT", "/v1/puis/" + CH_FLEYRIAT_ET, puiBody(CH_FLEYRIAT_EJ),
                    Set.of("NATIONAL", "ARS-own", "PHARMACIST-own")),
            new Route("GET", "/v1/puis/" + CH_FLEYRIAT_ET + "/audit", null, KEEPERS),
            new Route("GET", "/v1/medicines?activeOn=2026-11-23&region=84", null, EVERYONE),
            new Route("GET", "/v1/medicines/regional-84", null, EVERYONE),
            new Route("PUT", "/v1/medicines/national-1", NATIONAL_ITEM, Set.of("NATIONAL")),
            new Route("PUT", "/v1/medicines/regional-84", REGIONAL_ITEM, KEEPERS),
            new Route("GET", "/v1/medicines/regional-84/audit", null, KEEPERS),
            new Route("GET", "/v1/instructions?region=84", null, EVERYONE),
            new Route("PUT", "/v1/instructions/national-1",
                    Map.of("title", "t", "body", "b", "validFrom", "2026-11-23"), Set.of("NATIONAL")),
            new Route("PUT", "/v1/instructions/regional-84",
                    Map.of("title", "t", "body", "b", "region", "84", "validFrom", "2026-11-23"), KEEPERS),
            new Route("GET", "/v1/instructions/regional-84/audit", null, KEEPERS));

    @BeforeAll
    static void registersWithOneOfEverything() {
        DynamoDbLocalExtension.dynamoDb().deleteAllItems("RegistersTable");
        importSlice();
        expect(201, API.call("PUT", "/v1/puis/" + CH_FLEYRIAT_ET, NATIONAL, puiBody(CH_FLEYRIAT_EJ)));
        expect(201, API.call("PUT", "/v1/medicines/regional-84", NATIONAL, REGIONAL_ITEM));
        expect(201, API.call("PUT", "/v1/instructions/regional-84", NATIONAL,
                Map.of("title", "t", "body", "b", "region", "84", "validFrom", "2026-11-23")));
    }

    private static void expect(int status, Response r) {
        assertEquals(status, r.status(), r.body());
    }

    @Test
    void every_caller_is_forbidden_outside_its_scope_and_never_inside_it() {
        // given every route and every kind of account
        List<String> leaks = new ArrayList<>();
        for (Route route : ROUTES) {
            for (Map.Entry<String, String> caller : CALLERS.entrySet()) {
                // when the account calls the route (updates name the current version)
                Response r = API.call(route.method(), route.path(), caller.getValue(), route.body(),
                        Map.of("If-Match", currentVersion(route)));

                // then it is forbidden exactly when it is outside its scope
                boolean allowed = route.allowed().contains(caller.getKey());
                boolean forbidden = r.status() == 403;
                if (allowed == forbidden || r.status() == 401 || r.status() >= 500) {
                    leaks.add(caller.getKey() + " " + route.method() + " " + route.path() + " -> " + r.status()
                            + " (expected " + (allowed ? "allowed" : "403") + "): " + r.body());
                }
            }
        }
        assertEquals(List.of(), leaks);
    }

    @Test
    void no_route_answers_without_a_valid_token() {
        // given no token, a token signed by another key, an expired one, and one for another audience
        LocalTokens stranger = LocalTokens.generate();
        List<String> bad = new ArrayList<>();
        bad.add(null);
        bad.add(stranger.token("x", null, List.of("NATIONAL"), List.of(), null));
        bad.add(TOKENS.sign("x", null, List.of("NATIONAL"), List.of(), null, Instant.now().minusSeconds(60),
                LocalTokens.ISSUER, LocalTokens.AUDIENCE));
        bad.add(TOKENS.sign("x", null, List.of("NATIONAL"), List.of(), null, Instant.now().plusSeconds(600),
                LocalTokens.ISSUER, "another-application"));
        bad.add("not.a.jwt");
        List<String> leaks = new ArrayList<>();
        for (Route route : ROUTES) {
            for (String token : bad) {
                // when the route is called with it
                Response r = API.call(route.method(), route.path(), token, route.body());

                // then 401, as problem+json
                if (r.status() != 401 || !"application/problem+json".equals(r.header("Content-Type"))) {
                    leaks.add(route.method() + " " + route.path() + " -> " + r.status());
                }
            }
        }
        assertEquals(List.of(), leaks);
    }

    private static String currentVersion(Route route) {
        if (!route.method().equals("PUT")) {
            return "";
        }
        Response current = API.call("GET", route.path(), NATIONAL, null);
        return current.status() == 200 ? current.object().get("version").toString() : "";
    }
}
