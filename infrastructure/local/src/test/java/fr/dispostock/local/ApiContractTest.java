package fr.dispostock.local;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HTTP contract (../shared/API.md) and the OpenAPI descriptions the build generates from the
 * code agree: every route of the sections built so far is in them, and every generated route is
 * in the contract or one of our documented additions.
 */
class ApiContractTest {
    /** The sections of API.md whose functions exist. */
    static final List<String> BUILT = List.of("## Registers", "## Weekly declarations", "## State stock", "## Mail");
    /**
     * Routes we add to the contract (README: audit trails, reading one item, the catalogue and lots,
     * histories, reminder runs, an order's delivery, the calendar).
     */
    static final Set<String> ADDITIONS = Set.of(
            "GET /v1/establishments/{}/audit", "GET /v1/puis/{}/audit", "GET /v1/medicines/{}",
            "GET /v1/medicines/{}/audit", "GET /v1/instructions/{}", "GET /v1/instructions/{}/audit",
            "PUT /v1/state-stock/products/{}", "GET /v1/puis/{}/state-stock/{}", "GET /v1/state-stock/lots",
            "GET /v1/orders/{}", "POST /v1/accounts/import", "GET /v1/reminder-runs",
            "GET /v1/puis/{}/insights/lenders", "GET /v1/insights/expiry",
            "GET /v1/puis/{}/declarations/{}/history", "GET /v1/puis/{}/state-stock/{}/history",
            "GET /v1/orders/{}/delivery", "GET /v1/state-stock/calendar", "GET /v1/campaigns",
            "GET /v1/insights/risks", "GET /v1/puis/{}/insights", "GET /v1/insights/disparities",
            "GET /v1/insights/indicators",
            "POST /v1/supply-statuses/import", "GET /v1/medicines/{}/supply-statuses",
            "PUT /v1/state-stock/availability/{}", "GET /v1/state-stock/allocation",
            "GET /v1/puis/{}/declarations/{}/spreadsheet", "PUT /v1/puis/{}/declarations/{}/spreadsheet",
            "GET /v1/exports/completeness", "GET /v1/exports/non-declarers", "GET /v1/exports/stock",
            "POST /v1/accounts/erasures", "POST /v1/declarations/erasures", "POST /v1/state-stock/erasures",
            "POST /v1/campaigns/erasures");
    private static final Pattern ROUTE = Pattern.compile("^\\| `(GET|PUT|POST|DELETE) ([^ `?]+)");

    @Test
    void every_route_of_the_contract_is_generated_and_every_generated_route_is_in_the_contract() throws IOException {
        // given the contract's routes for the built sections, and the generated OpenAPI documents
        Set<String> contract = contractRoutes();
        Set<String> generated = generatedRoutes();

        // when both are compared
        Set<String> missing = new TreeSet<>(contract);
        missing.removeAll(generated);
        Set<String> unexpected = new TreeSet<>(generated);
        unexpected.removeAll(contract);
        unexpected.removeAll(ADDITIONS);

        // then nothing is missing and nothing is undocumented
        assertTrue(contract.size() >= 15, "routes read from API.md: " + contract);
        assertEquals(Set.of(), missing, "in API.md but not in the code");
        assertEquals(Set.of(), unexpected, "in the code but neither in API.md nor in the documented additions");
    }

    private static Set<String> contractRoutes() throws IOException {
        Path api = sharedApi();
        Set<String> routes = new TreeSet<>();
        boolean inBuilt = false;
        for (String line : Files.readAllLines(api)) {
            if (line.startsWith("## ")) {
                inBuilt = BUILT.stream().anyMatch(line::startsWith);
            }
            Matcher m = ROUTE.matcher(line);
            if (inBuilt && m.find()) {
                routes.add(m.group(1) + " " + normalise(m.group(2)));
            }
        }
        return routes;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> generatedRoutes() throws IOException {
        Set<String> routes = new TreeSet<>();
        for (URL doc : Collections.list(ApiContractTest.class.getClassLoader().getResources("META-INF/swagger"))) {
            // each function's jar (or classes folder, in the reactor) holds its own description
            try (FileSystem jar = doc.getProtocol().equals("jar") ? FileSystems.newFileSystem(URI.create(
                    doc.toString().substring(0, doc.toString().indexOf("!/"))), Map.of()) : null;
                 DirectoryStream<Path> files = Files.newDirectoryStream(jar == null ? Path.of(URI.create(doc.toString()))
                         : jar.getPath("META-INF/swagger"), "*.yml")) {
                for (Path file : files) {
                    try (InputStream in = Files.newInputStream(file)) {
                        Map<String, Object> openapi = new Yaml().load(in);
                        ((Map<String, Map<String, Object>>) openapi.get("paths")).forEach((path, operations) ->
                                operations.keySet().forEach(method ->
                                        routes.add(method.toUpperCase(Locale.ROOT) + " " + normalise(path))));
                    }
                }
            }
        }
        return routes;
    }

    private static String normalise(String path) {
        return path.replaceAll("\\{[^}]+}", "{}");
    }

    private static Path sharedApi() {
        for (Path d = Path.of(System.getProperty("dispostock.root", ".")).toAbsolutePath(); d != null; d = d.getParent()) {
            Path api = d.resolveSibling("shared").resolve("API.md");
            if (Files.exists(api)) {
                return api;
            }
        }
        throw new IllegalStateException("../shared/API.md not found");
    }
}
