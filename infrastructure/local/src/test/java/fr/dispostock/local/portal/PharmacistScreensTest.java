package fr.dispostock.local.portal;

import fr.dispostock.domain.Dates;
import fr.dispostock.domain.IsoWeek;
import fr.dispostock.embedded.LocalTokens;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A hospital pharmacist's working screens in a real browser against the local platform: the weekly
 * declaration (grid and CSV), Thursday's State-stock lots with their expiry, and orders. What the
 * screens say is checked against what the API then holds.
 */
class PharmacistScreensTest {
    @RegisterExtension
    static final PortalBrowser portal = new PortalBrowser();
    static final String FLEYRIAT_EJ = "010780054";
    static final String FLEYRIAT_ET = "010000024";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static IsoWeek thisWeek() {
        return IsoWeek.of(LocalDate.now(Dates.PARIS));
    }

    /** What the API holds, read as Fleyriat's pharmacist: status and parsed JSON. */
    record Read(int status, Object json) {
        Map<?, ?> object() {
            return (Map<?, ?>) json;
        }
    }

    static Read api(String path) throws IOException, InterruptedException {
        return api("GET", path, null);
    }

    static Read api(String method, String path, String json) throws IOException, InterruptedException {
        return api(method, path, json, "pharmacien-test", null);
    }

    /** As a pharmacist of Fleyriat whose identity platform names him {@code subject}, with this e-mail (or none). */
    static Read api(String method, String path, String json, String subject, String email) throws IOException, InterruptedException {
        String token = portal.platform().context().getBean(LocalTokens.class)
                .token(subject, email, List.of("PHARMACIST"), List.of(FLEYRIAT_EJ), null);
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(portal.baseUrl() + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        return new Read(r.statusCode(), r.body().isEmpty() ? null
                : portal.platform().context().getBean(JsonMapper.class).readValue(r.body(), Object.class));
    }

    void openDeclaration(IsoWeek week) {
        portal.signInAsPharmacist(FLEYRIAT_EJ);
        portal.open("/declaration.html?pui=" + FLEYRIAT_ET + "&semaine=" + week);
        portal.waitFor(By.id("envoyer"));
    }

    WebElement cell(String prefix, int row) {
        return portal.driver().findElement(By.id(prefix + "-" + row));
    }

    /**
     * Types the same figures into rows [from, to) of the grid at once, as the page's input events see
     * them (typing 80 cells key by key takes most of a test's time; the cells under test are typed).
     */
    void fillRows(int from, int to, String stock, String consumption) {
        portal.js().executeScript("""
                for (let i = arguments[0]; i < arguments[1]; i++) {
                  for (const [id, value] of [[`stock-${i}`, arguments[2]], [`cmj-${i}`, arguments[3]]]) {
                    const input = document.getElementById(id);
                    input.value = value;
                    input.dispatchEvent(new Event('input', {bubbles: true}));
                    input.dispatchEvent(new Event('change', {bubbles: true}));
                  }
                }""", from, to, stock, consumption);
    }

    int gridRows() {
        return portal.driver().findElements(By.cssSelector("#table-declaration tbody tr")).size();
    }

    @Test
    void a_declaration_with_zeros_and_a_wrong_cell_shows_the_error_on_that_cell_and_stores_nothing() throws Exception {
        // given last week's grid, every item declared with zeros except one implausible stock
        IsoWeek week = thisWeek().previous();
        openDeclaration(week);
        portal.checkAccessibility();
        portal.screenshot("10-declaration-grille");
        // each medicine named as pharmacists say it, by its name and UCD codes, not by the register's id
        Map<?, ?> first = (Map<?, ?>) ((List<?>) api("/v1/puis/" + FLEYRIAT_ET + "/declarations/" + week + "/expected").object().get("items")).get(0);
        assertEquals(first.get("label") + "\nUCD13 : " + String.join(", ", ((List<?>) first.get("ucds")).stream().map(Object::toString).toList()),
                portal.driver().findElement(By.cssSelector("#table-declaration tbody th")).getText());
        int rows = gridRows();
        fillRows(0, rows, "0", "0");
        cell("stock", 3).clear();
        cell("stock", 3).sendKeys("2000000000");
        cell("cmj", 1).clear();
        cell("cmj", 1).sendKeys("2,125");

        // when the pharmacist sends it
        portal.driver().findElement(By.id("envoyer")).click();

        // then the server's 422 is shown on that cell and in the summary, and nothing is stored
        WebElement message = portal.waitFor(By.id("stock-3-erreur"));
        assertTrue(message.getText().startsWith("doit être un nombre entier d’unités, de 0 à 1"), message.getText());
        assertEquals("true", cell("stock", 3).getAttribute("aria-invalid"));
        assertEquals(1, portal.driver().findElements(By.cssSelector("#declaration .fr-error-text")).size());
        assertTrue(portal.driver().findElement(By.id("resume-du-formulaire")).getText().contains("Stock de"));
        assertEquals(404, api("/v1/puis/" + FLEYRIAT_ET + "/declarations/" + week).status());
        portal.checkAccessibility();
        portal.screenshot("11-declaration-erreur-serveur");

        // when a cell is made negative, then the page says so on that cell before sending anything
        cell("stock", 3).clear();
        cell("stock", 3).sendKeys("-4");
        cell("stock", 3).sendKeys("\t");
        portal.waitForText(By.id("stock-3-erreur"), "positif ou nul");

        // when corrected and sent, the zeros are stored as declared zeros, the decimal comma read
        cell("stock", 3).clear();
        cell("stock", 3).sendKeys("12");
        portal.driver().findElement(By.id("envoyer")).click();
        portal.waitForText(By.id("resume-du-formulaire"), "Déclaration enregistrée");
        Read stored = api("/v1/puis/" + FLEYRIAT_ET + "/declarations/" + week);
        assertEquals(200, stored.status());
        List<?> lines = (List<?>) stored.object().get("lines");
        assertEquals(rows, lines.size());
        assertEquals(rows - 1, lines.stream().filter(l -> ((Number) ((Map<?, ?>) l).get("stock")).longValue() == 0).count());
        assertTrue(lines.stream().anyMatch(l -> "2.125".equals(String.valueOf(((Map<?, ?>) l).get("averageDailyConsumption")))));
        assertEquals(Boolean.TRUE, stored.object().get("late"));
    }

    @Test
    void empty_rows_are_named_before_sending_and_a_complete_declaration_is_confirmed_with_nothing_missing() throws Exception {
        // given this week's grid with last week's figures beside it, half of it filled
        IsoWeek week = thisWeek();
        openDeclaration(week);
        int rows = gridRows();
        assertEquals(40, rows);
        cell("stock", 0).sendKeys("100");
        cell("cmj", 0).sendKeys("1,5");
        fillRows(1, rows / 2, "101", "1,5");

        // when sent, then the empty rows are named and nothing is sent until the pharmacist chooses
        portal.driver().findElement(By.id("envoyer")).click();
        portal.waitForText(By.id("resume-du-formulaire"), "20 médicaments sans valeur");
        assertEquals(404, api("/v1/puis/" + FLEYRIAT_ET + "/declarations/" + week).status());
        portal.checkAccessibility();
        portal.screenshot("12-declaration-cases-vides");

        // when the draft survives a reload (an expired session, a closed answer), then it is filled in full and sent
        portal.driver().navigate().refresh();
        portal.waitFor(By.id("envoyer"));
        assertEquals("100", cell("stock", 0).getAttribute("value"));
        assertTrue(portal.driver().findElement(By.id("saisies-reprises")).getText().contains("ont été reprises"));
        fillRows(rows / 2, rows, "0", "0");
        portal.driver().findElement(By.id("envoyer")).click();

        // then it is confirmed complete, and the API holds every line
        WebElement summary = portal.waitForText(By.id("resume-du-formulaire"), "Déclaration enregistrée");
        assertTrue(summary.getText().contains("40 médicaments déclarés"), summary.getText());
        // (the drafts are sent: the page no longer says they were taken up)
        assertTrue(portal.driver().findElements(By.id("saisies-reprises")).isEmpty(), "the drafts' banner is gone");
        portal.waitForText(By.id("etat"), "Envoyée le");
        assertEquals("Déclarée", portal.driver().findElement(By.cssSelector("#etat .fr-badge")).getDomProperty("textContent"));
        Read stored = api("/v1/puis/" + FLEYRIAT_ET + "/declarations/" + week);
        assertEquals(40, ((List<?>) stored.object().get("lines")).size());
        assertEquals(List.of(), stored.object().get("missingItems"));
        portal.checkAccessibility();
        portal.screenshot("13-declaration-envoyee");
    }

    @Test
    void the_file_alternatives_are_announced_above_the_grid_and_their_links_lead_below_it() {
        // given the week's grid of some forty medicines, the xlsx and CSV forms under it
        openDeclaration(thisWeek().previous());
        WebElement grid = portal.driver().findElement(By.id("table-declaration"));
        assertTrue(gridRows() > 20, String.valueOf(gridRows()));

        for (String alternative : List.of("xlsx-titre", "csv-titre")) {
            // then a link to each alternative stands above the grid
            WebElement link = portal.driver().findElement(By.cssSelector("#autres-facons a[href='#" + alternative + "']"));
            assertTrue(link.getRect().getY() < grid.getRect().getY(), alternative);
            assertTrue(portal.driver().findElement(By.id(alternative)).getRect().getY() > grid.getRect().getY(), alternative);

            // when the pharmacist follows it, then the alternative's heading comes into the window (DSFR scrolls smoothly)
            portal.js().executeScript("window.scrollTo(0, 0)");
            link.click();
            String rect = "const r = document.getElementById(arguments[0]).getBoundingClientRect();";
            portal.waiting(Duration.ofSeconds(5))
                    .withMessage(() -> alternative + " out of the window: " + portal.js().executeScript(rect
                            + " return JSON.stringify({top: r.top, bottom: r.bottom, window: innerHeight, scrollY, hash: location.hash});", alternative))
                    .until(d -> Boolean.TRUE.equals(portal.js().executeScript(rect
                            + " return r.top > -1 && r.bottom < window.innerHeight;", alternative)));
        }
        portal.checkAccessibility();
        portal.js().executeScript("window.scrollTo(0, 0)");
        portal.screenshot("16-declaration-autres-facons");
    }

    @Test
    void a_csv_file_with_a_bad_line_is_refused_whole_with_the_line_named() throws Exception {
        // given a file of the template's shape with a negative stock on its 4th line
        IsoWeek week = thisWeek().previous().previous();
        openDeclaration(week);
        List<String> items = ((List<?>) api("/v1/puis/" + FLEYRIAT_ET + "/declarations/" + week + "/expected").object().get("items"))
                .stream().map(i -> (String) ((Map<?, ?>) i).get("itemId")).toList();
        StringBuilder csv = new StringBuilder("itemId;stock;averageDailyConsumption;libelle\n");
        for (int i = 0; i < items.size(); i++) {
            csv.append(items.get(i)).append(';').append(i == 2 ? "-5" : "10").append(";0,5;\"x\"\n");
        }
        Path file = Files.createTempFile("declaration", ".csv");
        Files.writeString(file, csv);

        // when the pharmacist uploads it
        portal.driver().findElement(By.id("fichier")).sendKeys(file.toString());
        portal.driver().findElement(By.id("envoyer-csv")).click();

        // then line 4 of the file is named, and nothing is stored
        WebElement errors = portal.waitFor(By.id("erreurs-csv"));
        assertTrue(errors.getText().contains("Ligne 4 du fichier, stock : doit être un nombre entier d’unités, de 0 à 1"), errors.getText());
        assertEquals(404, api("/v1/puis/" + FLEYRIAT_ET + "/declarations/" + week).status());
        portal.checkAccessibility();
        portal.screenshot("14-declaration-csv-erreur");

        // when the line is corrected, then the whole file is stored
        Files.writeString(file, csv.toString().replace(";-5;", ";5;"));
        portal.driver().findElement(By.id("fichier")).sendKeys(file.toString());
        portal.driver().findElement(By.id("envoyer-csv")).click();
        portal.waitForText(By.id("resume-du-formulaire"), "Fichier enregistré");
        assertEquals(items.size(), ((List<?>) api("/v1/puis/" + FLEYRIAT_ET + "/declarations/" + week).object().get("lines")).size());
    }

    @Test
    void the_corrections_of_a_week_are_shown_newest_first_page_by_page() throws Exception {
        // given a week declared, then corrected 22 times (23 versions: the current one and 22 earlier ones)
        IsoWeek week = thisWeek().previous().previous().previous();
        String path = "/v1/puis/" + FLEYRIAT_ET + "/declarations/" + week;
        List<?> items = (List<?>) api(path + "/expected").object().get("items");
        for (int version = 1; version <= 23; version++) {
            StringBuilder lines = new StringBuilder();
            for (Object item : items) {
                lines.append(lines.isEmpty() ? "" : ",").append("{\"itemId\":\"").append(((Map<?, ?>) item).get("itemId"))
                        .append("\",\"stock\":").append(version).append(",\"averageDailyConsumption\":1}");
            }
            assertEquals(200, api("PUT", path, "{\"lines\":[" + lines + "]}").status());
        }

        // when the pharmacist opens the week and asks for its earlier versions
        openDeclaration(week);
        portal.waitForText(By.id("historique"), "22 versions antérieures");
        portal.driver().findElement(By.id("historique-plus")).click();

        // then the 20 newest earlier versions come first, newest first, then "Voir plus" brings the last 2
        portal.waitFor(By.cssSelector("#historique-versions > li:nth-child(20)"));
        List<WebElement> versions = portal.driver().findElements(By.cssSelector("#historique-versions > li"));
        assertEquals(20, versions.size());
        assertEquals("22", versions.get(0).findElement(By.cssSelector("tbody td")).getDomProperty("textContent"));
        versions.get(0).findElement(By.cssSelector(".fr-accordion__btn")).click();
        portal.waitFor(By.cssSelector("#version-1 tbody td"));
        portal.checkAccessibility();
        portal.screenshot("15-declaration-historique");
        WebElement more = portal.driver().findElement(By.id("historique-plus"));
        assertEquals("Voir plus", more.getText());
        more.click();
        portal.waitFor(By.cssSelector("#historique-versions > li:nth-child(22)"));
        assertTrue(portal.driver().findElements(By.id("historique-plus")).isEmpty());
        assertEquals("1", portal.driver().findElement(By.cssSelector("#historique-versions > li:nth-child(22) tbody td"))
                .getDomProperty("textContent"));
    }

    @Test
    void the_csv_template_holds_the_header_and_every_item_expected_of_this_pui_this_week() throws Exception {
        // given the declaration page of a week nobody has declared
        IsoWeek week = thisWeek().previous().previous().previous().previous();
        openDeclaration(week);
        List<?> expected = (List<?>) api("/v1/puis/" + FLEYRIAT_ET + "/declarations/" + week + "/expected").object().get("items");
        Path downloads = portal.downloads();

        // when the pharmacist downloads the template
        portal.driver().findElement(By.id("modele")).click();

        // then the file is named after the PUI and the week, opens in a spreadsheet as UTF-8 (BOM), and holds
        // the header then one empty line per item expected, with its label
        Path file = downloads.resolve("declaration-" + FLEYRIAT_ET + "-" + week + ".csv");
        String content = portal.awaitDownload(file);
        assertTrue(content.startsWith("\uFEFF"), "no BOM");
        List<String> lines = content.substring(1).lines().toList();
        assertEquals("itemId;stock;averageDailyConsumption;libelle", lines.get(0));
        assertEquals(expected.stream().map(i -> ((Map<?, ?>) i).get("itemId") + ";;;\"" + ((String) ((Map<?, ?>) i).get("label"))
                .replace("\"", "\"\"") + "\"").toList(), lines.subList(1, lines.size()));
        assertEquals(40, lines.size() - 1);
    }

    @Test
    void the_corrections_of_a_thursdays_lots_are_shown_newest_first_with_their_author_named_once() throws Exception {
        // given the Thursday before last declared three times (two corrections), by a pharmacist whose account
        // names him by his e-mail, as the local identity platform does
        LocalDate thursday = LocalDate.now(Dates.PARIS).with(TemporalAdjusters.previousOrSame(DayOfWeek.THURSDAY)).minusWeeks(1);
        String path = "/v1/puis/" + FLEYRIAT_ET + "/state-stock/" + thursday;
        String author = "pharmacien@dispostock.invalid";
        for (int quantity : List.of(10, 20, 30)) {
            assertEquals(200, api("PUT", path, "{\"lines\":[{\"productCode\":\"MPOX-MVA-BN\",\"lot\":\"FDP00999\",\"expiry\":\""
                    + thursday.plusDays(200) + "\",\"quantity\":" + quantity + "}]}", author, author).status());
        }

        // when the pharmacist opens that Thursday and asks for its earlier versions
        portal.signInAsPharmacist(FLEYRIAT_EJ);
        portal.open("/stock-etat.html?pui=" + FLEYRIAT_ET + "&jeudi=" + thursday);
        portal.waitForText(By.id("historique"), "2 versions antérieures");
        assertTrue(portal.driver().findElement(By.id("lots-zone")).getText().contains("par " + author + "."),
                portal.driver().findElement(By.id("lots-zone")).getText());
        portal.driver().findElement(By.id("historique-plus")).click();

        // then both earlier versions are listed, newest first (20 units, then 10), each by its author named once
        portal.waitFor(By.cssSelector("#historique-versions > li:nth-child(2)"));
        List<WebElement> versions = portal.driver().findElements(By.cssSelector("#historique-versions > li"));
        assertEquals(2, versions.size());
        for (WebElement version : versions) {
            String title = version.findElement(By.cssSelector(".fr-accordion__btn")).getText();
            assertTrue(title.endsWith(", par " + author), title);
        }
        assertTrue(portal.driver().findElements(By.id("historique-plus")).isEmpty());
        versions.get(0).findElement(By.cssSelector(".fr-accordion__btn")).click();
        WebElement newest = portal.waitFor(By.cssSelector("#version-1 tbody tr"));
        assertEquals(List.of("FDP00999", "20"), List.of(newest.findElements(By.tagName("td")).get(1).getText(),
                newest.findElements(By.tagName("td")).get(3).getText()));
        assertEquals("10", versions.get(1).findElement(By.cssSelector("tbody tr td:nth-child(4)")).getDomProperty("textContent"));
        portal.checkAccessibility();
        portal.screenshot("22-stock-etat-historique");
    }

    @Test
    void thursday_lots_are_declared_with_an_expired_one_flagged_and_seen_in_the_expiry_view() throws Exception {
        // given the lots page of last Thursday
        LocalDate thursday = LocalDate.now(Dates.PARIS).with(TemporalAdjusters.previousOrSame(DayOfWeek.THURSDAY));
        portal.signInAsPharmacist(FLEYRIAT_EJ);
        portal.open("/stock-etat.html?pui=" + FLEYRIAT_ET + "&jeudi=" + thursday);
        portal.waitFor(By.id("envoyer-lots"));
        portal.checkAccessibility();

        // when the pharmacist declares a lot expiring in 20 days and one expired with units left
        fillLot(0, "MPOX-MVA-BN", "FDP00123", thursday.plusDays(20), "40");
        portal.driver().findElement(By.id("ajouter-lot")).click();
        fillLot(1, "MPOX-MVA-BN", "OLD-1", thursday.minusDays(30), "5");

        // then the expired one is flagged before sending, and once sent the API holds it as expired
        List<WebElement> rows = portal.driver().findElements(By.cssSelector("#lots tbody tr"));
        assertEquals("Périmé", rows.get(1).findElement(By.cssSelector(".etat-lot")).getDomProperty("textContent"));
        assertEquals("", rows.get(0).findElement(By.cssSelector(".etat-lot")).getDomProperty("textContent"));
        // and each product's whole name, presentation included, fits in its select
        assertEquals(List.of(), cutProductNames(), "names cut in the product select");
        // and the lots fit the page at 1,280 px, "Retirer" included: nothing to scroll sideways
        assertEquals(1280, portal.driver().manage().window().getSize().getWidth());
        assertEquals(List.of(), WideTables.on(portal), "tables scrolling sideways");
        portal.screenshot("20-stock-etat-saisie");
        portal.driver().findElement(By.id("envoyer-lots")).click();
        portal.waitForText(By.id("resume-du-formulaire"), "dont 1 périmé");
        Read stored = api("/v1/puis/" + FLEYRIAT_ET + "/state-stock/" + thursday);
        assertEquals(List.of("FDP00123:false", "OLD-1:true"), ((List<?>) stored.object().get("lines")).stream()
                .map(l -> ((Map<?, ?>) l).get("lot") + ":" + ((Map<?, ?>) l).get("expired")).toList());

        // and the expiry view shows 5 units expired, 40 within 30 days
        WebElement figures = portal.waitFor(By.id("chiffres-peremption"));
        assertTrue(figures.getText().contains("5\nunités périmées"), figures.getText());
        assertTrue(figures.getText().contains("40\nunités périment dans 30 jours ou moins"), figures.getText());
        assertEquals(List.of(), WideTables.on(portal), "tables scrolling sideways");
        portal.checkAccessibility();
        portal.screenshot("21-stock-etat-peremptions");
    }

    /**
     * The options of the first product select wider than its text box (the select's inner width less its
     * padding and arrow), measured in the select's own font.
     */
    static List<?> cutProductNames() {
        return (List<?>) portal.js().executeScript("""
                const select = document.querySelector("[data-field='productCode']");
                const style = getComputedStyle(select);
                const context = document.createElement('canvas').getContext('2d');
                context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
                const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
                return [...select.options].filter((o) => context.measureText(o.text).width > room).map((o) => o.text);""");
    }

    void fillLot(int row, String product, String lot, LocalDate expiry, String quantity) {
        WebElement tr = portal.driver().findElements(By.cssSelector("#lots tbody tr")).get(row);
        new org.openqa.selenium.support.ui.Select(tr.findElement(By.cssSelector("[data-field='productCode']"))).selectByValue(product);
        tr.findElement(By.cssSelector("[data-field='lot']")).sendKeys(lot);
        // a date input is typed in the browser's locale: its value is set as a date picker sets it
        portal.js().executeScript("arguments[0].value = arguments[1];"
                        + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                        + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                tr.findElement(By.cssSelector("[data-field='expiry']")), expiry.toString());
        tr.findElement(By.cssSelector("[data-field='quantity']")).sendKeys(quantity);
    }

    @Test
    void an_order_double_clicked_and_retried_after_a_lost_answer_is_placed_once_then_cancelled() throws Exception {
        // given the order form, 2 packs of MPox vaccine typed: 40 doses, with syringes proposed (other tests' orders set aside)
        Set<Object> earlier = orderIds();
        portal.signInAsPharmacist(FLEYRIAT_EJ);
        portal.open("/commandes.html?pui=" + FLEYRIAT_ET);
        portal.waitFor(By.id("boites-MPOX-MVA-BN")).sendKeys("2");
        portal.waitForText(By.id("proposes"), "Seringue 1 mL avec aiguille : 1 boîte (100 unités)");
        portal.checkAccessibility();
        portal.screenshot("30-commande-saisie");

        // when the first answer is lost on the way back, then the pharmacist double-clicks "Commander"
        loseTheNextOrderAnswer();
        portal.driver().findElement(By.id("commander")).click();
        portal.waitForText(By.id("resume-du-formulaire"), "ne répond pas");
        new Actions(portal.driver()).doubleClick(portal.driver().findElement(By.id("commander"))).perform();

        // then one order exists, with the syringes the server added, and the page shows it
        portal.waitForText(By.id("resume-du-formulaire"), "envoyée à l’ARS");
        List<Map<?, ?>> orders = ordersSince(earlier);
        assertEquals(1, orders.size(), String.valueOf(orders));
        Map<?, ?> order = orders.get(0);
        assertEquals(List.of("MPOX-MVA-BN:40:false", "SYRINGE-1ML:100:true"), ((List<?>) order.get("lines")).stream()
                .map(l -> ((Map<?, ?>) l).get("productCode") + ":" + ((Map<?, ?>) l).get("quantity") + ":" + ((Map<?, ?>) l).get("proposed"))
                .toList());
        String orderId = (String) order.get("orderId");
        portal.waitFor(By.id("commande-" + orderId));
        portal.checkAccessibility();
        portal.screenshot("31-commande-envoyee");

        // when the pharmacist cancels it and confirms
        portal.driver().findElement(By.cssSelector("#commande-" + orderId + " [data-action='annuler']")).click();
        portal.waitFor(By.cssSelector("#commande-" + orderId + " [data-action='confirmer-annulation']"));
        portal.checkAccessibility();
        portal.screenshot("32-commande-annulation");
        portal.driver().findElement(By.cssSelector("#commande-" + orderId + " [data-action='confirmer-annulation']")).click();

        // then it is cancelled, in the page and in the API
        portal.waitForText(By.id("commande-" + orderId), "Annulée");
        assertEquals("CANCELLED", api("/v1/orders/" + orderId).object().get("status"));
        portal.checkAccessibility();
        portal.screenshot("33-commande-annulee");
    }

    @Test
    void an_order_whose_answer_was_lost_then_changed_shows_the_placed_order_and_takes_the_change_as_a_new_order() throws Exception {
        // given an order of 2 packs whose answer is lost on the way back (other tests' orders of this PUI set aside)
        Set<Object> earlier = orderIds();
        portal.signInAsPharmacist(FLEYRIAT_EJ);
        portal.open("/commandes.html?pui=" + FLEYRIAT_ET);
        portal.waitFor(By.id("boites-MPOX-MVA-BN")).sendKeys("2");
        loseTheNextOrderAnswer();
        portal.driver().findElement(By.id("commander")).click();
        portal.waitForText(By.id("resume-du-formulaire"), "ne répond pas");

        // when the pharmacist changes the quantity to 3 packs and sends again (the key of the placed order)
        WebElement packs = portal.driver().findElement(By.id("boites-MPOX-MVA-BN"));
        packs.clear();
        packs.sendKeys("3");
        portal.driver().findElement(By.id("commander")).click();

        // then the page says the first order stands and shows it, keeps the 3 packs, and a new send places a second order
        portal.waitForText(By.id("resume-du-formulaire"), "avait bien été enregistrée");
        List<Map<?, ?>> placed = ordersSince(earlier);
        assertEquals(1, placed.size(), String.valueOf(placed));
        portal.waitFor(By.id("commande-" + placed.get(0).get("orderId")));
        assertEquals("3", portal.driver().findElement(By.id("boites-MPOX-MVA-BN")).getAttribute("value"));
        portal.checkAccessibility();
        portal.screenshot("34-commande-reponse-perdue-modifiee");
        portal.driver().findElement(By.id("commander")).click();
        portal.waitForText(By.id("resume-du-formulaire"), "envoyée à l’ARS");
        List<Map<?, ?>> orders = ordersSince(earlier);
        assertEquals(2, orders.size(), String.valueOf(orders));
        assertEquals(List.of(40, 60), orders.stream().map(o -> ((Number) ((Map<?, ?>) ((List<?>) o.get("lines")).get(0)).get("quantity")).intValue()).sorted().toList());
    }

    /** The next order sent reaches the API, but its answer is lost on the way back to the page. */
    static void loseTheNextOrderAnswer() {
        portal.js().executeScript("""
                const real = window.fetch;
                let lost = false;
                window.fetch = async (url, init) => {
                  const answer = await real(url, init);
                  if (!lost && String(url).endsWith('/v1/orders') && init?.method === 'POST') {
                    lost = true;
                    throw new TypeError('answer lost');
                  }
                  return answer;
                };""");
    }

    static Set<Object> orderIds() throws IOException, InterruptedException {
        return ((List<?>) api("/v1/orders?finessEt=" + FLEYRIAT_ET).json()).stream().map(o -> ((Map<?, ?>) o).get("orderId")).collect(Collectors.toSet());
    }

    /** Fleyriat's orders but those of {@code earlier}. */
    static List<Map<?, ?>> ordersSince(Set<Object> earlier) throws IOException, InterruptedException {
        return ((List<?>) api("/v1/orders?finessEt=" + FLEYRIAT_ET).json()).stream().map(o -> (Map<?, ?>) o)
                .filter(o -> !earlier.contains(o.get("orderId"))).collect(Collectors.toList());
    }
}
