package fr.dispostock.template;

import fr.dispostock.template.HttpRoutesTest.Operation;
import fr.dispostock.template.HttpRoutesTest.Route;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generated OpenAPI is the clients' contract: every error answer a route can give is declared
 * there, so that a client written from it handles them (the house rule).
 */
class ErrorAnswersTest {
    /** Path parameters that say when, not which resource: a well-formed one never answers 404 by itself. */
    private static final Set<String> TIMES = Set.of("week", "date", "orderDay");

    /**
     * Path parameters naming a resource by an opaque identifier: one of another shape is no such
     * resource (404, Identifiers.existing), never a bad input by itself.
     */
    private static final Set<String> OPAQUE_IDS = Set.of("id", "itemId", "orderId", "campaignId", "code");

    /** Routes no signed-in account can be refused, hence without a 403. */
    private static final Set<Route> OPEN_TO_EVERY_ACCOUNT = Set.of(
            // the tracked medicines and their supply statuses: every role declares and orders them
            new Route("GET", "/v1/medicines"),
            new Route("GET", "/v1/medicines/{itemId}"),
            new Route("GET", "/v1/medicines/{itemId}/supply-statuses"),
            // an instruction is public once read by id: the list shows every role those in force
            new Route("GET", "/v1/instructions/{id}"),
            // the calendar's dates are the same for everyone
            new Route("GET", "/v1/state-stock/calendar"),
            // the State-stock catalogue: every role orders or reviews from it
            new Route("GET", "/v1/state-stock/products"));

    @Test
    void every_route_declares_the_errors_it_can_answer() {
        // given every operation of every function's generated OpenAPI
        List<Operation> operations = HttpRoutesTest.servedOperations();

        // when each is checked for the answers its parameters, body and access call for
        List<String> missing = new ArrayList<>();
        for (Operation operation : operations) {
            List<String> lacking = undeclared(operation.route(), operation.spec());
            if (!lacking.isEmpty()) {
                missing.add(operation + " lacks " + lacking);
            }
        }

        // then none lacks one
        assertTrue(operations.size() > 50, "too few operations found: " + operations.size());
        assertEquals(List.of(), missing, "declare these answers with @ApiResponse (application/problem+json)");
    }

    @Test
    void a_route_declaring_only_its_success_is_found_lacking() {
        // given a PUT of a PUI's week declaring only 200
        Map<String, Object> spec = Map.of("parameters", List.of(Map.of("name", "finessEt", "in", "path"),
                        Map.of("name", "week", "in", "path")), "requestBody", Map.of(),
                "responses", Map.of("200", Map.of()));

        // when checked
        List<String> lacking = undeclared(new Route("PUT", "/v1/puis/{finessEt}/declarations/{week}"), spec);

        // then the refusal, the unknown PUI and the bad input are all asked for; an open route needs no 403
        assertEquals(List.of("403", "404", "422"), lacking);
        assertEquals(List.of(), undeclared(new Route("GET", "/v1/state-stock/calendar"), Map.of("responses", Map.of("200", Map.of()))));
    }

    @SuppressWarnings("unchecked")
    static List<String> undeclared(Route route, Map<String, Object> spec) {
        List<Map<String, Object>> parameters = (List<Map<String, Object>>) spec.getOrDefault("parameters", List.of());
        Set<String> declared = ((Map<String, Object>) spec.getOrDefault("responses", Map.of())).keySet();
        List<String> lacking = new ArrayList<>();
        if (!OPEN_TO_EVERY_ACCOUNT.contains(route) && !declared.contains("403")) {
            lacking.add("403");
        }
        if (parameters.stream().anyMatch(p -> "path".equals(p.get("in")) && namesResource(route, (String) p.get("name")))
                && !declared.contains("404")) {
            lacking.add("404");
        }
        boolean takesInput = spec.containsKey("requestBody") || parameters.stream()
                .anyMatch(p -> !("path".equals(p.get("in")) && OPAQUE_IDS.contains(p.get("name"))));
        if (takesInput && !declared.contains("422")) {
            lacking.add("422");
        }
        return lacking;
    }

    /** A path parameter names a resource that may not exist, unless it is a time or the one a PUT creates. */
    private static boolean namesResource(Route route, String parameter) {
        return !TIMES.contains(parameter) && !(route.method().equals("PUT") && route.path().endsWith("{" + parameter + "}"));
    }
}
