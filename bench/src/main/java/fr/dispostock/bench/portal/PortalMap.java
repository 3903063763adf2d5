package fr.dispostock.bench.portal;

import fr.dispostock.bench.BenchmarksFile;
import fr.dispostock.bench.PortalWeight;
import io.micronaut.json.JsonMapper;
import fr.dispostock.embedded.LocalTokens;
import fr.dispostock.local.LocalPlatform;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The authorities' map on the whole of France: the local platform with the whole-France seed (2,235
 * PUIs, two years of declarations), the national operator's stock picture (stock.html) shaded by
 * completeness, then by coverage, opened {@code --runs} times in headless Chromium, each from
 * navigation to the map drawn (the page's performance mark 'carte-dessinee'); beside it, in the same
 * rounds, the API calls the page makes as the browser saw them (Resource Timing) and the same calls
 * from a plain HTTP client (the API's own time). Then the map screen's weight on a first visit
 * ({@link PortalWeight}). Writes its section of BENCHMARKS.md.
 *
 * <p>Usage: bench/portal-map [--runs 20]. The seed is made once into bench/target/portal-map-data/seed-cache.
 */
public final class PortalMap {
    private static final Duration WAIT = Duration.ofSeconds(120);

    /** Navigation start → the map drawn, and the slowest of the page's API calls (they run at once). */
    private static final String TIMES = """
            const mark = performance.getEntriesByName('carte-dessinee')[0];
            const api = performance.getEntriesByType('resource').filter((e) => e.name.includes('/v1/stock/overview')
                || e.name.includes('/v1/declarations/completeness'));
            return mark ? [mark.startTime, Math.max(...api.map((e) => e.duration))] : null;""";

    private PortalMap() {
    }

    record Series(String label, double[] page, double[] browserApi, double[] api) {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length == 2 && args[0].equals("--runs") ? Integer.parseInt(args[1]) : 20;
        Path data = Path.of("bench", "target", "portal-map-data");
        try (Stream<Path> old = Files.exists(data) ? Files.list(data) : Stream.empty()) {
            old.filter(p -> !p.getFileName().toString().equals("seed-cache")).forEach(PortalMap::delete);
        }
        try (LocalPlatform platform = LocalPlatform.start(0, data, LocalPlatform.Seed.FRANCE)) {
            String base = "http://127.0.0.1:" + platform.port();
            String token = platform.context().getBean(LocalTokens.class).token("bench", "bench@dispostock.invalid",
                    List.of("NATIONAL"), List.of(), null);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            JsonMapper mapper = platform.context().getBean(JsonMapper.class);
            String week = (String) json(mapper, http, base, "/v1/state-stock/calendar", token).get("week");
            week = fr.dispostock.domain.IsoWeek.parse(week).previous().toString(); // a whole week of the seed's history
            String monday = fr.dispostock.domain.IsoWeek.parse(week).monday().toString();
            String medicines = get(http, base, "/v1/medicines?activeOn=" + monday, token);
            String item = medicines.replaceAll("(?s)^.*?\"itemId\"\\s*:\\s*\"([^\"]+)\".*$", "$1");
            int puis = ((Number) json(mapper, http, base, "/v1/declarations/completeness?week=" + week + "&by=region", token)
                    .get("expected")).intValue();
            WebDriver driver = PortalDeclarationBench.chromium();
            List<Series> series = new ArrayList<>();
            try {
                JavascriptExecutor js = (JavascriptExecutor) driver;
                driver.get(base + "/config.json");
                js.executeScript("sessionStorage.setItem('dispostock.session', JSON.stringify({accessToken: arguments[0],"
                        + " expiresAt: Date.now() + 3600000}))", token);
                for (String shading : List.of("completude", "couverture")) {
                    String page = "/stock.html?semaine=" + week + "&medicament=" + item + "&carte=" + shading;
                    List<String> calls = List.of("/v1/stock/overview?itemId=" + item + "&week=" + week + "&by=region",
                            "/v1/declarations/completeness?week=" + week + "&by=region");
                    series.add(rounds(driver, http, base, token, page, calls, runs, shading.equals("completude")
                            ? "national map shaded by completeness" : "national stock picture, map shaded by coverage"));
                }
            } finally {
                driver.quit();
            }
            PortalWeight.Weight weight = PortalWeight.measure(base, "stock.html?semaine=" + week + "&medicament=" + item,
                    token, "stock.html (map screen), national");
            write(runs, puis, week, series, weight);
        }
        System.exit(0); // DynamoDB Local leaves non-daemon threads behind
    }

    private static Series rounds(WebDriver driver, HttpClient http, String base, String token, String page,
                                 List<String> calls, int runs, String label) throws Exception {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        int warmUp = 2;
        double[] drawn = new double[runs];
        double[] browserApi = new double[runs];
        double[] api = new double[runs];
        for (int round = 0; round < warmUp + runs; round++) {
            driver.get(base + page);
            List<?> times = new WebDriverWait(driver, WAIT).until(d -> (List<?>) js.executeScript(TIMES));
            // the page's calls run at once: the API's time is the slowest of them, sent at once here too
            long start = System.nanoTime();
            List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> answers = calls.stream()
                    .map(c -> http.sendAsync(request(base, c, token), HttpResponse.BodyHandlers.ofString())).toList();
            for (var a : answers) {
                if (a.get().statusCode() != 200) {
                    throw new IllegalStateException(a.get().uri() + ": " + a.get().statusCode() + " " + a.get().body());
                }
            }
            double apiMs = (System.nanoTime() - start) / 1e6;
            if (round >= warmUp) {
                drawn[round - warmUp] = ((Number) times.get(0)).doubleValue();
                browserApi[round - warmUp] = ((Number) times.get(1)).doubleValue();
                api[round - warmUp] = apiMs;
            }
        }
        return new Series(label, drawn, browserApi, api);
    }

    private static HttpRequest request(String base, String path, String token) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token).build();
    }

    private static String get(HttpClient http, String base, String path, String token) throws Exception {
        HttpResponse<String> r = http.send(request(base, path, token), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(JsonMapper mapper, HttpClient http, String base, String path, String token)
            throws Exception {
        return mapper.readValue(get(http, base, path, token), Map.class);
    }

    private static void write(int runs, int puis, String week, List<Series> series, PortalWeight.Weight weight) {
        StringBuilder md = new StringBuilder("## Portal: the authorities' map of France\n\n")
                .append("`bench/portal-map --runs ").append(runs).append("`, ").append(LocalDate.now())
                .append(", 2 cores, Java ").append(System.getProperty("java.version")).append(", headless Chromium. ")
                .append("The local platform with the whole-France seed (").append(String.format("%,d", puis))
                .append(" PUIs, two years of history) and the browser on the same machine; the national operator opens ")
                .append("`stock.html` for week ").append(week).append(", ").append(runs)
                .append(" times after 2 unmeasured rounds: navigation → map drawn (the page's mark `carte-dessinee`: ")
                .append("sign-in check, config, the API's figures, the SVG of 18 regions, tables and trend). The API's own ")
                .append("time is the same calls (overview by region with its 8-week trend, completeness by region; at once, ")
                .append("as the page makes them) from a plain HTTP client in the same rounds.\n\n")
                .append("| measure | median | min | max |\n|---|---|---|---|\n");
        for (Series s : series) {
            md.append(row(s.label() + ": navigation → map drawn", s.page()))
                    .append(row("  the API calls as the browser saw them (slowest, Resource Timing)", s.browserApi()))
                    .append(row("  the same calls from a plain HTTP client (the API's own time)", s.api()));
        }
        md.append("\nThe page's own share (median drawn − median API time): ");
        md.append(String.join("; ", series.stream().map(s -> String.format("%s %.1f ms (%.2f× the API's time)", s.label(),
                PortalDeclarationBench.median(s.page()) - PortalDeclarationBench.median(s.api()),
                PortalDeclarationBench.median(s.page()) / PortalDeclarationBench.median(s.api()))).toList())).append(".\n\n");
        md.append("Weight of the map screen on a first visit (empty cache, text gzip-compressed as CloudFront serves it): ")
                .append(weight.files()).append(" files, **").append(PortalWeight.kb(weight.total())).append(" KB**, of which our JS ")
                .append(PortalWeight.kb(weight.kind("our JS"))).append(" KB (the map's geometry, `carte-france.js`, included), CSS ")
                .append(PortalWeight.kb(weight.kind("CSS"))).append(" KB, DSFR JS ").append(PortalWeight.kb(weight.kind("DSFR JS")))
                .append(" KB, fonts ").append(PortalWeight.kb(weight.kind("fonts"))).append(" KB.\n");
        BenchmarksFile.writeSection("portal-map", md.toString());
        System.out.println(md);
    }

    private static String row(String label, double[] values) {
        return String.format("| %s | %.1f ms | %.1f | %.1f |%n", label, PortalDeclarationBench.median(values),
                java.util.Arrays.stream(values).min().orElseThrow(), java.util.Arrays.stream(values).max().orElseThrow());
    }

    private static void delete(Path p) {
        try (Stream<Path> files = Files.walk(p)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
