package fr.dispostock.local.portal;

import fr.dispostock.local.LocalPlatform;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.micronaut.json.JsonMapper;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The portal in a real browser against the real local platform: one {@link LocalPlatform} (small
 * seed, temporary data) for all the portal's test classes of a run, one headless Debian Chromium per
 * test class, the session forgotten before each test. Register it with
 * {@code @RegisterExtension static final PortalBrowser portal = new PortalBrowser();}.
 */
public final class PortalBrowser implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
    static final String INSTALL = "apt-get install -y --no-install-recommends chromium chromium-driver chromium-l10n";
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    // Chromium's French (package chromium-l10n): without it the browser is American whatever it is told
    private static final Path FRENCH = Path.of("/usr/lib/chromium/locales/fr.pak");
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final long POLL_MILLIS = 25;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PortalBrowser.class);
    private LocalPlatform platform;
    private WebDriver driver;
    private Path downloads;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM) || !Files.exists(FRENCH)) {
            fail("The portal's browser tests need Debian's Chromium, its driver and its French: " + INSTALL);
        }
        // one platform for the whole run, closed when the run ends
        platform = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("platform", k -> new Shared(SeededPlatform.start()), Shared.class).platform.platform();
        downloads = Files.createTempDirectory("portal-downloads");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // a French pharmacist's browser: the languages it asks pages for, and its own locale (date inputs'
        // format), which Chromium on Linux takes from LANGUAGE, not from --lang
        options.addArguments("--no-sandbox", "--headless=new", "--disable-dev-shm-usage", "--window-size=1280,1000",
                "--lang=fr-FR");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "fr-FR,fr",
                "download.default_directory", downloads.toString(), "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .withEnvironment(Map.of("LANGUAGE", "fr", "TZ", "Europe/Paris"))
                .build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        driver = chrome;
    }

    /** Where the browser saves what the pages download. */
    public Path downloads() {
        return downloads;
    }

    /** The text of a file the browser downloads, once it is whole. */
    public String awaitDownload(Path file) {
        return new String(awaitDownloadedBytes(file), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The bytes of a file the browser downloads (an xlsx workbook), once it is whole. */
    public byte[] awaitDownloadedBytes(Path file) {
        waiting(WAIT).until(d -> Files.exists(file));
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (downloads != null) {
            try (var files = Files.walk(downloads)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private record Shared(SeededPlatform platform) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() throws IOException {
            platform.close();
        }
    }

    /** Each test starts signed out, on a blank page. */
    @Override
    public void beforeEach(ExtensionContext context) {
        open("/index.html");
        js().executeScript("sessionStorage.clear()");
    }

    public WebDriver driver() {
        return driver;
    }

    public LocalPlatform platform() {
        return platform;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + platform.port();
    }

    public JavascriptExecutor js() {
        return (JavascriptExecutor) driver;
    }

    /** What the API answered to a call a test made beside the browser (another user, a fixture). */
    public record Answer(int status, String body, String etag, Map<String, Object> json) {
    }

    /** A token of the local platform's token route, e.g. {@code {"roles":["PHARMACIST"],"finessEj":["010780054"]}}. */
    public String token(String request) {
        return (String) call("POST", "/local/token", null, request, null).json().get("token");
    }

    /** Calls the local platform's API directly, as another user or to prepare a journey. */
    public Answer call(String method, String path, String token, String json, String ifMatch) {
        return callWith(method, path, token, json, ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch));
    }

    /** The same, with these headers (If-Match, Idempotency-Key, another Content-Type than JSON). */
    public Answer callWith(String method, String path, String token, String body, Map<String, String> headers) {
        return send(method, path, token, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body), headers);
    }

    /** A file sent as it is (an xlsx workbook), with its Content-Type among {@code headers}. */
    public Answer callWithFile(String method, String path, String token, byte[] body, Map<String, String> headers) {
        return send(method, path, token, HttpRequest.BodyPublishers.ofByteArray(body), headers);
    }

    private Answer send(String method, String path, String token, HttpRequest.BodyPublisher body,
                        Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .method(method, body)
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        headers.forEach(b::setHeader);
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            @SuppressWarnings("unchecked")
            Map<String, Object> answer = r.body().startsWith("{")
                    ? platform.context().getBean(JsonMapper.class).readValue(r.body(), Map.class) : Map.of();
            return new Answer(r.statusCode(), r.body(), r.headers().firstValue("ETag").orElse(null), answer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A wait that looks again every {@value #POLL_MILLIS} ms: with Selenium's default half-second
     * between looks, the waits made much of a test's time.
     */
    public WebDriverWait waiting(Duration timeout) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(POLL_MILLIS));
    }

    /** Opens a page of the portal, e.g. {@code "/puis.html"}. */
    public void open(String path) {
        driver.get(baseUrl() + path);
    }

    /** Waits for an element to be visible and returns it. */
    public WebElement waitFor(By by) {
        return waiting(WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Waits until an element shows this text. */
    public WebElement waitForText(By by, String text) {
        waiting(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
        return driver.findElement(by);
    }

    /**
     * From the home page to the local identity platform's sign-in page. The portal leaves for it only
     * once its PKCE pair is made: looking for the page's fields before the address changed can meet
     * the navigation under way (chromedriver's "aborted by navigation").
     */
    private void openSignInPage(String origin) {
        driver.get(origin + "/index.html");
        waitFor(By.id("se-connecter")).click();
        waiting(WAIT).until(ExpectedConditions.urlContains("/local/oidc/authorize"));
    }

    /**
     * Signs in as a pharmacist of this establishment through the portal's own sign-in (OIDC code +
     * PKCE) and the local identity platform's page, then waits for the home page.
     */
    public void signInAsPharmacist(String finessEj) {
        openSignInPage(baseUrl());
        waitFor(By.cssSelector("label[for='role-PHARMACIST']")).click();
        WebElement search = driver.findElement(By.id("recherche"));
        search.clear();
        search.sendKeys(finessEj);
        driver.findElement(By.cssSelector("button[value='rechercher']")).click();
        waitFor(By.cssSelector("label[for='ej-" + finessEj + "']")).click();
        driver.findElement(By.id("se-connecter")).click();
        waiting(WAIT).until(ExpectedConditions.urlMatches("/index\\.html$"));
        waitFor(By.id("se-deconnecter"));
    }

    /**
     * Signs in through the local identity platform's page with one of the authorities' roles
     * ({@code ARS}, {@code OMEDIT}, {@code NATIONAL}, {@code SUPPLIER}) and, for an ARS or OMEDIT, its
     * region (INSEE code; null for the others), then waits for the home page.
     */
    public void signInAs(String role, String region) {
        signInAs(baseUrl(), role, region);
    }

    /** The same from the portal opened at this origin, e.g. {@code http://localhost:<port>}. */
    public void signInAs(String origin, String role, String region) {
        openSignInPage(origin);
        waitFor(By.cssSelector("label[for='role-" + role + "']")).click();
        WebElement email = driver.findElement(By.id("email"));
        email.clear();
        email.sendKeys(role.toLowerCase() + (region == null ? "" : "-" + region) + "@dispostock.invalid");
        if (region != null) {
            new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("region"))).selectByValue(region);
        }
        driver.findElement(By.id("se-connecter")).click();
        waiting(WAIT).until(ExpectedConditions.urlMatches("/index\\.html$"));
        waitFor(By.id("se-deconnecter"));
    }

    /** The mails of the local outbox ({@code GET /local/outbox}) sent since that instant, or all of them. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public List<Map<String, Object>> outbox(java.time.Instant since) {
        String query = since == null ? "" : "?since=" + java.net.URLEncoder.encode(since.toString(), java.nio.charset.StandardCharsets.UTF_8);
        try {
            return (List) platform.context().getBean(JsonMapper.class).readValue(call("GET", "/local/outbox" + query, null, null, null)
                    .body(), io.micronaut.core.type.Argument.listOf(Map.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits (2 minutes at most) until the campaign screen's progress says the sending is done. */
    public void waitUntilSent() {
        waiting(Duration.ofMinutes(2)).until(d -> d.findElement(By.id("envoi"))
                .getAttribute("textContent").contains("Envoyée"));
    }

    /** The labels of the main navigation, as the signed-in user sees them. */
    public List<String> navigation() {
        return driver.findElements(By.cssSelector("#navigation .fr-nav__link")).stream()
                .map(a -> a.getAttribute("textContent").strip()).toList();
    }

    /** The page has no WCAG 2.1 A/AA violation that axe-core finds. */
    @SuppressWarnings("unchecked")
    public void checkAccessibility() {
        // once per document: a page checked again after a change keeps the axe-core it was given
        if (Boolean.TRUE.equals(js().executeScript("return typeof window.axe === 'undefined'"))) {
            js().executeScript(Axe.SOURCE);
        }
        // only the violations are gathered in full: axe-core's selectors for every passing node are not needed
        Map<String, Object> results = (Map<String, Object>) js().executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
                        + ".then(r => done({violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
                        + " nodes: v.nodes.map(n => n.target.join(' ') + ' : ' + n.failureSummary)}))}))"
                        + ".catch(e => done({error: String(e)}));", WCAG_21_AA);
        assertTrue(results.get("error") == null, () -> "axe-core failed: " + results.get("error"));
        List<Map<String, Object>> violations = (List<Map<String, Object>>) results.get("violations");
        assertTrue(violations.isEmpty(), () -> "WCAG 2.1 A/AA violations on " + driver.getCurrentUrl() + ":\n"
                + violations.stream().map(v -> "- " + v.get("id") + " (" + v.get("impact") + "): " + v.get("help") + "\n    "
                        + String.join("\n    ", (List<String>) v.get("nodes"))).collect(Collectors.joining("\n")));
    }

    /** axe-core's source, read once per test JVM (on first use: the holder's class is loaded then). */
    private static final class Axe {
        static final String SOURCE = axeSource();
    }

    private static String axeSource() {
        Path axe = Path.of(System.getProperty("dispostock.root", "../.."), "portal", "node_modules", "axe-core", "axe.min.js");
        try {
            return Files.readString(axe);
        } catch (IOException e) {
            throw new UncheckedIOException("axe-core is installed by the portal module's build (npm ci): " + axe, e);
        }
    }

    /** Saves what the browser shows as target/portal-screenshots/{name}.png. */
    public Path screenshot(String name) {
        try {
            Path dir = Path.of("target", "portal-screenshots");
            Files.createDirectories(dir);
            // the whole page from its top, not only the window
            js().executeScript("window.scrollTo(0, 0)");
            Dimension window = driver.manage().window().getSize();
            long height = (Long) js().executeScript("return document.documentElement.scrollHeight");
            driver.manage().window().setSize(new Dimension(window.getWidth(), (int) Math.max(window.getHeight(), height)));
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            driver.manage().window().setSize(window);
            Path to = dir.resolve(name + ".png");
            Files.copy(shot.toPath(), to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
