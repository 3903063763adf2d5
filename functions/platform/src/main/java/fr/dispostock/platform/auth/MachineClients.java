package fr.dispostock.platform.auth;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What a hospital's software may call with a token of OAuth 2.0 client credentials: its
 * establishment's weekly declarations (expected items, the week, its history) and Thursday
 * State-stock lots, nothing else. The HTTP API's authorizer lets the scope through on the same routes
 * only (template.yaml, checked by infrastructure/template's {@code HttpRoutesTest}
 * {@code a_hospital_software_scope_opens_at_the_gateway_exactly_the_routes_the_functions_let_it_call});
 * the establishment itself is checked by the domain's {@code Scope}.
 */
public final class MachineClients {
    /** The OAuth scope the identity platform grants a client bound to one FINESS juridique. */
    public static final String SCOPE = "dispostock/declare";

    private record Route(String method, Pattern path) {
    }

    private static final String PUI = "/v1/puis/[^/]+/";
    private static final List<Route> ROUTES = List.of(
            new Route("GET", Pattern.compile(PUI + "declarations/[^/]+(/expected|/history)?")),
            new Route("PUT", Pattern.compile(PUI + "declarations/[^/]+")),
            new Route("GET", Pattern.compile(PUI + "state-stock/[^/]+(/history)?")),
            new Route("PUT", Pattern.compile(PUI + "state-stock/[^/]+")));

    private MachineClients() {
    }

    /** Whether a client may call this method on this path (without its query). */
    public static boolean allows(String method, String path) {
        return ROUTES.stream().anyMatch(r -> r.method.equalsIgnoreCase(method) && r.path.matcher(path).matches());
    }
}
