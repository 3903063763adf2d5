package fr.dispostock.local.portal;

import fr.dispostock.domain.IsoWeek;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import java.time.DayOfWeek;
import java.time.LocalDate;
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
 * using 10 a day; Croix-Rousse (5.6 km away) 200 and Lyon Sud (7.3 km) 500, each using 10 a day; and
 * State-stock lots whose use comes from the Thursdays declared.
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
        // Herriot's doses of a lot expiring ten days after the Thursday: 121 the Thursday before, 100 now, so 3 a day:
        //   30 used in time, 70 expire; Lyon Sud's 40 doses of its first declaration: use unknown, never "all expire"
        LocalDate thursday = w.monday().with(DayOfWeek.THURSDAY);
        String perOne = "{\"productCode\":\"MPOX-MVA-BN\",\"lot\":\"PER-1\",\"expiry\":\"" + thursday.plusDays(10) + "\",\"quantity\":";
        lots(pharmacist, EDOUARD_HERRIOT, thursday.minusWeeks(1), perOne + "121}");
        lots(pharmacist, EDOUARD_HERRIOT, thursday, perOne + "100}");
        lots(pharmacist, LYON_SUD, thursday, "{\"productCode\":\"MPOX-MVA-BN\",\"lot\":\"PER-2\",\"expiry\":\""
                + thursday.plusYears(1) + "\",\"quantity\":40}");
        PortalBrowser.Answer run = portal.call("POST", "/local/insights/run?date=" + w.monday(), null, null, null);
        assertEquals(200, run.status(), run.body());
    }

    private static void declare(String token, String finessEt, int stock) {
        PortalBrowser.Answer a = portal.call("PUT", "/v1/puis/" + finessEt + "/declarations/" + week, token,
                "{\"lines\":[{\"itemId\":\"" + item + "\",\"stock\":" + stock + ",\"averageDailyConsumption\":10}]}", null);
        assertEquals(200, a.status(), a.body());
    }

    private static void lots(String token, String finessEt, LocalDate thursday, String lines) {
        PortalBrowser.Answer a = portal.call("PUT", "/v1/puis/" + finessEt + "/state-stock/" + thursday, token,
                "{\"lines\":[" + lines + "]}", null);
        assertTrue(a.status() == 200 || a.status() == 201, a.body());
    }

    /** The cells of the table's row that contains {@code text}. */
    private static List<String> cells(String tableId, String text) {
        portal.waitFor(By.id(tableId));
        return portal.driver().findElements(By.cssSelector("#" + tableId + " tbody tr")).stream()
                .filter(r -> r.getAttribute("textContent").contains(text)).findFirst().orElseThrow()
                .findElements(By.cssSelector("th, td")).stream().map(c -> c.getAttribute("textContent").trim()).toList();
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
        // and Herriot's lot, used 3 a day: 30 in time, 70 expire, no PUI of the region with a known use to take them;
        //   Lyon Sud's lot of unknown use said so, counted neither used nor expiring
        List<String> perOne = cells("peremption-lots", "PER-1");
        assertTrue(perOne.get(0).contains(EDOUARD_HERRIOT), perOne.toString());
        assertEquals(List.of("100", "3", "30", "70", "aucune"), perOne.subList(4, 9));
        List<String> perTwo = cells("peremption-lots", "PER-2");
        assertEquals(List.of("40", "usage inconnu", "—", "—", "—"), perTwo.subList(4, 9));
        portal.waitForText(By.id("peremption-total"), "40 unités d’usage inconnu");
        portal.checkAccessibility();
        portal.screenshot("entraide-1-ars-depannage");
    }

    @Test
    void theNationSeesTheUnitsToExpireByRegionWithoutChoosingOne() {
        // given the national operator on the stock picture of France
        portal.signInAs("NATIONAL", null);
        portal.open("/stock.html?semaine=" + week + "&medicament=" + item);

        // then the expiry risk by region, Auvergne-Rhône-Alpes with Herriot's 100 + Lyon Sud's 40 doses, 70 to expire and
        //   40 of unknown use, and no list of PUIs at risk
        assertEquals(List.of("140", "70", "40"), cells("peremption-regions", "Auvergne-Rhône-Alpes").subList(1, 4));
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
