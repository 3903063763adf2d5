package fr.dispostock.local.portal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The home page of the authorities and the supplier: not the pharmacist's "À faire" (they have no
 * PUI), but a tile per screen of their role saying what it is for, this week's declarations of their
 * territory for those who follow them, and the instructions in force.
 */
class AuthorityHomeTest {
    @RegisterExtension
    static final PortalBrowser portal = new PortalBrowser();

    /** The text without its spaces (numbers are grouped with narrow no-break spaces in French). */
    private static String squeezed(String text) {
        return text.replaceAll("[\\s\\u00a0\\u202f]", "");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "ARS|84|Établissements;Médicaments suivis;Consignes;Régulation des commandes;Complétude;Indicateurs;Situation des stocks;Campagnes|Auvergne-Rhône-Alpes (84)",
        "OMEDIT|53|Médicaments suivis;Complétude;Indicateurs;Situation des stocks|Bretagne (53)",
        "NATIONAL|-|Établissements;Médicaments suivis;Consignes;Complétude;Indicateurs;Situation des stocks;Campagnes;Relances;Effacement d’un compte|France entière",
        "SUPPLIER|-|Expéditions|-",
    })
    void eachAuthorityLandsOnAHomeOfItsOwnScreensAndItsWeek(String role, String region, String screens, String territory) {
        // given an account of that role (and region)
        String token = portal.token("{\"roles\":[\"" + role + "\"]" + (region == null ? "" : ",\"region\":\"" + region + "\"") + "}");
        String week = (String) portal.call("GET", "/v1/state-stock/calendar", token, null, null).json().get("week");

        // when it signs in
        portal.signInAs(role, region);

        // then its home shows a tile per screen of its role, the same as its navigation, each with what it is for
        portal.waitFor(By.id("espace-titre"));
        List<WebElement> tiles = portal.driver().findElements(By.cssSelector("#espace-titre ~ ul .fr-tile"));
        List<String> titles = tiles.stream().map(t -> t.findElement(By.cssSelector(".fr-tile__title")).getText().strip()).toList();
        assertEquals(Arrays.asList(screens.split(";")), titles);
        assertEquals(portal.navigation().stream().filter(n -> !n.equals("Accueil")).toList(), titles);
        tiles.forEach(t -> assertTrue(t.findElement(By.cssSelector(".fr-tile__desc")).getText().length() > 20, t.getText()));
        // and no pharmacist's table of what is due, but the instructions in force
        assertTrue(portal.driver().findElements(By.id("du-titre")).isEmpty());
        portal.waitFor(By.id("consignes-titre"));
        // and, for those who follow the declarations, this week's completeness of their territory as the API counts it
        List<WebElement> weekBox = portal.driver().findElements(By.id("semaine-en-cours"));
        if (territory == null) {
            assertTrue(weekBox.isEmpty(), () -> weekBox.get(0).getText());
        } else {
            Map<String, Object> c = portal.call("GET", "/v1/declarations/completeness?week=" + week + "&by="
                    + (region == null ? "region" : "departement&region=" + region), token, null, null).json();
            String said = weekBox.get(0).getText();
            assertTrue(said.contains(territory), said);
            // in French singular (0 or 1) or plural, never '(s)'
            String declared = ((Number) c.get("declared")).intValue() > 1 ? "ontdéclaré" : "adéclaré";
            String missing = ((Number) c.get("missingCount")).intValue() > 1 ? "n’ontpasencoredéclaré" : "n’apasencoredéclaré";
            assertTrue(squeezed(said).contains(c.get("declared") + "PUIsur" + c.get("expected") + declared), said + " / " + c);
            assertTrue(squeezed(said).contains(c.get("missingCount") + missing), said + " / " + c);
            assertFalse(said.contains("(s)"), said);
        }
        portal.checkAccessibility();
        portal.screenshot("accueil-" + role.toLowerCase());

        // when it follows its first tile, it lands on that screen
        String first = tiles.get(0).findElement(By.tagName("a")).getAttribute("href");
        tiles.get(0).findElement(By.tagName("a")).click();
        portal.waitFor(By.tagName("h1"));
        assertEquals(first, portal.driver().getCurrentUrl().replaceAll("\\?.*", ""));
        assertFalse(portal.driver().findElements(By.id("acces-refuse")).stream().anyMatch(WebElement::isDisplayed));
    }

    @Test
    void anArsWhoseTokenLacksItsRegionStillFindsItsScreensAndIsToldWhyTheWeekIsMissing() {
        // given an ARS signed in whose token carries no region (the API refuses it the week's completeness: 403)
        portal.signInAs("ARS", "84");
        String noRegion = portal.token("{\"roles\":[\"ARS\"],\"email\":\"ars-sans-region@dispostock.invalid\"}");
        portal.js().executeScript("const s = JSON.parse(sessionStorage.getItem('dispostock.session'));"
                + "s.accessToken = arguments[0]; sessionStorage.setItem('dispostock.session', JSON.stringify(s));", noRegion);

        // when it opens its home page
        portal.open("/index.html");

        // then its tiles and the instructions are there, and the week's box says, in French, why it has no
        // figures: its account has no region (not that the national operator alone may read them)
        portal.waitFor(By.id("espace-titre"));
        portal.waitFor(By.id("consignes-titre"));
        assertFalse(portal.driver().findElements(By.cssSelector("#espace-titre ~ ul .fr-tile")).isEmpty());
        String said = portal.waitFor(By.id("semaine-en-cours")).getText();
        assertTrue(said.contains("Déclarations de la semaine") && said.contains("indisponibles"), said);
        assertTrue(said.contains("Votre compte n’est rattaché à aucune région : demandez à l’opérateur national de l’y rattacher."), said);
        assertFalse(said.contains("opérateur national peut"), said);
        portal.checkAccessibility();
        portal.screenshot("accueil-ars-sans-region");
    }

    @Test
    void aTableTheKeyboardScrollsIsARegionNamedByItsCaption() {
        // given the national operator
        portal.signInAs("NATIONAL", null);

        // when it opens the completeness of the week (tables by region) and the tracked medicines
        for (String page : List.of("/completude.html", "/medicaments.html")) {
            portal.open(page);
            portal.waitFor(By.cssSelector(".fr-table__container"));

            // then every scrolling table the keyboard reaches is a region named as its caption says
            for (WebElement scrolled : portal.driver().findElements(By.cssSelector(".fr-table__container[tabindex='0']"))) {
                String caption = scrolled.findElement(By.tagName("caption")).getAttribute("textContent").strip();
                assertEquals("region", scrolled.getAttribute("role"), page + " " + caption);
                assertEquals(caption, scrolled.getAttribute("aria-label"), page);
            }
        }
    }
}
