package fr.dispostock.local.portal;

import fr.dispostock.domain.IsoWeek;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;

import static fr.dispostock.local.portal.HomeJourneyTest.CROIX_ROUSSE;
import static fr.dispostock.local.portal.HomeJourneyTest.EDOUARD_HERRIOT;
import static fr.dispostock.local.portal.HomeJourneyTest.HCL;
import static fr.dispostock.local.portal.HomeJourneyTest.LYON_SUD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Help between PUIs and the State stock's expiry risk on the stock picture (stock.html, "Dépannages et
 * péremptions"), with the FINESS coordinates of three Lyon hospitals: Édouard Herriot at 10 units,
 * using 10 a day; Croix-Rousse (5.6 km away) 200 and Lyon Sud (7.3 km) 500, each using 10 a day.
 */
class HelpScreenTest {
    @RegisterExtension
    static final PortalBrowser portal = new PortalBrowser();

    /** A week of its own, seven weeks back (no other journey declares it), and its Thursday's lots. */
    static String week;
    static String item;

    @BeforeAll
    static void threeLyonPuisDeclaredAndTheInsightsRun() {
        String pharmacist = portal.token("{\"roles\":[\"PHARMACIST\"],\"finessEj\":[\"" + HCL + "\"]}");
        String now = (String) portal.call("GET", "/v1/state-stock/calendar", pharmacist, null, null).json().get("week");
        IsoWeek w = IsoWeek.parse(now).minusWeeks(7);
        week = w.toString();
        List<?> items = (List<?>) portal.call("GET", "/v1/puis/" + EDOUARD_HERRIOT + "/declarations/" + week + "/expected",
                pharmacist, null, null).json().get("items");
        item = (String) ((Map<?, ?>) items.get(0)).get("itemId");
        declare(pharmacist, EDOUARD_HERRIOT, 10);
        declare(pharmacist, CROIX_ROUSSE, 200);
        declare(pharmacist, LYON_SUD, 500);
        // Herriot's 100 doses of a lot expiring ten days after the Thursday: it does not consume the product
        String thursday = w.monday().with(DayOfWeek.THURSDAY).toString();
        PortalBrowser.Answer lots = portal.call("PUT", "/v1/puis/" + EDOUARD_HERRIOT + "/state-stock/" + thursday, pharmacist,
                "{\"lines\":[{\"productCode\":\"MPOX-MVA-BN\",\"lot\":\"PER-1\",\"expiry\":\""
                        + w.monday().with(DayOfWeek.THURSDAY).plusDays(10) + "\",\"quantity\":100}]}", null);
        assertTrue(lots.status() == 200 || lots.status() == 201, lots.body());
        PortalBrowser.Answer run = portal.call("POST", "/local/insights/run?date=" + w.monday(), null, null, null);
        assertEquals(200, run.status(), run.body());
    }

    private static void declare(String token, String finessEt, int stock) {
        PortalBrowser.Answer a = portal.call("PUT", "/v1/puis/" + finessEt + "/declarations/" + week, token,
                "{\"lines\":[{\"itemId\":\"" + item + "\",\"stock\":" + stock + ",\"averageDailyConsumption\":10}]}", null);
        assertEquals(200, a.status(), a.body());
    }

    private static List<String> rows(String tableId) {
        portal.waitFor(By.id(tableId));
        return portal.driver().findElements(By.cssSelector("#" + tableId + " tbody tr")).stream()
                .map(r -> r.getAttribute("textContent")).toList();
    }

    @Test
    void theArsAsksWhoCouldHelpAPuiAtRiskAndSeesTheNearestThatStayCovered() {
        // given the ARS of Auvergne-Rhône-Alpes on the stock picture of the item, its region chosen
        portal.signInAs("ARS", "84");
        portal.open("/stock.html?semaine=" + week + "&medicament=" + item + "&region=84");

        // then Herriot alone is at risk within 14 days (1 day of stock)
        List<String> atRisk = rows("risques-rupture");
        assertEquals(1, atRisk.size(), atRisk.toString());
        assertTrue(atRisk.get(0).contains(EDOUARD_HERRIOT) && atRisk.get(0).contains("sous 7 jours"), atRisk.get(0));

        // when it asks who could help Herriot
        portal.driver().findElement(By.cssSelector("#risques-rupture button[data-pui='" + EDOUARD_HERRIOT + "']")).click();

        // then Herriot lacks 140 - 10 = 130; Croix-Rousse (5,6 km) can lend 200 - 140 = 60, Lyon Sud (7,3 km) the 130
        portal.waitForText(By.id("depannage"), "Il lui manque 130 unités");
        List<String> lenders = rows("preteurs");
        assertEquals(2, lenders.size(), lenders.toString());
        assertTrue(lenders.get(0).contains(CROIX_ROUSSE) && lenders.get(0).contains("5,6 km") && lenders.get(0).endsWith("60"),
                lenders.get(0));
        assertTrue(lenders.get(1).contains(LYON_SUD) && lenders.get(1).contains("7,3 km") && lenders.get(1).endsWith("130"),
                lenders.get(1));
        // and Herriot's 100 doses, not consumed, will all expire, no PUI of the region using the product
        String lot = rows("peremption-lots").stream().filter(r -> r.contains("PER-1")).findFirst().orElseThrow();
        assertTrue(lot.contains(EDOUARD_HERRIOT) && lot.endsWith("aucune"), lot);
        portal.checkAccessibility();
        portal.screenshot("entraide-1-ars-depannage");
    }

    @Test
    void theNationSeesTheUnitsToExpireByRegionWithoutChoosingOne() {
        // given the national operator on the stock picture of France
        portal.signInAs("NATIONAL", null);
        portal.open("/stock.html?semaine=" + week + "&medicament=" + item);

        // then the expiry risk by region, Auvergne-Rhône-Alpes with Herriot's 100 doses, and no list of PUIs at risk
        String region = rows("peremption-regions").stream().filter(r -> r.contains("Auvergne-Rhône-Alpes")).findFirst()
                .orElseThrow();
        assertTrue(region.endsWith("100"), region);
        assertTrue(portal.driver().findElements(By.id("risques-rupture")).isEmpty());
        portal.checkAccessibility();
        portal.screenshot("entraide-2-national-peremptions");
    }

    @Test
    void aPharmacistIsRefusedBothByTheApi() {
        // when Herriot's pharmacist asks the API directly, then both answers are 403
        String pharmacist = portal.token("{\"roles\":[\"PHARMACIST\"],\"finessEj\":[\"" + HCL + "\"]}");
        assertEquals(403, portal.call("GET", "/v1/puis/" + EDOUARD_HERRIOT + "/insights/lenders?itemId=" + item + "&week=" + week,
                pharmacist, null, null).status());
        assertEquals(403, portal.call("GET", "/v1/insights/expiry?week=" + week, pharmacist, null, null).status());
    }
}
