package fr.dispostock.local.portal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The header's navigation on a 1,280 px wide screen: the national operator’s ten entries, grouped
 * under DSFR sub-menus, on one line, and the sub-menus opened and followed with the keyboard.
 */
class HeaderNavigationTest {
    @RegisterExtension
    static final PortalBrowser portal = new PortalBrowser();

    /**
     * Where each top-level item of the navigation lies: its label, its rectangle, and the top of each
     * line its label's text takes (a label wrapped inside its item is two lines, though the items
     * themselves stay on one row).
     */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> itemRects() {
        return (List<Map<String, Object>>) portal.js().executeScript(
                "return [...document.querySelectorAll('#navigation .fr-nav__list > .fr-nav__item')].map(i => {"
                        + " const r = i.getBoundingClientRect(); const text = document.createRange();"
                        + " text.selectNodeContents(i.firstElementChild);"
                        + " return {label: i.firstElementChild.textContent.trim(), top: r.top, right: r.right,"
                        + " lines: [...text.getClientRects()].map(l => l.top)}; })");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(nullValues = "-", value = {"NATIONAL,-", "ARS,84", "OMEDIT,53", "SUPPLIER,-"})
    void everyRolesNavigationLiesOnOneLineAt1280Pixels(String role, String region) {
        // given a user of that role on a 1,280 px wide window
        portal.signInAs(role, region);
        long width = (Long) portal.js().executeScript("return window.innerWidth");
        assertEquals(1280, width);

        // when it looks at its header
        List<Map<String, Object>> items = itemRects();

        // then every item of its navigation lies on the first one's row, inside the window, its label on
        // the first one's line
        double top = ((Number) items.get(0).get("top")).doubleValue();
        double line = ((Number) ((List<?>) items.get(0).get("lines")).get(0)).doubleValue();
        for (Map<String, Object> item : items) {
            assertEquals(top, ((Number) item.get("top")).doubleValue(), 1, () -> "not on one row: " + items);
            assertTrue(((Number) item.get("right")).doubleValue() <= width, () -> "past the window: " + items);
            for (Object l : (List<?>) item.get("lines")) {
                assertEquals(line, ((Number) l).doubleValue(), 1, () -> "a label on two lines: " + items);
            }
        }
        portal.checkAccessibility();
        portal.screenshot("navigation-" + role.toLowerCase());
    }

    @Test
    void theNationalOperatorOpensASubMenuWithTheKeyboardAndFollowsItsFirstEntry() {
        // given the national operator on its home page, its navigation grouped in sub-menus
        portal.signInAs("NATIONAL", null);
        List<String> top = itemRects().stream().map(i -> (String) i.get("label")).toList();
        assertEquals(List.of("Accueil", "Référentiels", "Pilotage", "Communication", "Effacement d’un compte"), top);
        WebElement steering = portal.driver().findElement(By.cssSelector("#navigation button[aria-controls='menu-pilotage']"));
        WebElement completeness = portal.driver().findElement(By.cssSelector("#menu-pilotage a[href='completude.html']"));
        assertEquals("false", steering.getAttribute("aria-expanded"));
        assertTrue(!completeness.isDisplayed());

        // when it reaches "Pilotage" with the keyboard and presses Enter
        portal.js().executeScript("arguments[0].focus()", steering);
        portal.driver().switchTo().activeElement().sendKeys(Keys.ENTER);

        // then the sub-menu opens under it, its screens listed, and Tab goes to the first one
        portal.waiting(Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOf(completeness));
        assertEquals("true", steering.getAttribute("aria-expanded"));
        assertEquals(List.of("Complétude", "Indicateurs", "Situation des stocks"),
                portal.driver().findElements(By.cssSelector("#menu-pilotage .fr-nav__link")).stream().map(WebElement::getText).toList());
        portal.checkAccessibility();
        portal.screenshot("navigation-sous-menu-ouvert");
        portal.driver().switchTo().activeElement().sendKeys(Keys.TAB);
        assertEquals(completeness, portal.driver().switchTo().activeElement());

        // when it presses Enter on it, the completeness opens, its group marked as the current one
        portal.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
        portal.waiting(Duration.ofSeconds(15)).until(ExpectedConditions.urlMatches("/completude\\.html$"));
        WebElement current = portal.waitFor(By.cssSelector("#navigation button[aria-controls='menu-pilotage']"));
        assertEquals("true", current.getAttribute("aria-current"));
        assertEquals("page", portal.driver().findElement(By.cssSelector("#menu-pilotage a[href='completude.html']"))
                .getAttribute("aria-current"));
    }
}
