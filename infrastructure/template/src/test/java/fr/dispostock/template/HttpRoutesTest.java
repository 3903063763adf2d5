package fr.dispostock.template;

import fr.dispostock.platform.auth.MachineClients;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every route a function's code serves (its generated OpenAPI description) reaches it through the
 * HTTP API: a route the template does not name answers 404 in AWS while every local test passes
 * (the local platform routes everything in one server). And the gateway lets a hospital's software
 * (OAuth scope dispostock/declare) reach exactly the routes the functions let it call.
 */
class HttpRoutesTest {
    private static final Pattern CODE_URI = Pattern.compile("functions/([^/]+)/target/");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    record Route(String method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @Test
    void every_route_of_each_function_is_routed_to_it_by_the_http_api() {
        // given each function with HTTP API events, and the routes its code serves
        SamTemplate template = SamTemplate.load();
        List<String> unrouted = new ArrayList<>();
        int checked = 0;
        for (var function : template.resources("AWS::Serverless::Function").entrySet()) {
            List<Route> events = httpEvents(function.getValue());
            if (events.isEmpty()) {
                continue;
            }
            // when each served route is matched against the function's events
            for (Route served : servedRoutes(module(function.getValue()))) {
                checked++;
                if (events.stream().noneMatch(event -> routes(event, served))) {
                    unrouted.add(function.getKey() + ": " + served);
                }
            }
        }

        // then none is left out
        assertTrue(checked > 0, "no served route found: build the function modules first");
        assertEquals(List.of(), unrouted, "served by the code but not routed by template.yaml (add an HttpApi event)");
    }

    @Test
    void a_route_the_template_leaves_out_is_found() {
        // given the events of the State-stock function without its lots history route
        List<Route> events = List.of(new Route("ANY", "/v1/puis/{finessEt}/state-stock/{date}"));

        // when a history route is matched against them
        boolean routed = events.stream().anyMatch(e -> routes(e, new Route("GET", "/v1/puis/{finessEt}/state-stock/{date}/history")));

        // then it is not routed, while the route itself is
        assertTrue(!routed);
        assertTrue(routes(events.get(0), new Route("PUT", "/v1/puis/{finessEt}/state-stock/{date}")));
    }

    @Test
    void a_hospital_software_scope_opens_at_the_gateway_exactly_the_routes_the_functions_let_it_call() {
        // given each function's HTTP API events with the scopes their authorizer asks (the default: a person's)
        SamTemplate template = SamTemplate.load();
        List<String> wrong = new ArrayList<>();
        int opened = 0;
        for (var function : template.resources("AWS::Serverless::Function").entrySet()) {
            List<Map<String, Object>> events = httpEventProperties(function.getValue());
            if (events.isEmpty()) {
                continue;
            }
            // when each served route is matched against the event that routes it
            for (Route served : servedRoutes(module(function.getValue()))) {
                for (Map<String, Object> event : events) {
                    if (!routes(route(event), served)) {
                        continue;
                    }
                    List<String> scopes = scopes(event);
                    boolean softwareAllowed = MachineClients.allows(served.method(), served.path());
                    opened += softwareAllowed ? 1 : 0;
                    if (!scopes.contains("openid") || scopes.contains(MachineClients.SCOPE) != softwareAllowed) {
                        wrong.add(function.getKey() + ": " + served + " scopes " + scopes);
                    }
                }
            }
        }

        // then persons reach every route, the software only its PUIs' declarations and lots (7 routes)
        assertEquals(List.of(), wrong, "the gateway's scopes and MachineClients disagree");
        assertEquals(7, opened);
    }

    @Test
    void the_portal_asks_for_the_scope_every_persons_route_asks() {
        // given the portal's scopes parameter (what its authorization-code flow asks, hence what its
        // access token's scope claim holds) and the scopes a person's route asks at the gateway
        Map<String, Object> portalScope = SamTemplate.load().parameter("PortalScope");
        Pattern allowed = Pattern.compile((String) portalScope.get("AllowedPattern"));

        // when the values an operator may give are matched against the parameter's pattern
        List<String> accepted = Stream.of("openid email", "openid", "email openid profile", "email",
                "openidx email", "aws.cognito.signin.user.admin", "").filter(v -> allowed.matcher(v).matches()).toList();

        // then a person's routes ask openid alone, the default holds it, and no value without it deploys
        assertEquals(List.of("openid"), DEFAULT_SCOPES);
        assertTrue(List.of(((String) portalScope.get("Default")).split(" ")).contains("openid"), portalScope.toString());
        assertEquals(List.of("openid email", "openid", "email openid profile"), accepted);
    }

    @SuppressWarnings("unchecked")
    private static List<String> scopes(Map<String, Object> event) {
        Map<String, Object> auth = (Map<String, Object>) event.get("Auth");
        return auth == null ? DEFAULT_SCOPES : (List<String>) auth.getOrDefault("AuthorizationScopes", DEFAULT_SCOPES);
    }

    /** As API Gateway matches: {name} is one segment, {name+} the rest of the path. */
    static boolean routes(Route event, Route served) {
        if (!event.method().equals("ANY") && !event.method().equalsIgnoreCase(served.method())) {
            return false;
        }
        String regex = Pattern.quote(event.path()).replaceAll("\\{[^}/]+\\+}", "\\\\E.+\\\\Q")
                .replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q");
        return served.path().replaceAll("\\{[^}/]+}", "x").matches(regex);
    }

    private static List<Route> httpEvents(Map<String, Object> function) {
        return httpEventProperties(function).stream().map(HttpRoutesTest::route).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> httpEventProperties(Map<String, Object> function) {
        Map<String, Map<String, Object>> events = (Map<String, Map<String, Object>>) function.getOrDefault("Events", Map.of());
        return events.values().stream().filter(e -> "HttpApi".equals(e.get("Type")))
                .map(e -> (Map<String, Object>) e.get("Properties")).toList();
    }

    private static Route route(Map<String, Object> event) {
        return new Route(String.valueOf(event.get("Method")).toUpperCase(), String.valueOf(event.get("Path")));
    }

    /** The scopes of the HTTP API's authorizer, which an event without its own asks. */
    @SuppressWarnings("unchecked")
    private static final List<String> DEFAULT_SCOPES = (List<String>) ((Map<String, Object>) ((Map<String, Object>)
            ((Map<String, Object>) ((Map<String, Object>) SamTemplate.load().resources("AWS::Serverless::HttpApi")
                    .get("HttpApi").get("Auth")).get("Authorizers")).get("IdentityPlatform"))).get("AuthorizationScopes");

    private static String module(Map<String, Object> function) {
        Matcher m = CODE_URI.matcher(String.valueOf(function.get("CodeUri")));
        assertTrue(m.find(), "CodeUri outside functions/: " + function.get("CodeUri"));
        return m.group(1);
    }

    private static List<Route> servedRoutes(String module) {
        return operations(module).stream().map(Operation::route).toList();
    }

    /** An operation of a function's generated OpenAPI description, as the file states it. */
    record Operation(String module, Route route, Map<String, Object> spec) {
        @Override
        public String toString() {
            return module + ": " + route;
        }
    }

    /** Every operation of every function the HTTP API routes to. */
    static List<Operation> servedOperations() {
        return SamTemplate.load().resources("AWS::Serverless::Function").values().stream()
                .filter(function -> !httpEvents(function).isEmpty()).map(HttpRoutesTest::module).distinct()
                .flatMap(module -> operations(module).stream()).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Operation> operations(String module) {
        Path swagger = SamTemplate.ROOT.resolve("functions").resolve(module).resolve("target/classes/META-INF/swagger");
        assertTrue(Files.isDirectory(swagger), "no OpenAPI description in " + swagger + ": build functions/" + module + " first");
        List<Operation> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(swagger)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).toList()) {
                try (Reader in = Files.newBufferedReader(file)) {
                    Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) ((Map<String, Object>) new Yaml().load(in)).get("paths");
                    paths.forEach((path, operations) -> operations.entrySet().stream().filter(o -> METHODS.contains(o.getKey()))
                            .forEach(o -> found.add(new Operation(module, new Route(o.getKey().toUpperCase(), path),
                                    (Map<String, Object>) o.getValue()))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }
}
