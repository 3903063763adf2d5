package fr.dispostock.bench.portal;

import fr.dispostock.bench.BenchmarksFile;
import fr.dispostock.domain.Dates;
import fr.dispostock.domain.IsoWeek;
import fr.dispostock.embedded.LocalTokens;
import fr.dispostock.local.LocalPlatform;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The portal's overhead on a Monday: the time from a click on "Envoyer" to the confirmation shown,
 * for a 40-line declaration typed in the grid, in headless Chromium against the local platform
 * (small seed; the CH de Fleyriat's PUI, region 84, declares 40 items). Beside it, in the same
 * rounds, the same PUT as the browser saw it (Resource Timing) and sent by a plain HTTP client
 * with the same 40 lines (the API's own time). Every round changes the figures, so that every
 * PUT stores a correction. Writes its section of BENCHMARKS.md.
 *
 * <p>Usage: bench/portal-declaration [--runs 20]
 */
public final class PortalDeclarationBench {
    static final String FLEYRIAT_EJ = "010780054";
    static final String FLEYRIAT_ET = "010000024";
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** Types a round's figures into every cell of the grid, as the page's own input events see them. */
    private static final String FILL = """
            const round = arguments[0];
            document.querySelectorAll('#table-declaration tbody tr').forEach((row, i) => {
              for (const [field, value] of [['stock', String(round * 100 + i)], ['cmj', `${i % 7},${round % 10}`]]) {
                const input = row.querySelector(`#${field}-${i}`);
                input.value = value;
                input.dispatchEvent(new Event('input', {bubbles: true}));
              }
            });""";

    /** Clicks "Envoyer" and answers when the confirmation is shown: [click→confirmation, the PUT's own duration]. */
    private static final String SEND = """
            const done = arguments[arguments.length - 1];
            const form = document.getElementById('declaration');
            performance.clearResourceTimings();
            const start = performance.now();
            const observer = new MutationObserver(() => {
              const summary = document.getElementById('resume-du-formulaire');
              if (!summary) return;
              observer.disconnect();
              const end = performance.now();
              const put = performance.getEntriesByType('resource').filter((e) => e.name.includes('/declarations/')).pop();
              done(summary.classList.contains('fr-alert--success') ? [end - start, put ? put.duration : -1] : summary.textContent);
            });
            observer.observe(form, {childList: true, subtree: true});
            document.getElementById('envoyer').click();""";

    public static void main(String[] args) throws Exception {
        int runs = args.length == 2 && args[0].equals("--runs") ? Integer.parseInt(args[1]) : 20;
        Path data = Files.createTempDirectory("portal-declaration");
        IsoWeek week = IsoWeek.of(LocalDate.now(Dates.PARIS));
        try (LocalPlatform platform = LocalPlatform.start(0, data)) {
            String base = "http://127.0.0.1:" + platform.port();
            WebDriver driver = chromium();
            try {
                JavascriptExecutor js = (JavascriptExecutor) driver;
                signIn(driver, base);
                driver.get(base + "/declaration.html?pui=" + FLEYRIAT_ET + "&semaine=" + week);
                new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(By.id("envoyer")));
                int lines = driver.findElements(By.cssSelector("#table-declaration tbody tr")).size();
                List<String> items = driver.findElements(By.cssSelector("#table-declaration tbody th")).stream()
                        .map(th -> th.getText().lines().reduce((a, b) -> b).orElseThrow()).toList();
                String token = platform.context().getBean(LocalTokens.class)
                        .token("bench", null, List.of("PHARMACIST"), List.of(FLEYRIAT_EJ), null);
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                URI put = URI.create(base + "/v1/puis/" + FLEYRIAT_ET + "/declarations/" + week);

                int warmUp = 3;
                double[] portal = new double[runs];
                double[] browserPut = new double[runs];
                double[] api = new double[runs];
                for (int round = 0; round < warmUp + runs; round++) {
                    js.executeScript(FILL, round);
                    Object answer = js.executeAsyncScript(SEND);
                    if (!(answer instanceof List<?> times)) {
                        throw new IllegalStateException("round " + round + ": no confirmation: " + answer);
                    }
                    double apiMs = timedPut(http, put, token, items, 1000 + round);
                    if (round >= warmUp) {
                        portal[round - warmUp] = ((Number) times.get(0)).doubleValue();
                        browserPut[round - warmUp] = ((Number) times.get(1)).doubleValue();
                        api[round - warmUp] = apiMs;
                    }
                }
                String chromium = String.valueOf(((org.openqa.selenium.HasCapabilities) driver).getCapabilities()
                        .getBrowserVersion());
                write(runs, lines, week, chromium, portal, browserPut, api);
            } finally {
                driver.quit();
            }
        } finally {
            try (var files = Files.walk(data)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static WebDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(new File("/usr/bin/chromium"));
        options.addArguments("--no-sandbox", "--headless=new", "--disable-dev-shm-usage", "--window-size=1280,1000",
                "--lang=fr-FR");
        return new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build(), options);
    }

    /** Through the portal's own sign-in and the local identity platform's page, as a person does. */
    static void signIn(WebDriver driver, String base) {
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        driver.get(base + "/index.html");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("se-connecter"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("label[for='role-PHARMACIST']"))).click();
        driver.findElement(By.id("recherche")).sendKeys(FLEYRIAT_EJ);
        driver.findElement(By.cssSelector("button[value='rechercher']")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("label[for='ej-" + FLEYRIAT_EJ + "']"))).click();
        driver.findElement(By.id("se-connecter")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("se-deconnecter")));
    }

    /** The same 40-line PUT from a plain HTTP client, in milliseconds; figures of its own round. */
    static double timedPut(HttpClient http, URI put, String token, List<String> items, int round) throws Exception {
        StringBuilder body = new StringBuilder("{\"lines\":[");
        for (int i = 0; i < items.size(); i++) {
            body.append(i == 0 ? "" : ",").append("{\"itemId\":\"").append(items.get(i)).append("\",\"stock\":")
                    .append(round * 100 + i).append(",\"averageDailyConsumption\":").append(i % 7).append('.')
                    .append(round % 10).append('}');
        }
        HttpRequest request = HttpRequest.newBuilder(put).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body + "]}")).build();
        long start = System.nanoTime();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        double ms = (System.nanoTime() - start) / 1e6;
        if (r.statusCode() != 200) {
            throw new IllegalStateException("PUT " + r.statusCode() + ": " + r.body());
        }
        return ms;
    }

    static void write(int runs, int lines, IsoWeek week, String chromium, double[] portal, double[] browserPut,
                      double[] api) {
        double portalMedian = median(portal);
        double apiMedian = median(api);
        String markdown = """
                ## Portal: sending a weekly declaration

                `bench/portal-declaration --runs %d`, %s, 2 cores, Java %s, headless Chromium %s. The local platform \
                (small seed) and the browser on the same machine; the CH de Fleyriat's PUI declares its %d lines of \
                week %s, typed in the grid, %d times after 3 unmeasured rounds; each round changes the figures (a \
                correction is stored each time). The API's own time is the same %d-line PUT sent by a plain HTTP \
                client in the same rounds.

                | measure | median | min | max |
                |---|---|---|---|
                | click on "Envoyer" → confirmation shown | %s | %s | %s |
                | the PUT as the browser saw it (Resource Timing) | %s | %s | %s |
                | the same PUT from a plain HTTP client (the API's own time) | %s | %s | %s |

                **Portal's overhead: %.1f ms** (median confirmation − median API time); the confirmation takes \
                **%.2f×** the API's own time.
                """.formatted(runs, LocalDate.now(), System.getProperty("java.version"), chromium, lines, week, runs,
                lines, ms(portal), min(portal), max(portal), ms(browserPut), min(browserPut), max(browserPut),
                ms(api), min(api), max(api), portalMedian - apiMedian, portalMedian / apiMedian);
        BenchmarksFile.writeSection("portal-declaration", markdown);
        System.out.println(markdown);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String ms(double[] values) {
        return String.format("%.1f ms", median(values));
    }

    private static String min(double[] values) {
        return String.format("%.1f", Arrays.stream(values).min().orElseThrow());
    }

    private static String max(double[] values) {
        return String.format("%.1f", Arrays.stream(values).max().orElseThrow());
    }
}
