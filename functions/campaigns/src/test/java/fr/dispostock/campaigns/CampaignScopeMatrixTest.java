package fr.dispostock.campaigns;

import fr.dispostock.embedded.DynamoDbLocalExtension;
import fr.dispostock.embedded.LocalTokens;
import fr.dispostock.embedded.ScopeMatrix;
import fr.dispostock.embedded.ScopeMatrix.Route;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static fr.dispostock.campaigns.CampaignsFunction.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every route of the campaigns function (campaigns, reminder runs) × every kind of account, in and out of its scope. */
@ExtendWith(DynamoDbLocalExtension.class)
class CampaignScopeMatrixTest {
    static final Set<String> REGION_AUTHORS = Set.of("NATIONAL", "ARS-own");

    /** A fresh draft of region 84 for each call that sends one. */
    static String draft84() {
        return (String) API.call("POST", "/v1/campaigns", NATIONAL, campaign("REGION", "84")).object().get("campaignId");
    }

    static final List<Route> ROUTES = List.of(
            new Route("POST", "/v1/campaigns", campaign("REGION", "84"), REGION_AUTHORS),
            new Route("POST", "/v1/campaigns", campaign("ALL", null), Set.of("NATIONAL")),
            new Route("POST", () -> "/v1/campaigns/" + draft84() + "/send", null, REGION_AUTHORS),
            new Route("GET", () -> "/v1/campaigns/" + draft84(), null, REGION_AUTHORS),
            new Route("GET", "/v1/campaigns?limit=5", null, Set.of("NATIONAL", "ARS-own", "ARS-other")),
            new Route("POST", "/v1/campaigns/erasures", Map.of("email", "nobody@nowhere.fr"), Set.of("NATIONAL")),
            new Route("GET", "/v1/reminder-runs?since=2026-11-23T00:00:00Z", null, Set.of("NATIONAL")));

    @BeforeAll
    static void puisOfTwoRegions() {
        puis();
    }

    @Test
    void every_caller_is_forbidden_outside_its_scope_and_never_inside_it() {
        // given every route and every kind of account; when each calls each route
        List<String> leaks = ScopeMatrix.leaks(API, ACCOUNTS, ROUTES, Map.of());

        // then each is forbidden exactly when outside its scope
        assertEquals(List.of(), leaks);
    }

    @Test
    void no_route_answers_without_a_valid_token() {
        // given no token, or one signed by another key; when every route is called, then 401
        List<String> bad = Arrays.asList(null, LocalTokens.generate().token("x", null, List.of("NATIONAL"), List.of(), null));
        assertEquals(List.of(), ScopeMatrix.unauthenticated(API, ROUTES, bad));
    }
}
