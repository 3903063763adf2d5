package fr.dispostock.registers;

import fr.dispostock.embedded.DynamoDbLocalExtension;
import fr.dispostock.embedded.HttpApiHarness.Response;
import fr.dispostock.embedded.LocalTokens;
import fr.dispostock.embedded.ScopeMatrix;
import fr.dispostock.embedded.ScopeMatrix.Route;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static fr.dispostock.registers.RegistersFunction.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every route of the registers function × every kind of account, in and out of its scope. */
@ExtendWith(DynamoDbLocalExtension.class)
class ScopeMatrixTest {
    static final Set<String> EVERYONE = ScopeMatrix.WITH_A_ROLE;
    static final Set<String> KEEPERS = Set.of("NATIONAL", "ARS-own");
    /** The supplier is not among them: it reads the PUIs it delivers through their orders (state-stock function). */
    static final Set<String> READERS = Set.of("NATIONAL", "ARS-own", "OMEDIT-own", "PHARMACIST-own");
    static final Set<String> CORSICAN_READERS = Set.of("NATIONAL", "ARS-other", "OMEDIT-other", "PHARMACIST-other");

    /**
     * Santélys (FINESS juridique 210012290, Côte-d'Or: region 27) runs a dialysis unit in Ain (010789006,
     * region 84): a legal entity spanning regions, as FINESS has them.
     */
    static final String SANTELYS_EJ = "210012290";
    static final String SANTELYS_AIN_ET = "010789006";
    static final String CORSICAN_ET = "2A0000022";

    static final Map<String, Object> REGIONAL_ITEM = Map.of("label", "Lomustine", "ucds", List.of("9009994"),
            "priority", Map.of("level", "REGIONAL", "regions", List.of("84")), "trackingStart", "2026-11-02");
    static final Map<String, Object> NATIONAL_ITEM = Map.of("label", "Cisplatine", "ucds", List.of("9019840"),
            "priority", Map.of("level", "NATIONAL"), "trackingStart", "2026-11-02");
    static final Map<String, Object> REGIONAL_INSTRUCTION = Map.of("title", "t", "body", "b", "region", "84",
            "validFrom", "2026-11-23");

    static final List<Route> ROUTES = List.of(
            new Route("GET", "/v1/establishments?region=84", null, Set.of("NATIONAL", "ARS-own", "OMEDIT-own")),
            new Route("GET", "/v1/establishments/" + CH_FLEYRIAT_EJ, null, READERS),
            new Route("PUT", "/v1/establishments/" + CH_FLEYRIAT_EJ,
                    Map.of("name", "CH DE FLEYRIAT", "region", "84", "departement", "01"), KEEPERS),
            new Route("POST", "/v1/establishments/import",
                    "nofinesset;nofinessej;rs;code_departement\n010000024;010780054;CH DE FLEYRIAT;01",
                    Set.of("NATIONAL", "ARS-own", "ARS-other")), // ARS-other: its line is rejected, see the import tests
            new Route("GET", "/v1/establishments/" + CH_FLEYRIAT_EJ + "/audit", null, KEEPERS),
            new Route("GET", "/v1/puis/" + CH_FLEYRIAT_ET, null, READERS),
            new Route("PUT", "/v1/puis/" + CH_FLEYRIAT_ET, puiBody(CH_FLEYRIAT_EJ),
                    Set.of("NATIONAL", "ARS-own", "PHARMACIST-own")),
            new Route("GET", "/v1/puis/" + CH_FLEYRIAT_ET + "/audit", null, KEEPERS),
            new Route("GET", "/v1/medicines?activeOn=2026-11-23&region=84", null, EVERYONE),
            new Route("GET", "/v1/medicines/regional-84", null, EVERYONE),
            new Route("PUT", "/v1/medicines/national-1", NATIONAL_ITEM, Set.of("NATIONAL")),
            new Route("PUT", "/v1/medicines/regional-84", REGIONAL_ITEM, KEEPERS),
            new Route("GET", "/v1/medicines/regional-84/audit", null, KEEPERS),
            new Route("GET", "/v1/instructions?region=84", null, EVERYONE),
            new Route("GET", "/v1/instructions/regional-84", null, EVERYONE),
            new Route("PUT", "/v1/instructions/national-1",
                    Map.of("title", "t", "body", "b", "validFrom", "2026-11-23"), Set.of("NATIONAL")),
            new Route("PUT", "/v1/instructions/regional-84", REGIONAL_INSTRUCTION, KEEPERS),
            new Route("GET", "/v1/instructions/regional-84/audit", null, KEEPERS),
            new Route("POST", "/v1/accounts/import", "sub;email;roles\nu-1;u1@ars.fr;ARS", Set.of("NATIONAL")),
            new Route("POST", "/v1/supply-statuses/import", "61146475\t\t1\tRupture de stock\t07/11/2024\t30/12/2024\t\t",
                    Set.of("NATIONAL")),
            new Route("GET", "/v1/medicines/regional-84/supply-statuses", null, EVERYONE),
            new Route("POST", "/v1/accounts/erasures", Map.of("email", "nobody@nowhere.fr"), Set.of("NATIONAL")),
            // a legal entity of another region, its number's département says so, whatever the body omits
            new Route("PUT", "/v1/establishments/" + SANTELYS_EJ, Map.of("name", "SANTELYS BFC"), Set.of("NATIONAL")),
            new Route("GET", "/v1/establishments/" + SANTELYS_EJ, null, Set.of("NATIONAL")),
            // its site in Ain is a PUI of region 84, kept and read there
            new Route("PUT", "/v1/puis/" + SANTELYS_AIN_ET, puiBody(SANTELYS_EJ), KEEPERS),
            new Route("GET", "/v1/puis/" + SANTELYS_AIN_ET, null, Set.of("NATIONAL", "ARS-own", "OMEDIT-own")),
            // identifiers as users write them: spaces around, lower-case Corsican 2a, UCD13 for a UCD7, " 84"
            new Route("GET", "/v1/puis/%20" + CH_FLEYRIAT_ET + "%20", null, READERS),
            new Route("GET", "/v1/establishments/2a0000014", null, CORSICAN_READERS),
            new Route("GET", "/v1/puis/" + CORSICAN_ET.toLowerCase(), null, CORSICAN_READERS),
            new Route("GET", "/v1/establishments?region=%2084", null, Set.of("NATIONAL", "ARS-own", "OMEDIT-own")),
            new Route("PUT", "/v1/medicines/regional-84", Map.of("label", "Lomustine", "ucds", List.of("3400890099943"),
                    "priority", Map.of("level", "REGIONAL", "regions", List.of(" 84 ")), "trackingStart", "2026-11-02"),
                    KEEPERS),
            new Route("PUT", "/v1/instructions/regional-84", Map.of("title", "t", "body", "b", "region", "84 ",
                    "validFrom", "2026-11-23"), KEEPERS));

    @BeforeAll
    static void registersWithOneOfEverything() {
        DynamoDbLocalExtension.dynamoDb().deleteAllItems("RegistersTable");
        importSlice();
        expect(201, API.call("PUT", "/v1/puis/" + CH_FLEYRIAT_ET, NATIONAL, puiBody(CH_FLEYRIAT_EJ)));
        expect(201, API.call("PUT", "/v1/puis/" + CORSICAN_ET, NATIONAL, puiBody("2A0000014")));
        expect(201, API.call("PUT", "/v1/puis/" + SANTELYS_AIN_ET, NATIONAL, puiBody(SANTELYS_EJ)));
        expect(201, API.call("PUT", "/v1/medicines/regional-84", NATIONAL, REGIONAL_ITEM));
        expect(201, API.call("PUT", "/v1/instructions/regional-84", NATIONAL, REGIONAL_INSTRUCTION));
    }

    private static void expect(int status, Response r) {
        assertEquals(status, r.status(), r.body());
    }

    @Test
    void every_caller_is_forbidden_outside_its_scope_and_never_inside_it() {
        // given every route and every kind of account (updates name no version: scope is checked before it)
        // when each account calls each route
        List<String> leaks = ScopeMatrix.leaks(API, ACCOUNTS, ROUTES, Map.of());

        // then each is forbidden exactly when outside its scope
        assertEquals(List.of(), leaks);
    }

    @Test
    void no_route_answers_without_a_valid_token() {
        // given no token, a token signed by another key, an expired one, one for another audience, garbage
        LocalTokens stranger = LocalTokens.generate();
        List<String> bad = Arrays.asList(null,
                stranger.token("x", null, List.of("NATIONAL"), List.of(), null),
                TOKENS.sign("x", null, List.of("NATIONAL"), List.of(), null, Instant.now().minusSeconds(60),
                        LocalTokens.ISSUER, LocalTokens.AUDIENCE),
                TOKENS.sign("x", null, List.of("NATIONAL"), List.of(), null, Instant.now().plusSeconds(600),
                        LocalTokens.ISSUER, "another-application"),
                "not.a.jwt");

        // when every route is called with each, then 401 as problem+json
        assertEquals(List.of(), ScopeMatrix.unauthenticated(API, ROUTES, bad));
    }
}
