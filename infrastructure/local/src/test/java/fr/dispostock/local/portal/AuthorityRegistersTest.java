package fr.dispostock.local.portal;

import fr.dispostock.domain.Dates;
import fr.dispostock.domain.Ucd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The authorities' registers in a real browser against the local platform: establishments and the
 * FINESS import, tracked medicines, the home page's instructions. Each journey with the roles that
 * use the screen, and the refusals: what the navigation hides, a page opened anyway, and the API
 * refusing the same thing when called directly.
 */
class AuthorityRegistersTest {
    @RegisterExtension
    static final PortalBrowser portal = new PortalBrowser();
    static final String FLEYRIAT_EJ = "010780054";
    static final String FLEYRIAT_ET = "010000024";

    static String text(String id) {
        return portal.driver().findElement(By.id(id)).getText();
    }

    static String token(String role, String region) {
        return portal.token("{\"roles\":[\"" + role + "\"]" + (region == null ? "" : ",\"region\":\"" + region + "\"")
                + ",\"email\":\"" + role.toLowerCase() + "@dispostock.invalid\"}");
    }

    /** Fleyriat's line of the seed's FINESS extract and the extract's header. */
    static List<String> finessLines(String... prefixes) throws IOException {
        try (InputStream in = AuthorityRegistersTest.class.getClassLoader().getResourceAsStream("seed/finess.csv")) {
            List<String> all = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            return java.util.stream.Stream.concat(java.util.stream.Stream.of(all.get(0)),
                    java.util.Arrays.stream(prefixes).map(p -> all.stream().filter(l -> l.startsWith(p)).findFirst().orElseThrow())).toList();
        }
    }

    @Test
    void anArsSearchesItsRegionsRegisterOpensAnEstablishmentAndImportsAFinessExtractWithAReportByLine() throws IOException {
        // given an ARS of Auvergne-Rhône-Alpes
        portal.signInAs("ARS", "84");
        // then its navigation shows the authorities' screens of an ARS, not the pharmacists' nor the supplier's
        List<String> nav = portal.navigation();
        assertTrue(nav.containsAll(List.of("Établissements", "Médicaments suivis", "Consignes", "Régulation des commandes")), nav.toString());
        assertFalse(nav.contains("Déclaration hebdomadaire") || nav.contains("Expéditions"), nav.toString());

        // when it searches its register by commune
        portal.open("/etablissements.html");
        portal.waitFor(By.id("recherche")).sendKeys("viriat");
        portal.driver().findElement(By.cssSelector("#formulaire-recherche button")).click();
        // then Fleyriat is found, and opened it shows its sites, its PUI and its audit trail
        portal.waitForText(By.id("nombre-resultats"), " sur ");
        assertFalse(text("nombre-resultats").contains("(s)"), text("nombre-resultats"));
        portal.waitFor(By.cssSelector("a[data-ej='" + FLEYRIAT_EJ + "']")).click();
        portal.waitForText(By.id("fiche"), "Historique des modifications");
        String fiche = text("fiche");
        assertTrue(fiche.contains("CH DE FLEYRIAT") && fiche.contains(FLEYRIAT_ET) && fiche.contains("Import FINESS"), fiche);
        // and its history in French: the region by name, coordinates labelled, with a decimal comma
        assertTrue(fiche.contains("Région : Auvergne-Rhône-Alpes (84)") && fiche.contains("Latitude : 46,222745")
                && fiche.contains("Longitude : 5,208596") && !fiche.contains("latitude :"), fiche);
        portal.checkAccessibility();
        portal.screenshot("20-etablissements-fiche");

        // when it imports an extract: Fleyriat's site with a new address, Fleyriat's line again
        // (twice: the second is refused), a Bretagne site and a line of a wrong département
        List<String> lines = finessLines(FLEYRIAT_ET, "290000025");
        String moved = lines.get(1).replace("900 RTE DE PARIS", "901 RTE DE PARIS");
        String wrong = lines.get(1).replace(";01;Ain;", ";03;Allier;");
        Path file = Files.createTempFile("extrait-finess", ".csv");
        Files.writeString(file, String.join("\n", lines.get(0), moved, moved, lines.get(2), wrong) + "\n");
        portal.driver().findElement(By.id("fichier-finess")).sendKeys(file.toAbsolutePath().toString());
        portal.driver().findElement(By.id("importer")).click();

        // then the report says what became of each line, in French (the page moves the focus to it once
        // it has read the register and the record again)
        portal.waitFor(By.id("rapport-titre"));
        portal.waiting(Duration.ofSeconds(15)).until(d -> "rapport-titre".equals(d.switchTo().activeElement().getAttribute("id")));
        assertEquals("1 site mis à jour", text("rapport-modifies"));
        assertEquals("3 lignes rejetées", text("rapport-rejetes"));
        String rejected = text("lignes-rejetees");
        assertTrue(rejected.contains("figure déjà à la ligne 2") && rejected.contains("une ARS n’importe que les lignes de sa région")
                && rejected.contains("est du département 01, pas du 03"), rejected);
        // and the register holds the new address
        Map<String, Object> stored = portal.call("GET", "/v1/establishments/" + FLEYRIAT_EJ, token("ARS", "84"), null, null).json();
        assertTrue(stored.get("sites").toString().contains("901 RTE DE PARIS"), stored.toString());
        // and so does the record still open on the page, its history with the import, the file no longer chosen
        // (the PUI's delivery address is the pharmacists', not the extract's: it stays)
        String after = text("fiche");
        String sites = portal.driver().findElement(By.cssSelector("#fiche table")).getAttribute("textContent");
        assertTrue(sites.contains("901 RTE DE PARIS") && !sites.contains("900 RTE DE PARIS"), sites);
        assertFalse(fiche.contains("900 RTE DE PARIS → 901 RTE DE PARIS"), fiche);
        assertTrue(after.contains("900 RTE DE PARIS → 901 RTE DE PARIS"), after);
        assertEquals("", portal.driver().findElement(By.id("fichier-finess")).getAttribute("value"));
        assertEquals("rapport-titre", portal.driver().switchTo().activeElement().getAttribute("id"));
        portal.checkAccessibility();
        portal.screenshot("21-etablissements-import");
    }

    @Test
    void anArsOfAnotherRegionSeesNothingOfThisRegionAndAPharmacistCannotOpenTheRegister() {
        // given an ARS of Bretagne
        portal.signInAs("ARS", "53");
        // when it opens an establishment of Auvergne-Rhône-Alpes by its address
        portal.open("/etablissements.html?ej=" + FLEYRIAT_EJ);
        // then the page refuses it, and its own register has no Fleyriat
        portal.waitForText(By.id("fiche"), "n’a pas accès");
        portal.waitFor(By.id("recherche")).sendKeys("FLEYRIAT");
        portal.driver().findElement(By.cssSelector("#formulaire-recherche button")).click();
        portal.waitForText(By.id("nombre-resultats"), "0 établissement sur");
        portal.checkAccessibility();
        portal.screenshot("22-etablissements-autre-region");
        // and the API refuses it the same
        String bretagne = token("ARS", "53");
        assertEquals(403, portal.call("GET", "/v1/establishments/" + FLEYRIAT_EJ, bretagne, null, null).status());
        assertEquals(403, portal.call("GET", "/v1/establishments?region=84", bretagne, null, null).status());
        assertEquals(403, portal.call("GET", "/v1/establishments/" + FLEYRIAT_EJ + "/audit", bretagne, null, null).status());

        // given a pharmacist: no authorities' screen in the navigation, and the page opened anyway refuses
        portal.open("/index.html");
        portal.js().executeScript("sessionStorage.clear()");
        portal.signInAsPharmacist(FLEYRIAT_EJ);
        List<String> nav = portal.navigation();
        assertFalse(nav.stream().anyMatch(List.of("Établissements", "Médicaments suivis", "Consignes", "Régulation des commandes", "Expéditions")::contains), nav.toString());
        for (String page : List.of("etablissements", "medicaments", "consignes", "regulation", "expeditions")) {
            portal.open("/" + page + ".html");
            assertTrue(portal.waitFor(By.id("acces-refuse")).getText().contains("n’a pas accès"), page);
            portal.checkAccessibility();
        }
        portal.screenshot("23-pharmacien-page-refusee");
        String pharmacist = portal.token("{\"roles\":[\"PHARMACIST\"],\"finessEj\":[\"" + FLEYRIAT_EJ + "\"]}");
        assertEquals(403, portal.call("GET", "/v1/establishments?region=84", pharmacist, null, null).status());
    }

    @Test
    void theNationalOperatorTracksAnItemWithUcdCodesCheckedAsTypedThenEndsItsTrackingWhichDeletesNothing() {
        // given the national operator on the medicines, tracking an item in Corse (whose PUIs no other
        // journey of the shared platform declares for)
        portal.signInAs("NATIONAL", null);
        portal.open("/medicaments.html");
        portal.waitFor(By.id("table-medicaments"));
        portal.driver().findElement(By.id("nouveau")).click();
        String itemId = "essai-" + Long.toString(System.nanoTime(), 36);
        String ucd7 = String.valueOf(9_000_000 + (int) (System.nanoTime() % 999_999));
        String other = Ucd.parse(String.valueOf(Integer.parseInt(ucd7) - 1)).ucd13();
        portal.waitFor(By.id("identifiant")).sendKeys(itemId);
        portal.driver().findElement(By.id("libelle")).sendKeys("Médicament d’essai " + itemId);
        portal.driver().findElement(By.cssSelector("label[for='niveau-regional']")).click();
        portal.driver().findElement(By.cssSelector("label[for='region-94']")).click();
        // when it types a UCD7 and a CIP13 (not a UCD13)
        WebElement ucds = portal.driver().findElement(By.id("ucds"));
        ucds.sendKeys(ucd7 + "\n3400912345678");
        // then each line is checked as typed: the UCD7 with the UCD13 it is stored as, the CIP13 refused
        String check = portal.waitForText(By.id("ucds-verification"), "n’est pas un UCD13").getText();
        assertTrue(check.contains("UCD7, enregistré comme UCD13 " + Ucd.parse(ucd7).ucd13()), check);
        portal.checkAccessibility();
        portal.screenshot("24-medicaments-saisie-ucd");
        // and sending is refused before anything leaves
        portal.driver().findElement(By.id("enregistrer")).click();
        portal.waitForText(By.id("resume-du-formulaire"), "ligne 2");
        assertEquals(404, portal.call("GET", "/v1/medicines/" + itemId, token("NATIONAL", null), null, null).status());

        // when it types a UCD13 instead and saves
        ucds.clear();
        ucds.sendKeys(ucd7 + "\n" + other);
        portal.driver().findElement(By.id("enregistrer")).click();
        // then the item is tracked, in Corse, with both codes
        portal.waitForText(By.id("resume-du-formulaire"), "enregistré");
        Map<String, Object> saved = portal.call("GET", "/v1/medicines/" + itemId, token("NATIONAL", null), null, null).json();
        assertEquals(List.of(Ucd.parse(ucd7).ucd13(), other), saved.get("ucds"));
        assertEquals(Map.of("level", "REGIONAL", "regions", List.of("94")), saved.get("priority"));

        // when it ends its tracking today
        portal.driver().findElement(By.id("fin-du-suivi")).click();
        portal.waitForText(By.id("resume-du-formulaire"), "Fin du suivi enregistrée");
        // then the item is still there, ended, and its history has both changes
        Map<String, Object> ended = portal.call("GET", "/v1/medicines/" + itemId, token("NATIONAL", null), null, null).json();
        assertEquals(LocalDate.now(Dates.PARIS).toString(), ended.get("trackingEnd"));
        String row = portal.driver().findElements(By.cssSelector("#table-medicaments tbody tr")).stream()
                .map(WebElement::getText).filter(t -> t.contains(itemId)).findFirst().orElseThrow();
        assertTrue(row.contains("dernier jour le"), row);
        // and its row names it with its codes, in a table that fits the page (1,280 px): no column out of view
        assertTrue(row.startsWith("Médicament d’essai " + itemId) && row.contains(Ucd.parse(ucd7).ucd13() + ", " + other), row);
        assertFitsThePage("#table-medicaments .fr-table__container");
        portal.driver().findElement(By.cssSelector("[data-history='" + itemId + "']")).click();
        String history = portal.waitForText(By.id("edition"), "Modification").getText();
        assertTrue(history.startsWith("Historique de Médicament d’essai " + itemId), history);
        LocalDate today = LocalDate.now(Dates.PARIS);
        String day = (today.getDayOfMonth() == 1 ? "1er" : String.valueOf(today.getDayOfMonth()))
                + today.format(DateTimeFormatter.ofPattern(" MMMM yyyy", Locale.FRENCH));
        assertTrue(history.contains("Création") && history.contains("Fin du suivi : — → " + day), history);
        // and each field in French: lists as comma lists, regions by name, an empty list not shown, no raw JSON
        assertTrue(history.contains("Régions : Corse (94)") && history.contains("Codes UCD : " + Ucd.parse(ucd7).ucd13()
                + ", " + other) && history.contains("Niveau : régional") && !history.contains("[")
                && !history.contains("cis :"), history);
        assertFitsThePage("#table-medicaments .fr-table__container");
        portal.checkAccessibility();
        portal.screenshot("25-medicaments-historique");
    }

    @Test
    void anArsReadsTheNationalItemsAndKeepsOnlyItsRegionsWhileAnOmeditOnlyReads() {
        // given a national item
        PortalBrowser.Answer items = portal.call("GET", "/v1/medicines/" + firstNationalItem(), token("ARS", "84"), null, null);
        // when an ARS opens the medicines
        portal.signInAs("ARS", "84");
        portal.open("/medicaments.html");
        portal.waitFor(By.id("table-medicaments"));
        // then it reads the national items without a way to change them, and may add a regional one
        assertTrue(portal.driver().findElements(By.cssSelector("[data-edit='" + items.json().get("itemId") + "']")).isEmpty());
        assertTrue(text("contenu").contains("Consultation"));
        portal.driver().findElement(By.id("nouveau")).click();
        assertTrue(portal.waitFor(By.id("edition")).getText().contains("Niveau : régional, Auvergne-Rhône-Alpes (84)"));
        portal.checkAccessibility();
        portal.screenshot("26-medicaments-ars");
        // and the API refuses it a national item
        String body = items.body().replace("\"label\":\"", "\"label\":\"changé ");
        assertEquals(403, portal.call("PUT", "/v1/medicines/" + items.json().get("itemId"), token("ARS", "84"), body, items.etag()).status());

        // when an OMEDIT opens them: read only
        portal.open("/index.html");
        portal.js().executeScript("sessionStorage.clear()");
        portal.signInAs("OMEDIT", "84");
        assertTrue(portal.navigation().contains("Médicaments suivis"));
        assertFalse(portal.navigation().contains("Établissements"));
        portal.open("/medicaments.html");
        portal.waitFor(By.id("table-medicaments"));
        assertTrue(portal.driver().findElements(By.id("nouveau")).isEmpty());
        assertTrue(portal.driver().findElements(By.cssSelector("[data-edit]")).isEmpty());
        portal.checkAccessibility();
        assertEquals(403, portal.call("PUT", "/v1/medicines/" + items.json().get("itemId"), token("OMEDIT", "84"), body, items.etag()).status());
    }

    @Test
    void aNewItemWhoseIdIsTakenShowsTheSavedOneAndSaysSo() {
        // given an item already saved under an id (as by an earlier send whose answer was lost), tracked in Corse
        String itemId = "essai-" + Long.toString(System.nanoTime(), 36);
        String ucd7 = String.valueOf(9_000_000 + (int) (System.nanoTime() % 999_999));
        String saved = "{\"label\":\"Déjà enregistré " + itemId + "\",\"ucds\":[\"" + ucd7 + "\"],"
                + "\"priority\":{\"level\":\"REGIONAL\",\"regions\":[\"94\"]},\"trackingStart\":\"2026-11-02\"}";
        assertEquals(201, portal.call("PUT", "/v1/medicines/" + itemId, token("NATIONAL", null), saved, null).status());

        // when the national operator types a new item under that id and saves it
        portal.signInAs("NATIONAL", null);
        portal.open("/medicaments.html");
        portal.waitFor(By.id("table-medicaments"));
        portal.driver().findElement(By.id("nouveau")).click();
        portal.waitFor(By.id("identifiant")).sendKeys(itemId);
        portal.driver().findElement(By.id("libelle")).sendKeys("Autre libellé");
        portal.driver().findElement(By.cssSelector("label[for='niveau-regional']")).click();
        portal.driver().findElement(By.cssSelector("label[for='region-94']")).click();
        portal.driver().findElement(By.id("ucds")).sendKeys(ucd7);
        portal.driver().findElement(By.id("enregistrer")).click();

        // then the page says the id is taken and shows the item as saved, which is unchanged
        portal.waitForText(By.id("resume-du-formulaire"), "Un médicament porte déjà cet identifiant");
        assertEquals("Déjà enregistré " + itemId, portal.driver().findElement(By.id("libelle")).getAttribute("value"));
        assertEquals("Déjà enregistré " + itemId, portal.call("GET", "/v1/medicines/" + itemId, token("NATIONAL", null), null, null).json().get("label"));
        portal.checkAccessibility();
    }

    @Test
    void theFirstDayOfAMonthIsWrittenFirstAsInFrench() {
        // given the portal's pages
        portal.open("/index.html");
        // when its formatters write days that are, and are not, the first of a month
        List<?> written = (List<?>) portal.js().executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "Promise.all([import('./js/format.js'), import('./js/consigne.js')]).then(([f, c]) => done(["
                + "f.formatDay('2026-11-01'), f.formatDay('2026-11-21'), f.formatWeek('2026-W23'), f.formatWeek('2026-W44'),"
                + "f.formatInstant('2026-12-01T08:12:00Z'), c.day('2026-12-01')]));");
        // then the first day is '1er' (the French ordinal), the others their number
        assertEquals(List.of("1er novembre 2026", "21 novembre 2026", "semaine 23 (1er–7 juin 2026)",
                "semaine 44 (26 octobre – 1er novembre 2026)", "1er décembre 2026 à 09:12", "mardi 1er décembre 2026"),
                written.stream().map(w -> ((String) w).replaceAll("[\\u00A0\\u202F\\u2009]", " ")).toList()); // Intl's own spaces
    }

    /** The element shows all it holds: nothing scrolled sideways out of view. */
    static void assertFitsThePage(String css) {
        List<?> widths = (List<?>) portal.js().executeScript(
                "const e = document.querySelector(arguments[0]); return [e.scrollWidth, e.clientWidth];", css);
        assertTrue(((Number) widths.get(0)).longValue() <= ((Number) widths.get(1)).longValue(), css + " scrolls: " + widths);
    }

    /** A list the API answers, read as JSON. */
    static List<Map<String, Object>> list(String path, String token) {
        try {
            return portal.platform().context().getBean(io.micronaut.json.JsonMapper.class)
                    .readValue(portal.call("GET", path, token, null, null).body(),
                            io.micronaut.core.type.Argument.listOf(io.micronaut.core.type.Argument.mapOf(String.class, Object.class)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String firstNationalItem() {
        return list("/v1/medicines", token("NATIONAL", null)).stream()
                .filter(m -> "NATIONAL".equals(((Map<?, ?>) m.get("priority")).get("level")))
                .map(m -> (String) m.get("itemId")).findFirst().orElseThrow();
    }

    @Test
    void anArsWritesAnInstructionPreviewsItAsItsPharmacistsWillSeeItAndPublishesItForItsRegionOnly() {
        // given an ARS of Auvergne-Rhône-Alpes writing an instruction
        portal.signInAs("ARS", "84");
        portal.open("/consignes.html");
        portal.waitFor(By.id("nouvelle")).click();
        String title = "Rupture d’amoxicilline injectable " + System.nanoTime();
        portal.waitFor(By.id("title")).sendKeys(title);
        portal.driver().findElement(By.id("body")).sendKeys("Déclarez vos stocks avant midi.");
        // when it previews it
        portal.driver().findElement(By.id("previsualiser")).click();
        // then it sees the home page's section of a pharmacist of its region, with this instruction
        String preview = portal.waitForText(By.id("apercu"), title).getText();
        assertTrue(preview.contains("Aperçu : l’accueil d’un pharmacien de la région Auvergne-Rhône-Alpes (84)")
                && preview.contains("Consigne régionale (Auvergne-Rhône-Alpes)"), preview);
        portal.checkAccessibility();
        portal.screenshot("27-consignes-apercu");
        // and nothing is published yet
        assertFalse(portal.call("GET", "/v1/instructions?region=84", token("ARS", "84"), null, null).body().contains(title));

        // when it publishes it
        portal.driver().findElement(By.id("publier")).click();
        portal.waitForText(By.id("consigne-publiee"), "Consigne publiée : « " + title + " »");
        assertTrue(portal.waitForText(By.id("liste"), title).isDisplayed());
        // and the form is gone: nothing invites publishing it a second time
        assertTrue(portal.driver().findElements(By.id("publier")).isEmpty(), "no Publier button left");
        assertTrue(portal.driver().findElements(By.id("title")).isEmpty(), "no form left");
        portal.checkAccessibility();
        portal.screenshot("28-consignes-publiee");
        // then a pharmacist of the region sees it on its home page
        portal.open("/index.html");
        portal.js().executeScript("sessionStorage.clear()");
        portal.signInAsPharmacist(FLEYRIAT_EJ);
        portal.waitForText(By.id("contenu"), title);
        // and an ARS of another region neither sees it nor may change it
        String id = list("/v1/instructions?region=84", token("ARS", "84")).stream()
                .filter(i -> title.equals(i.get("title"))).map(i -> (String) i.get("id")).findFirst().orElseThrow();
        assertFalse(portal.call("GET", "/v1/instructions?region=53", token("ARS", "53"), null, null).body().contains(title));
        PortalBrowser.Answer change = portal.call("PUT", "/v1/instructions/" + id, token("ARS", "53"),
                "{\"title\":\"x\",\"body\":\"x\",\"region\":\"84\",\"validFrom\":\"2026-01-01\"}", "\"1\"");
        assertEquals(403, change.status(), change.body());
        portal.open("/index.html");
        portal.js().executeScript("sessionStorage.clear()");
        portal.signInAs("ARS", "53");
        portal.open("/consignes.html");
        portal.waitFor(By.id("nouvelle"));
        assertFalse(portal.waitFor(By.id("liste")).getText().contains(title));
    }

    @Test
    void theNationalOperatorChoosesARegionsRegisterAndPublishesANationalInstructionSeenInEveryRegion() {
        // given the national operator on the establishments: no region until it chooses one
        portal.signInAs("NATIONAL", null);
        assertTrue(portal.navigation().containsAll(List.of("Établissements", "Médicaments suivis", "Consignes")), portal.navigation().toString());
        assertFalse(portal.navigation().contains("Régulation des commandes"), portal.navigation().toString());
        portal.open("/etablissements.html");
        new org.openqa.selenium.support.ui.Select(portal.waitFor(By.id("region"))).selectByValue("53");
        portal.driver().findElement(By.cssSelector("#choix-region button")).click();
        // when it searches Bretagne's register by name
        portal.waitFor(By.id("recherche")).sendKeys("quimper");
        portal.driver().findElement(By.cssSelector("#formulaire-recherche button")).click();
        // then it finds Quimper's hospital
        assertTrue(portal.waitForText(By.id("resultats"), "CHIC QUIMPER").isDisplayed());
        portal.checkAccessibility();
        portal.screenshot("29-etablissements-national");

        // when it writes a national instruction and previews it
        portal.open("/consignes.html");
        portal.waitFor(By.id("nouvelle")).click();
        String title = "Consigne nationale " + System.nanoTime();
        portal.waitFor(By.id("title")).sendKeys(title);
        portal.driver().findElement(By.id("body")).sendKeys("Pour tous.");
        portal.driver().findElement(By.id("previsualiser")).click();
        assertTrue(portal.waitForText(By.id("apercu"), title).getText().contains("Consigne nationale"));
        portal.driver().findElement(By.id("publier")).click();
        portal.waitForText(By.id("consigne-publiee"), "Consigne publiée");
        // then pharmacists of both regions have it
        assertTrue(portal.call("GET", "/v1/instructions?region=53", token("ARS", "53"), null, null).body().contains(title));
        assertTrue(portal.call("GET", "/v1/instructions?region=84", token("ARS", "84"), null, null).body().contains(title));
        portal.checkAccessibility();
    }
}
