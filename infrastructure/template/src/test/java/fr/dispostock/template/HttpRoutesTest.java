package fr.dispostock.template;

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
 * (the local platform routes everything in one server).
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

    /** As API Gateway matches: {name} is one segment, {name+} the rest of the path. */
    static boolean routes(Route event, Route served) {
        if (!event.method().equals("ANY") && !event.method().equalsIgnoreCase(served.method())) {
            return false;
        }
        String regex = Pattern.quote(event.path()).replaceAll("\\{[^}/]+\\+}", "\\\\E.+\\\\Q")
                .replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q");
        return served.path().replaceAll("\\{[^}/]+}", "x").matches(regex);
    }

    @SuppressWarnings("unchecked")
    private static List<Route> httpEvents(Map<String, Object> function) {
        Map<String, Map<String, Object>> events = (Map<String, Map<String, Object>>) function.getOrDefault("Events", Map.of());
        return events.values().stream().filter(e -> "HttpApi".equals(e.get("Type")))
                .map(e -> (Map<String, Object>) e.get("Properties"))
                .map(p -> new Route(String.valueOf(p.get("Method")).toUpperCase(), String.valueOf(p.get("Path"))))
                .toList();
    }

    private static String module(Map<String, Object> function) {
        Matcher m = CODE_URI.matcher(String.valueOf(function.get("CodeUri")));
        assertTrue(m.find(), "CodeUri outside functions/: " + function.get("CodeUri"));
        return m.group(1);
    }

    @SuppressWarnings("unchecked")
    private static List<Route> servedRoutes(String module) {
        Path swagger = SamTemplate.ROOT.resolve("functions").resolve(module).resolve("target/classes/META-INF/swagger");
        assertTrue(Files.isDirectory(swagger), "no OpenAPI description in " + swagger + ": build functions/" + module + " first");
        List<Route> routes = new ArrayList<>();
        try (Stream<Path> files = Files.list(swagger)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).toList()) {
                try (Reader in = Files.newBufferedReader(file)) {
                    Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) ((Map<String, Object>) new Yaml().load(in)).get("paths");
                    paths.forEach((path, operations) -> operations.keySet().stream().filter(METHODS::contains)
                            .forEach(method -> routes.add(new Route(method.toUpperCase(), path))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return routes;
    }
}
