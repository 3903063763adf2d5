package fr.dispostock.local.portal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A pharmacist signs in to the portal through the (local) identity platform and sees what is due. */
class HomeJourneyTest {
    @RegisterExtension
    static final PortalBrowser portal = new PortalBrowser();

    // Hospices civils de Lyon: five PUIs in the seed
    static final String HCL = "690781810";
    static final String EDOUARD_HERRIOT = "690783154";
    static final String LYON_SUD = "690784137";
    static final String CROIX_ROUSSE = "690784152";

    /** Declares this week for a PUI, every expected item or only the first. */
    private static void declare(String token, String week, String finessEt, boolean complete) {
        List<?> items = (List<?>) portal.call("GET", "/v1/puis/" + finessEt + "/declarations/" + week + "/expected", token, null, null)
                .json().get("items");
        String lines = items.stream().limit(complete ? items.size() : 1)
                .map(i -> "{\"itemId\":\"" + ((Map<?, ?>) i).get("itemId") + "\",\"stock\":12,\"averageDailyConsumption\":1.5}")
                .collect(Collectors.joining(","));
        PortalBrowser.Answer a = portal.call("PUT", "/v1/puis/" + finessEt + "/declarations/" + week, token,
                "{\"lines\":[" + lines + "]}", null);
        assertEquals(200, a.status(), a.body());
    }

    /** The row of a PUI in the table of what is due, as written (badges show it in capitals). */
    private static String row(String finessEt) {
        return portal.driver().findElements(By.cssSelector("#du-titre ~ .fr-table tbody tr")).stream()
                .map(r -> r.getAttribute("textContent")).filter(t -> t.contains(finessEt)).findFirst().orElseThrow();
    }

    @Test
    void aPharmacistSignsInWithCodeAndPkceAndSeesWhatIsDueForEachPuiAndTheInstructions() {
        // given this week declared in full by Édouard Herriot and in part by Lyon Sud, not by Croix-Rousse
        String token = portal.token("{\"roles\":[\"PHARMACIST\"],\"finessEj\":[\"" + HCL + "\"]}");
        String week = (String) portal.call("GET", "/v1/state-stock/calendar", token, null, null).json().get("week");
        declare(token, week, EDOUARD_HERRIOT, true);
        declare(token, week, LYON_SUD, false);
        // and a visitor who is not signed in
        portal.open("/index.html");
        portal.waitFor(By.id("se-connecter"));
        portal.checkAccessibility();
        portal.screenshot("00-accueil-non-connecte");

        // when he signs in as a pharmacist of the Hospices civils de Lyon
        portal.signInAsPharmacist(HCL);

        // then the home page shows each PUI's weekly declaration, done, incomplete or missing
        portal.waitFor(By.id("du-titre"));
        assertTrue(row(EDOUARD_HERRIOT).contains("Faite"), row(EDOUARD_HERRIOT));
        assertTrue(row(LYON_SUD).contains("Incomplète"), row(LYON_SUD));
        assertTrue(row(CROIX_ROUSSE).matches("(?s).*(Manquante, en retard|À faire aujourd’hui).*"), row(CROIX_ROUSSE));
        // and the next order day with its cut-off, and the national instructions
        String page = portal.driver().findElement(By.id("contenu")).getText();
        assertTrue(page.contains("Prochaine journée de commande du stock d’État"), page);
        assertTrue(page.contains("commandes reçues jusqu’à 12:00 (heure de Paris)"), page);
        assertTrue(page.contains("Déclaration hebdomadaire"), page);
        // and the token stays in this tab's session, never in localStorage
        assertEquals("pharmacien@dispostock.invalid", portal.driver().findElement(By.id("utilisateur")).getText());
        assertNull(portal.js().executeScript("return localStorage.getItem('dispostock.session')"));
        portal.checkAccessibility();
        portal.screenshot("01-accueil");
    }
}
