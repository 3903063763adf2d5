package fr.dispostock.local.portal;

import fr.dispostock.domain.Dates;
import fr.dispostock.domain.IsoWeek;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The authorities' indicators and territorial disparities, in a real browser. This week, two PUIs of Allier
 * (Auvergne-Rhône-Alpes) declare 20 units of an item at 10 a day (2 days of cover) and four of Côtes-d'Armor
 * (Bretagne) 1,000 (100 days): the nation's median is far above Allier's, which falls behind on that item.
 * The week is computed as its Monday's run would, at an instant of its own. No other journey uses these PUIs.
 */
class IndicatorsScreenTest {
    @RegisterExtension
    static final PortalBrowser portal = new PortalBrowser();
    static final Map<String, String> ALLIER = Map.of("030000061", "030780092", "030000079", "030780100");
    static final Map<String, String> COTES_D_ARMOR = Map.of("220000012", "220000020", "220000095", "220000046",
            "220000368", "220000103", "220000343", "220000079");
    static String item;

    @BeforeAll
    static void allierShortAndCotesDArmorWellStockedThisWeekComputed() {
        IsoWeek week = IsoWeek.of(LocalDate.now(Dates.PARIS));
        item = itemsOf("030000061", "030780092", week).stream().filter(itemsOf("220000012", "220000020", week)::contains)
                .findFirst().orElseThrow();
        ALLIER.forEach((et, ej) -> declare(et, ej, week, 20));
        COTES_D_ARMOR.forEach((et, ej) -> declare(et, ej, week, 1000));
        PortalBrowser.Answer run = portal.call("POST", "/local/insights/run?date=" + week.monday() + "&at=22:07", null, null, null);
        assertEquals(200, run.status(), run.body());
    }

    private static String pharmacist(String finessEj) {
        return portal.token("{\"roles\":[\"PHARMACIST\"],\"finessEj\":[\"" + finessEj + "\"],\"email\":\"pharmacien@dispostock.invalid\"}");
    }

    private static List<String> itemsOf(String finessEt, String finessEj, IsoWeek week) {
        List<?> items = (List<?>) portal.call("GET", "/v1/puis/" + finessEt + "/declarations/" + week + "/expected",
                pharmacist(finessEj), null, null).json().get("items");
        return items.stream().map(i -> (String) ((Map<?, ?>) i).get("itemId")).toList();
    }

    private static void declare(String finessEt, String finessEj, IsoWeek week, int stock) {
        PortalBrowser.Answer a = portal.call("PUT", "/v1/puis/" + finessEt + "/declarations/" + week, pharmacist(finessEj),
                "{\"lines\":[{\"itemId\":\"" + item + "\",\"stock\":" + stock + ",\"averageDailyConsumption\":10}]}", null);
        assertTrue(a.status() == 200 || a.status() == 201, a.body());
    }

    private static String text(String css) {
        return portal.waitFor(By.cssSelector(css)).getAttribute("textContent");
    }

    @Test
    void anArsReadsItsRegionsIndicatorsDownloadsThemAsCsvAndSeesAllierBehindTheNation() {
        // given the ARS of Auvergne-Rhône-Alpes, signed in
        portal.signInAs("ARS", "84");
        assertTrue(portal.navigation().contains("Indicateurs"), String.valueOf(portal.navigation()));

        // when it opens the indicators, on the last 52 weeks by default
        portal.open("/indicateurs.html");

        // then its region's figures are those of the API over the period, and no other area's
        String figures = text("#indicateurs tbody");
        String from = portal.driver().findElement(By.id("du")).getAttribute("value");
        String to = portal.driver().findElement(By.id("au")).getAttribute("value");
        assertEquals(IsoWeek.parse(to).minusWeeks(51), IsoWeek.parse(from), from + " → " + to);
        String ars = portal.token("{\"roles\":[\"ARS\"],\"region\":\"84\"}");
        Map<?, ?> region = (Map<?, ?>) ((List<?>) portal.call("GET", "/v1/insights/indicators?from=" + from + "&to=" + to,
                ars, null, null).json().get("regions")).get(0);
        assertTrue(((Number) region.get("declarations")).intValue() >= ALLIER.size(), String.valueOf(region));
        assertTrue(figures.contains("Auvergne-Rhône-Alpes (84)"), figures);
        assertTrue(figures.replaceAll("[\\s\u00a0\u202f]", "") // "1 590": thousands grouped with a no-break space
                .contains("(" + region.get("declarations") + "/" + region.get("expectedDeclarations") + ")"), figures);
        assertFalse(figures.contains("France entière") || figures.contains("Bretagne"), figures);

        // and T0, M6 and M12 are said in a sentence a regional agent reads
        String milestones = portal.driver().findElement(By.id("jalons")).getText();
        assertTrue(milestones.contains("T0 sur une période de référence avant la mise en service")
                && milestones.contains("M6 et M12 sur les périodes six et douze mois après"), milestones);

        // and Allier falls behind the nation on the item, named by its label and UCD codes, not by the register's id,
        // with its 2 days against the nation's median
        String behind = text("#en-retard tbody");
        Map<String, Object> medicine = portal.call("GET", "/v1/medicines/" + item, ars, null, null).json();
        String ucd = (String) ((List<?>) medicine.get("ucds")).get(0);
        assertTrue(behind.contains("Allier (03)") && behind.contains((String) medicine.get("label")) && behind.contains(ucd)
                && !behind.contains(item) && behind.contains("2\u00a0j"), behind);
        String places = text("#territoires tbody");
        assertTrue(places.contains("Allier (03)") && places.contains("En retard sur 1 médicament") && !places.contains("Côtes-d"), places);
        // and every table fits the page: long cells wrap rather than scroll sideways
        assertEquals(List.of(), WideTables.on(portal), "tables scrolling sideways");
        portal.checkAccessibility();
        portal.screenshot("indicateurs-1-ars-84");

        // when it downloads the figures as CSV
        portal.driver().findElement(By.id("indicateurs-csv")).click();

        // then the file is the API's CSV of the same period and region: its header, then the region's row
        List<String> csv = portal.awaitDownload(portal.downloads().resolve("indicateurs-" + from + "-" + to + "-84.csv"))
                .replace("\uFEFF", "").lines().toList();
        assertTrue(csv.get(0).startsWith("\"Région\";\"Nom\";\"Semaines\";\"Déclarations attendues\";\"Déclarations\";\"En retard\"")
                && csv.get(0).endsWith(";\"Unités de stock État périmées\""), csv.get(0));
        assertTrue(csv.get(1).startsWith("\"84\";\"Auvergne-Rhône-Alpes\";"), csv.get(1));
        assertEquals(2, csv.size(), String.valueOf(csv));
    }

    @Test
    void aPeriodBackwardsIsRefusedInFrenchAndTheDisparitiesStillShow() {
        // given the ARS of Auvergne-Rhône-Alpes, signed in
        portal.signInAs("ARS", "84");

        // when the address asks a period ending before it starts
        portal.open("/indicateurs.html?du=2026-W40&au=2026-W10");

        // then the period form, kept to correct it, says what to correct, in French, at its top and under the last week,
        //   as every form does; the indicators point at it; the disparities are still there
        String refused = portal.waitForText(By.cssSelector("#choix .fr-alert"), "à corriger").getText();
        assertTrue(refused.contains("Dernière semaine : ne peut pas précéder la première semaine (semaine 40 de 2026)"), refused);
        assertEquals("2026-W10", portal.driver().findElement(By.id("au")).getAttribute("value"));
        assertEquals("true", portal.driver().findElement(By.id("au")).getAttribute("aria-invalid"));
        assertEquals("ne peut pas précéder la première semaine (semaine 40 de 2026)",
                portal.driver().findElement(By.id("au-erreur")).getText());
        assertTrue(text("#resultat-indicateurs").contains("Corrigez la période ci-dessus"), text("#resultat-indicateurs"));
        assertTrue(text("#en-retard tbody").contains("Allier (03)"));
        portal.checkAccessibility();
        portal.screenshot("indicateurs-2-periode-refusee");
    }

    @Test
    void anAddressWhoseLastWeekIsNotAWeekFallsBackOnThisWeek() {
        // given the ARS of Auvergne-Rhône-Alpes, signed in
        portal.signInAs("ARS", "84");

        // when the address was edited by hand into a last week that is not one
        portal.open("/indicateurs.html?au=abc");

        // then the period ends this week and its indicators show (the date arithmetic threw "Invalid time value", in English, and the form was gone)
        String thisWeek = IsoWeek.of(LocalDate.now(Dates.PARIS)).toString();
        portal.waitForText(By.cssSelector("#resultat-indicateurs"), "Auvergne-Rhône-Alpes (84)");
        assertEquals(thisWeek, portal.driver().findElement(By.id("au")).getAttribute("value"));
    }

    @Test
    void aPharmacistIsNotOfferedThePageAndIsRefusedItsData() {
        // given a pharmacist of CH de Moulins, signed in
        portal.signInAsPharmacist("030780092");
        assertFalse(portal.navigation().contains("Indicateurs"), String.valueOf(portal.navigation()));

        // when he opens the page anyway
        portal.open("/indicateurs.html");

        // then it says, politely, whose page it is; and the API refuses him its data
        String refused = portal.waitFor(By.id("acces-refuse")).getText();
        assertTrue(refused.contains("Votre compte n’a pas accès à cette page.") && refused.contains("agences régionales de santé (ARS)"), refused);
        String token = pharmacist("030780092");
        assertEquals(403, portal.call("GET", "/v1/insights/disparities", token, null, null).status());
        assertEquals(403, portal.call("GET", "/v1/insights/indicators?from=2026-W01&to=2026-W10", token, null, null).status());
        portal.checkAccessibility();
        portal.screenshot("indicateurs-3-pharmacien-refuse");
    }
}
