package fr.dispostock.local.portal;

import fr.dispostock.domain.IsoWeek;
import fr.dispostock.local.LocalHistory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The authorities' steering screens (completeness, stock picture and map, campaigns, reminders),
 * each with the roles that use it and those it refuses: an ARS of another region sees nothing of
 * this region, a pharmacist cannot open them, and the API refuses what the navigation hides.
 */
class SteeringScreensTest {
    @RegisterExtension
    static final PortalBrowser portal = new PortalBrowser();

    static final String HCL = HomeJourneyTest.HCL;
    static final String HERRIOT = HomeJourneyTest.EDOUARD_HERRIOT;
    static final String LYON_SUD = HomeJourneyTest.LYON_SUD;
    static final String CROIX_ROUSSE = HomeJourneyTest.CROIX_ROUSSE;
    static final List<String> SCREENS = List.of("completude", "stock", "campagnes", "relances");

    /** A week of its own, three weeks back (no other journey declares it). */
    static String week;
    static String item;

    @BeforeAll
    static void threeLyonPuisInAWeekOfTheirOwn() {
        // Édouard Herriot declares every item, Lyon Sud its first only and at zero stock, Croix-Rousse nothing
        String pharmacist = portal.token("{\"roles\":[\"PHARMACIST\"],\"finessEj\":[\"" + HCL + "\"]}");
        String now = (String) portal.call("GET", "/v1/state-stock/calendar", pharmacist, null, null).json().get("week");
        week = IsoWeek.parse(now).minusWeeks(3).toString();
        List<?> items = (List<?>) portal.call("GET", "/v1/puis/" + HERRIOT + "/declarations/" + week + "/expected",
                pharmacist, null, null).json().get("items");
        item = (String) ((Map<?, ?>) items.get(0)).get("itemId");
        declare(pharmacist, HERRIOT, items.stream().map(i -> (String) ((Map<?, ?>) i).get("itemId")).toList(), 40);
        declare(pharmacist, LYON_SUD, List.of(item), 0);
    }

    private static void declare(String token, String finessEt, List<String> itemIds, int stock) {
        String lines = itemIds.stream().map(i -> "{\"itemId\":\"" + i + "\",\"stock\":" + stock + ",\"averageDailyConsumption\":2}")
                .collect(Collectors.joining(","));
        PortalBrowser.Answer a = portal.call("PUT", "/v1/puis/" + finessEt + "/declarations/" + week, token,
                "{\"lines\":[" + lines + "]}", null);
        assertEquals(200, a.status(), a.body());
    }

    private static String token(String role, String region) {
        return portal.token("{\"roles\":[\"" + role + "\"]" + (region == null ? "" : ",\"region\":\"" + region + "\"") + "}");
    }

    private static String text(String css) {
        return portal.waitFor(By.cssSelector(css)).getAttribute("textContent");
    }

    /** The text of the first row of the table (waited for) that contains this text. */
    private static String rowOf(String tableId, String containing) {
        portal.waitFor(By.id(tableId));
        return portal.driver().findElements(By.cssSelector("#" + tableId + " tbody tr")).stream()
                .map(r -> r.getAttribute("textContent")).filter(t -> t.contains(containing)).findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + containing + " in #" + tableId));
    }

    private static void check(String screenshot) {
        portal.checkAccessibility();
        portal.screenshot(screenshot);
    }

    @Test
    void theNationFollowsCompletenessByRegionThenDepartementAndPuiAndReachesTheNonDeclarers() {
        // given the national operator signed in
        portal.signInAs("NATIONAL", null);
        assertTrue(portal.navigation().containsAll(List.of("Complétude", "Situation des stocks", "Campagnes", "Relances")),
                portal.navigation().toString());
        assertFalse(portal.navigation().contains("Déclaration hebdomadaire"), portal.navigation().toString());

        // when he opens the week's completeness, France first
        portal.open("/completude.html?semaine=" + week);

        // then each region with its counts, then Auvergne-Rhône-Alpes by département and by PUI
        assertTrue(rowOf("par-region", "Auvergne-Rhône-Alpes").length() > 0);
        assertTrue(rowOf("par-region", "Bretagne").length() > 0);
        check("completude-1-france");
        portal.driver().findElement(By.cssSelector("#par-region a[href*='region=84']")).click();
        assertTrue(rowOf("par-departement", "Rhône").contains("(69)"));
        portal.driver().findElement(By.cssSelector("#par-departement a[href*='departement=69']")).click();
        assertTrue(rowOf("par-pui", HERRIOT).contains("Faite"), rowOf("par-pui", HERRIOT));
        assertTrue(rowOf("par-pui", LYON_SUD).contains("Incomplète"), rowOf("par-pui", LYON_SUD));
        // and the tiles count the Rhône as its row does, not the region, under a heading naming it and the week in French
        List<String> rhone = portal.driver().findElements(By.cssSelector("#par-departement tbody tr")).stream()
                .filter(r -> r.getText().contains("(69)")).findFirst().orElseThrow()
                .findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
        List<String> tiles = portal.driver().findElements(By.cssSelector("#synthese .fr-tile__title")).stream().map(WebElement::getText).toList();
        assertTrue(tiles.get(0).startsWith(rhone.get(1) + " / " + rhone.get(0) + " ("), tiles + " " + rhone);
        assertEquals(rhone.subList(2, 5), tiles.subList(1, 4), tiles + " " + rhone);
        assertTrue(text("#resultat h2").startsWith("Rhône (69), Auvergne-Rhône-Alpes, semaine " + Integer.parseInt(week.substring(6)) + " ("),
                text("#resultat h2"));
        assertFalse(text("#non-declarants caption").contains("-W"), text("#non-declarants caption"));
        // and the PUIs of the Rhône that have not declared, listed once, with their contact details, for a campaign
        // to them (not to the whole region)
        assertFalse(text("#par-pui").contains(CROIX_ROUSSE), text("#par-pui"));
        String missing = rowOf("non-declarants", CROIX_ROUSSE);
        assertTrue(missing.contains("@"), missing);
        assertFalse(text("#non-declarants").contains(HERRIOT));
        assertTrue(text("#non-declarants-titre").startsWith("PUI n’ayant pas déclaré, Rhône ("), text("#non-declarants-titre"));
        WebElement write = portal.driver().findElement(By.id("ecrire"));
        assertEquals("Écrire aux " + text("#non-declarants-titre"), write.getText());
        String href = write.getAttribute("href");
        assertTrue(href.contains("audience=NON_DECLARERS") && href.contains("semaine=" + week) && href.contains("region=84")
                && href.contains("departement=69"), href);
        assertTrue(portal.driver().findElement(By.id("csv")).isEnabled());
        check("completude-2-auvergne-rhone-alpes");
    }

    @Test
    void anArsSeesItsOwnRegionOnlyAndAnotherArsNothingOfIt() {
        // given the ARS of Auvergne-Rhône-Alpes, who asks for Bretagne in the address
        portal.signInAs("ARS", "84");
        portal.open("/completude.html?semaine=" + week + "&region=53&departement=69");

        // then it sees its own region, without a choice of region
        assertTrue(rowOf("non-declarants", CROIX_ROUSSE).length() > 0);
        assertTrue(portal.driver().findElements(By.id("region")).isEmpty());
        assertFalse(portal.navigation().contains("Relances"), portal.navigation().toString());
        check("completude-3-ars-84");

        // when the ARS of Bretagne opens the same page
        portal.open("/index.html");
        portal.js().executeScript("sessionStorage.clear()");
        portal.signInAs("ARS", "53");
        portal.open("/completude.html?semaine=" + week + "&region=84");

        // then it sees Bretagne, nothing of Lyon; and the API refuses it Auvergne-Rhône-Alpes
        portal.waitFor(By.id("par-departement"));
        String page = text("#contenu");
        assertTrue(page.contains("Bretagne"), page);
        assertFalse(page.contains(CROIX_ROUSSE) || page.contains("Rhône"), page);
        check("completude-4-ars-53");
        String ars53 = token("ARS", "53");
        assertEquals(403, portal.call("GET", "/v1/declarations/completeness?week=" + week + "&region=84", ars53, null, null).status());
        assertEquals(403, portal.call("GET", "/v1/stock/overview?itemId=" + item + "&week=" + week + "&region=84", ars53, null, null).status());
    }

    @Test
    void aPharmacistSeesNoneOfTheseScreensAndTheApiRefusesHimTheirData() {
        // given a pharmacist of the Hospices civils de Lyon
        portal.signInAsPharmacist(HCL);

        // then his navigation has none of the authorities' screens, and each says it is not his
        assertFalse(portal.navigation().stream().anyMatch(List.of("Complétude", "Situation des stocks", "Campagnes", "Relances")::contains),
                portal.navigation().toString());
        for (String screen : SCREENS) {
            portal.open("/" + screen + ".html");
            assertTrue(text("#acces-refuse").contains("n’a pas accès à cette page"), screen);
        }
        check("autorites-pharmacien-refuse");
        // and the API refuses him as well
        String pharmacist = portal.token("{\"roles\":[\"PHARMACIST\"],\"finessEj\":[\"" + HCL + "\"]}");
        for (String path : List.of("/v1/declarations/completeness?week=" + week + "&region=84",
                "/v1/stock/overview?itemId=" + item + "&week=" + week + "&region=84", "/v1/campaigns",
                "/v1/reminder-runs?since=2026-01-01T00:00:00Z")) {
            assertEquals(403, portal.call("GET", path, pharmacist, null, null).status(), path);
        }
    }

    @Test
    void theNationalMapShowsEveryRegionAndOpensOneIntoItsDepartementsWithItsZeroStocks() {
        // given the national operator on the stock picture of the item
        portal.signInAs("NATIONAL", null);
        portal.open("/stock.html?semaine=" + week + "&medicament=" + item);

        // then the map has the 18 regions (overseas in insets), a legend, and the table beside it
        portal.waitFor(By.id("carte"));
        assertEquals(18, portal.driver().findElements(By.cssSelector("#carte path")).size());
        assertEquals(6, portal.driver().findElements(By.cssSelector("#legende li")).size());
        // (this week of its own: Herriot 40 units and Lyon Sud 0, 2 a day each: 10 days)
        assertTrue(rowOf("tableau-carte", "Auvergne-Rhône-Alpes").contains("10 j"), rowOf("tableau-carte", "Auvergne-Rhône-Alpes"));
        assertEquals(8, portal.driver().findElements(By.cssSelector("#tendance-tableau tbody tr")).size());
        // and a region where no PUI declared the item says so: a missing line is not a zero stock
        String bretagne = rowOf("tableau-carte", "Bretagne");
        assertTrue(bretagne.contains("non déclaré") && bretagne.contains("0 / "), bretagne);
        // and the weeks in the users' words (semaine 47 (16–22 novembre 2026)), the address's form only in the field
        String number = "semaine " + Integer.parseInt(week.substring(6)) + " (";
        assertTrue(text("#resultat h2").contains(number), text("#resultat h2"));
        assertTrue(text("label[for='semaine'] .fr-hint-text").contains(week + " pour la " + number), text("label[for='semaine']"));
        List<String> trendWeeks = portal.driver().findElements(By.cssSelector("#tendance-tableau tbody tr > :first-child")).stream()
                .map(c -> c.getAttribute("textContent")).toList();
        assertTrue(trendWeeks.stream().allMatch(w -> w.matches("semaine \\d+ \\(.+ 20\\d\\d\\)")), trendWeeks.toString());
        assertFalse(text("#tendance").contains("W"), text("#tendance"));
        // and a trend chart as wide as the page, labels of 12 px at least; legend classes that do not overlap
        assertTrue(portal.driver().findElement(By.id("tendance")).getRect().getWidth() > 600);
        List<?> labelSizes = (List<?>) portal.js().executeScript(
                "return [...document.querySelectorAll('#tendance text')].map((t) => parseFloat(getComputedStyle(t).fontSize));");
        assertTrue(labelSizes.stream().allMatch(px -> ((Number) px).doubleValue() >= 12), labelSizes.toString());
        assertTrue(text("#legende").contains("de 7 à moins de 14 jours") && text("#legende").contains("de 14 à moins de 28 jours"),
                text("#legende"));
        check("stock-1-france");

        // when he clicks Auvergne-Rhône-Alpes on the map
        portal.driver().findElement(By.cssSelector("#carte path[data-region='84']")).click();
        portal.waiting(Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("region=84"));
        portal.waitFor(By.id("stock-nul"));

        // then its 12 départements, and Lyon Sud among the PUIs at zero stock
        assertEquals(12, portal.driver().findElements(By.cssSelector("#carte path")).size());
        assertTrue(rowOf("stock-nul", LYON_SUD).length() > 0);
        assertTrue(rowOf("par-pui", HERRIOT).contains("20 j"), rowOf("par-pui", HERRIOT));
        check("stock-2-auvergne-rhone-alpes");

        // when the map is shaded by completeness instead
        portal.driver().findElement(By.cssSelector("label[for='carte-completude']")).click();
        portal.driver().findElement(By.cssSelector("#choix button[type='submit']")).click();

        // then the legend speaks of the share of PUIs that declared, and the Rhône's title says it
        portal.waitForText(By.id("legende"), "100 %");
        String rhone = portal.driver().findElements(By.cssSelector("#carte path title")).stream()
                .map(t -> t.getAttribute("textContent")).filter(t -> t.startsWith("Rhône")).findFirst().orElseThrow();
        assertTrue(rhone.contains("% des PUI"), rhone);
        check("stock-3-completude");

        // when he opens the region on the history's first week, which no insights run has assessed
        // (the platform computes its last five weeks in the background: this test's own week may be one)
        IsoWeek unassessed = LocalHistory.FIRST_WEEK;
        portal.open("/stock.html?semaine=" + unassessed + "&medicament=" + item + "&region=84");

        // then the risks say they are not computed for that week, not "(0)"
        String risks = portal.waitFor(By.id("risques-non-calcules")).getText();
        assertTrue(risks.contains("pas encore calculés pour la semaine " + unassessed.week()), risks);
        assertTrue(portal.driver().findElements(By.id("risques-rupture")).isEmpty());
    }

    @Test
    void anArsMapShowsItsDepartementsOnly() {
        // given the ARS of Bretagne on the stock picture
        portal.signInAs("ARS", "53");
        portal.open("/stock.html?semaine=" + week + "&medicament=" + item + "&region=84");

        // then the four départements of Bretagne, nothing of Lyon
        portal.waitFor(By.id("carte"));
        assertEquals(4, portal.driver().findElements(By.cssSelector("#carte path")).size());
        String page = text("#contenu");
        assertTrue(page.contains("Bretagne") && !page.contains(LYON_SUD), page);
        // and no PUI of Bretagne declared the item these 8 weeks: no stock and no consumption are shown, not zeros
        assertTrue(text("#totaux").contains("non déclaré"), text("#totaux"));
        List<String> trend = portal.driver().findElements(By.cssSelector("#tendance-tableau tbody tr")).stream()
                .map(r -> r.getAttribute("textContent")).toList();
        assertEquals(8, trend.size());
        assertTrue(trend.stream().allMatch(r -> r.contains("non déclaré")), trend.toString());
        // and no empty chart: a sentence says there is nothing to draw
        assertTrue(text("#tendance-lacunes").startsWith("Rien à tracer"), text("#tendance-lacunes"));
        assertTrue(portal.driver().findElements(By.id("tendance")).isEmpty());
        check("stock-4-ars-53");
    }

    @Test
    void anArsWritesToTheNonDeclarersOfItsRegionAndFollowsTheSending() {
        // given the ARS of Auvergne-Rhône-Alpes, come from the completeness page's link
        portal.signInAs("ARS", "84");
        portal.open("/campagnes.html?audience=NON_DECLARERS&semaine=" + week + "&region=84&departement=69");
        portal.waitFor(By.id("redaction"));
        assertEquals("69", portal.driver().findElement(By.id("departement")).getAttribute("value"));
        assertTrue(portal.driver().findElements(By.id("audience-ALL")).isEmpty(), "an ARS cannot write to everyone");
        assertTrue(portal.driver().findElement(By.id("audience-NON_DECLARERS")).isSelected());

        // when it sends without a subject, then the form names the field
        portal.driver().findElement(By.id("preparer")).click();
        assertTrue(text("#resume-du-formulaire").contains("Objet"), text("#resume-du-formulaire"));

        // when it writes the message, previews its HTML (a script in it is not shown) and prepares the sending
        String subject = "Déclaration de la semaine " + week + " manquante";
        portal.driver().findElement(By.id("objet")).sendKeys(subject);
        portal.driver().findElement(By.id("texte")).sendKeys("Bonjour, votre déclaration de la semaine manque.");
        portal.driver().findElement(By.id("html")).sendKeys("<p>Bonjour, <strong>votre déclaration</strong> manque.</p><script>alert(1)</script>");
        portal.driver().findElement(By.id("apercu-bouton")).click();
        assertEquals(1, portal.driver().findElements(By.cssSelector("#apercu strong")).size());
        assertTrue(portal.driver().findElements(By.cssSelector("#apercu script")).isEmpty());
        portal.driver().findElement(By.id("preparer")).click();

        // then it sees how many will receive it before anything is sent
        WebElement send = portal.waitFor(By.id("envoyer"));
        int recipients = Integer.parseInt(send.getText().replaceAll("[^0-9]", ""));
        assertTrue(recipients > 0, send.getText());
        assertTrue(text("#audience-preparee").contains("département 69"), text("#audience-preparee"));
        check("campagnes-1-prete");

        // when it sends, then the progress goes to the end, and the outbox holds one mail per recipient
        send.click();
        portal.waitUntilSent();
        assertEquals(String.valueOf(recipients), portal.driver().findElement(By.id("progression")).getAttribute("value"));
        assertTrue(text("#compteurs").contains("Envoyés\u00a0: " + recipients), text("#compteurs"));
        long mailed = portal.outbox(null).stream().filter(m -> subject.equals(m.get("subject")))
                .mapToLong(m -> ((List<?>) m.get("to")).size()).sum();
        assertEquals(recipients, mailed);
        portal.waitForText(By.id("campagnes"), subject);
        // and everything is said in French words, bounced mail as "non distribués" (never "revenus"), the week as
        // elsewhere, plurals whole; the list fits the page
        String said = text("#envoi") + text("#campagnes");
        assertTrue(said.contains("Non distribués (rebonds)") && said.contains("non distribués (rebonds)\u00a0: ")
                && said.contains(" — semaine " + Integer.parseInt(week.substring(6)) + " ("), said);
        assertFalse(said.contains("evenus") || said.contains("(s)") || said.contains("— " + week), said);
        assertEquals(List.of(), WideTables.on(portal), "tables scrolling sideways");
        check("campagnes-2-envoyee");

        // and the ARS of Bretagne sees nothing of it, on the page or through the API
        portal.open("/index.html");
        portal.js().executeScript("sessionStorage.clear()");
        portal.signInAs("ARS", "53");
        portal.open("/campagnes.html");
        portal.waitFor(By.id("campagnes"));
        assertFalse(text("#campagnes").contains(subject));
        assertFalse(portal.call("GET", "/v1/campaigns", token("ARS", "53"), null, null).body().contains(subject));
        assertEquals(403, portal.call("POST", "/v1/campaigns", token("ARS", "53"),
                "{\"subject\":\"x\",\"bodyText\":\"x\",\"audience\":{\"type\":\"REGION\",\"region\":\"84\"}}", null).status());
        check("campagnes-3-ars-53");
    }

    @Test
    void theNationSeesWhatEachReminderSentLastAndNoOneElseDoes() {
        // given the Monday reminder of the week run as its schedule would
        String monday = IsoWeek.parse(week).monday().toString();
        Map<String, Object> report = portal.call("POST", "/local/reminders/weekly-declaration?date=" + monday, null, null, null).json();
        int recipients = ((Number) report.get("recipients")).intValue();

        // when the national operator opens the reminders
        portal.signInAs("NATIONAL", null);
        portal.open("/relances.html");

        // then the weekly declaration's last run says how many it reached
        String last = rowOf("dernieres", "Déclaration hebdomadaire");
        assertTrue(last.contains("Terminée") && last.contains(String.valueOf(recipients)), last + " / " + report);
        assertTrue(portal.driver().findElements(By.cssSelector("#envois tbody tr")).size() >= 1);
        check("relances-1-national");

        // and an ARS neither sees the entry nor may open it; the API refuses it
        portal.open("/index.html");
        portal.js().executeScript("sessionStorage.clear()");
        portal.signInAs("ARS", "84");
        assertFalse(portal.navigation().contains("Relances"));
        portal.open("/relances.html");
        assertTrue(text("#acces-refuse").length() > 0);
        assertEquals(403, portal.call("GET", "/v1/reminder-runs?since=2026-01-01T00:00:00Z", token("ARS", "84"), null, null).status());
    }
}
