package fr.dispostock.bench;

import fr.dispostock.local.LocalPlatform;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * What each page of the portal weighs on a first visit (empty cache): every file Chromium actually
 * loads (HTML, CSS, JS, fonts, config.json; not the API's data), text gzip-compressed as CloudFront
 * serves it, fonts as they are (woff2 is compressed already). Baseline in the same run: the whole of
 * DSFR's distribution a page could link (full CSS, icons CSS, JS, every font). Writes BENCHMARKS.md
 * (section portal-weight).
 */
public final class PortalWeight {
    private static final List<String> PAGES = List.of("index.html", "puis.html", "declaration.html", "stock-etat.html", "commandes.html");
    /** The authorities' pages, each with the account that opens it (the local token route's request). */
    private static final Map<String, String> AUTHORITY_PAGES = new LinkedHashMap<>();

    static {
        AUTHORITY_PAGES.put("etablissements.html", "{\"roles\":[\"ARS\"],\"region\":\"84\"}");
        AUTHORITY_PAGES.put("medicaments.html", "{\"roles\":[\"NATIONAL\"]}");
        AUTHORITY_PAGES.put("consignes.html", "{\"roles\":[\"ARS\"],\"region\":\"84\"}");
        AUTHORITY_PAGES.put("regulation.html", "{\"roles\":[\"ARS\"],\"region\":\"84\"}");
        AUTHORITY_PAGES.put("expeditions.html", "{\"roles\":[\"SUPPLIER\"]}");
    }
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final long FIRST_VISIT_TARGET = 250 * 1024;
    private static final long OWN_JS_TARGET = 30 * 1024;

    /** The bytes of one page, by kind. */
    public record Weight(String page, int files, Map<String, Long> byKind, List<String> fonts) {
        public long total() {
            return byKind.values().stream().mapToLong(Long::longValue).sum();
        }

        public long kind(String k) {
            return byKind.getOrDefault(k, 0L);
        }
    }

    private PortalWeight() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Files.createTempDirectory("portal-weight");
        try (LocalPlatform platform = LocalPlatform.start(0, data, false)) {
            String base = "http://127.0.0.1:" + platform.port();
            String token = registersOfOneEstablishment(base);
            List<Weight> weights = new ArrayList<>();
            weights.add(measure(base, "index.html", null, "Accueil, not signed in (the first visit)"));
            for (String page : PAGES) {
                if (PortalWeight.class.getClassLoader().getResource("portal/" + page) != null) {
                    weights.add(measure(base, page, token, page + ", signed in"));
                }
            }
            for (Map.Entry<String, String> page : AUTHORITY_PAGES.entrySet()) {
                weights.add(measure(base, page.getKey(), token(base, page.getValue()), page.getKey() + ", signed in"));
            }
            long baseline = dsfrWhole();
            String markdown = report(weights, baseline);
            System.out.println(markdown);
            BenchmarksFile.writeSection("portal-weight", markdown);
        } finally {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(0); // DynamoDB Local leaves non-daemon threads behind
    }

    /** Two sites of the Hospices civils de Lyon and their PUIs, so that the pages show real content; a pharmacist's token. */
    private static String registersOfOneEstablishment(String base) throws IOException, InterruptedException {
        String national = token(base, "{\"roles\":[\"NATIONAL\"]}");
        List<String> rows;
        try (var in = PortalWeight.class.getClassLoader().getResourceAsStream("seed/finess.csv")) {
            rows = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        }
        String csv = rows.get(0) + "\n" + String.join("\n", rows.stream().filter(r -> r.startsWith("69078315") || r.startsWith("69078413")).toList()) + "\n";
        send(base, "POST", "/v1/establishments/import", national, "text/csv", csv, null);
        for (String et : List.of("690783154", "690784137")) {
            send(base, "PUT", "/v1/puis/" + et, national, "application/json", "{\"finessEj\":\"690781810\",\"email\":\"pui-" + et
                    + "@dispostock.invalid\",\"deliveryAddress\":{\"line1\":\"5 place d'Arsonval\",\"postalCode\":\"69437\",\"city\":\"Lyon\"}}", null);
        }
        return token(base, "{\"roles\":[\"PHARMACIST\"],\"finessEj\":[\"690781810\"]}");
    }

    private static String token(String base, String request) throws IOException, InterruptedException {
        String body = send(base, "POST", "/local/token", null, "application/json", request, null);
        return body.replaceAll("(?s).*\"token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    private static String send(String base, String method, String path, String token, String type, String body, String ifMatch)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", type)
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    /** One page in a fresh browser (empty cache): the portal's files it loaded, weighed. */
    @SuppressWarnings("unchecked")
    public static Weight measure(String base, String page, String token, String label) throws IOException, InterruptedException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(new File("/usr/bin/chromium"));
        options.addArguments("--no-sandbox", "--headless=new", "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=fr-FR");
        ChromeDriver driver = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build(), options);
        try {
            JavascriptExecutor js = driver;
            if (token != null) {
                driver.get(base + "/config.json"); // the origin, without loading a page
                js.executeScript("sessionStorage.setItem('dispostock.session', JSON.stringify({accessToken: arguments[0],"
                        + " expiresAt: Date.now() + 3600000}))", token);
            }
            driver.get(base + "/" + page);
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> (Boolean) js.executeScript(
                    "return !!document.querySelector('#contenu h1') && !document.getElementById('contenu').textContent.includes('Chargement…')"));
            js.executeAsyncScript("const done = arguments[arguments.length - 1]; document.fonts.ready.then(() => setTimeout(done, 300));");
            List<String> urls = new ArrayList<>(List.of(base + "/" + page));
            urls.addAll((List<String>) js.executeScript("return performance.getEntriesByType('resource').map(e => e.name)"));
            Map<String, Long> byKind = new LinkedHashMap<>();
            List<String> fonts = new ArrayList<>();
            int files = 0;
            for (String url : urls.stream().distinct().toList()) {
                String path = URI.create(url).getPath();
                if (!url.startsWith(base) || path.startsWith("/v1/") || path.startsWith("/local/")) {
                    continue; // the API's data, not the portal's weight
                }
                byte[] bytes = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
                String kind = path.endsWith(".woff2") ? "fonts" : path.endsWith(".css") ? "CSS"
                        : path.startsWith("/js/") ? "our JS" : path.endsWith(".js") ? "DSFR JS" : "HTML and JSON";
                byKind.merge(kind, kind.equals("fonts") ? (long) bytes.length : gzip(bytes), Long::sum);
                if (kind.equals("fonts")) {
                    fonts.add(path.substring(path.lastIndexOf('/') + 1));
                }
                files++;
            }
            return new Weight(label, files, byKind, fonts);
        } finally {
            driver.quit();
        }
    }

    private static long gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.size();
    }

    /** Everything of DSFR's dist a page could link without choosing: full CSS, icons CSS, JS and every font. */
    private static long dsfrWhole() throws IOException {
        Path dist = Path.of(System.getProperty("dispostock.root", "."), "portal", "node_modules", "@gouvfr", "dsfr", "dist");
        long total = gzip(Files.readAllBytes(dist.resolve("dsfr.min.css"))) + gzip(Files.readAllBytes(dist.resolve("utility/icons/icons.min.css")))
                + gzip(Files.readAllBytes(dist.resolve("dsfr.module.min.js")));
        try (Stream<Path> fonts = Files.list(dist.resolve("fonts"))) {
            for (Path f : fonts.filter(p -> p.toString().endsWith(".woff2")).toList()) {
                total += Files.size(f);
            }
        }
        return total;
    }

    public static String kb(long bytes) {
        return String.format("%.1f", bytes / 1024.0);
    }

    private static String report(List<Weight> weights, long baseline) {
        StringBuilder md = new StringBuilder();
        md.append("### Portal weight (bench/portal-weight, ").append(LocalDate.now()).append(")\n\n")
                .append("What each page loads on a first visit (empty cache) in Chromium: the portal's files only (not the API's ")
                .append("data), text gzip-compressed as CloudFront serves it, fonts as they are (woff2). KB = 1,024 bytes.\n\n")
                .append("| page | files | HTML, JSON | CSS | DSFR JS | our JS | fonts | total |\n|---|---|---|---|---|---|---|---|\n");
        for (Weight w : weights) {
            md.append("| ").append(w.page()).append(" | ").append(w.files()).append(" | ").append(kb(w.kind("HTML and JSON")))
                    .append(" | ").append(kb(w.kind("CSS"))).append(" | ").append(kb(w.kind("DSFR JS"))).append(" | ")
                    .append(kb(w.kind("our JS"))).append(" | ").append(kb(w.kind("fonts"))).append(" | **")
                    .append(kb(w.total())).append("** |\n");
        }
        Weight first = weights.get(0);
        long ownMax = weights.stream().mapToLong(w -> w.kind("our JS")).max().orElse(0);
        md.append("\nFonts of the first visit (the Marianne faces DSFR's CSS uses on that page, subset to the characters French uses by the portal's build, build/copy-dsfr.mjs): ")
                .append(String.join(", ", first.fonts())).append(".\n");
        md.append("\nBaseline in the same run, the whole of DSFR's distribution a page could link without choosing ")
                .append("(dsfr.min.css, icons.min.css, dsfr.module.min.js, its 20 fonts): ").append(kb(baseline))
                .append(" KB; the first visit weighs ").append(String.format("%.2f", first.total() / (double) baseline))
                .append("× that.\n\nTargets: first visit under 250 KB: **").append(first.total() < FIRST_VISIT_TARGET ? "met" : "not met")
                .append("** (").append(kb(first.total())).append(" KB); our own JS under 30 KB per screen: **")
                .append(ownMax < OWN_JS_TARGET ? "met" : "not met").append("** (at most ").append(kb(ownMax)).append(" KB).\n");
        return md.toString();
    }
}
