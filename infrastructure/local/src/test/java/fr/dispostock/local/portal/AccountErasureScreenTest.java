package fr.dispostock.local.portal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The national operator's screen that erases an account's address (effacement.html): the four calls
 * made, the pseudonym shown, an unknown address and a bad one said in French; other roles refused.
 */
class AccountErasureScreenTest {
    @RegisterExtension
    static final PortalBrowser portal = new PortalBrowser();
    private static final String EMAIL = "Jeanne.Effacee@ch-bourg.fr";

    private static void ask(String email) {
        portal.open("/effacement.html");
        portal.waitFor(By.id("email")).clear();
        portal.driver().findElement(By.id("email")).sendKeys(email);
        portal.driver().findElement(By.cssSelector("#effacement button[type='submit']")).click();
    }

    /** Asks, and confirms with the keyboard when the screen asks for a confirmation (a well-formed address). */
    private static void erase(String email) {
        ask(email);
        if (email.contains("@")) {
            portal.waitFor(By.id("confirmer"));
            portal.driver().switchTo().activeElement().sendKeys(Keys.TAB);
            portal.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
        }
    }

    private static String summary() {
        return portal.waitFor(By.id("resume-du-formulaire")).getAttribute("textContent");
    }

    @Test
    void the_nation_erases_an_account_that_declared_and_sees_its_pseudonym() {
        // given a pharmacist of CH de Fleyriat recorded by its first call, who declared this week and corrected it
        String pharmacist = portal.token("{\"roles\":[\"PHARMACIST\"],\"finessEj\":[\"010780054\"],\"sub\":\"ph-jeanne\","
                + "\"email\":\"" + EMAIL + "\"}");
        String week = (String) portal.call("GET", "/v1/state-stock/calendar", pharmacist, null, null).json().get("week");
        String path = "/v1/puis/010000024/declarations/" + week;
        String item = (String) ((Map<?, ?>) ((List<?>) portal.call("GET", path + "/expected", pharmacist, null, null).json()
                .get("items")).get(0)).get("itemId");
        for (int stock : new int[]{5, 6}) { // a correction: the first figures become a revision of the history
            assertEquals(200, portal.call("PUT", path, pharmacist, "{\"lines\":[{\"itemId\":\"" + item
                    + "\",\"stock\":" + stock + ",\"averageDailyConsumption\":1}]}", null).status());
        }

        // when the national operator asks to erase its address on the screen
        portal.signInAs("NATIONAL", null);
        assertTrue(portal.navigation().contains("Effacement d’un compte"), portal.navigation().toString());
        String national = portal.token("{\"roles\":[\"NATIONAL\"]}");
        ask(EMAIL);

        // then nothing is erased yet: the screen asks, naming the address, the focus on the question; "Ne pas
        // effacer" (keyboard) puts the focus back on the address
        WebElement question = portal.waitFor(By.id("confirmation"));
        assertTrue(question.getText().contains("Effacer définitivement " + EMAIL + "\u202f?"), question.getText());
        assertEquals(question, portal.driver().switchTo().activeElement());
        assertEquals("ph-jeanne <" + EMAIL + ">", declaredBy(path, national));
        portal.checkAccessibility();
        portal.screenshot("effacement-0-confirmation");
        portal.driver().switchTo().activeElement().sendKeys(Keys.TAB, Keys.TAB);
        portal.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
        assertTrue(portal.driver().findElements(By.id("confirmation")).isEmpty());
        assertEquals("email", portal.driver().switchTo().activeElement().getAttribute("id"));
        assertEquals("ph-jeanne <" + EMAIL + ">", declaredBy(path, national));

        // when it asks again and confirms
        erase(EMAIL);

        // then the screen gives the pseudonym and what each part of Dispostock changed, and the week's
        // declaration names the pseudonym
        assertTrue(summary().contains("Adresse effacée"), summary());
        String pseudonym = portal.waitFor(By.id("pseudonyme")).getAttribute("textContent");
        assertTrue(pseudonym.startsWith("erased-"), pseudonym);
        assertEquals(4, portal.driver().findElements(By.cssSelector("#elements tbody tr")).size());
        portal.checkAccessibility();
        portal.screenshot("effacement-1-efface");
        assertEquals("ph-jeanne <" + pseudonym + ">", declaredBy(path, national));
        assertEquals("", portal.driver().findElement(By.id("email")).getAttribute("value"));
    }

    private static Object declaredBy(String declaration, String token) {
        return ((Map<?, ?>) ((List<?>) portal.call("GET", declaration + "/history", token, null, null).json()
                .get("revisions")).get(0)).get("declaredBy");
    }

    @Test
    void an_unknown_address_and_a_bad_one_are_said_in_french_and_other_roles_are_refused() {
        // given the national operator signed in
        portal.signInAs("NATIONAL", null);

        // when it erases an address no account has, then something that is no address
        erase("personne@nulle-part.fr");
        String unknown = summary();
        erase("pas-une-adresse");
        String bad = summary();
        portal.checkAccessibility();
        portal.screenshot("effacement-2-erreurs");

        // then the first is not found, the second named on its field, both in French
        assertTrue(unknown.contains("Aucun compte n’a cette adresse"), unknown);
        assertTrue(bad.contains("doit être une adresse e-mail"), bad);
        assertTrue(portal.waitFor(By.id("email-erreur")).getAttribute("textContent").contains("adresse e-mail"));

        // and an ARS neither sees the screen nor may open it; the API refuses it
        portal.open("/index.html");
        portal.js().executeScript("sessionStorage.clear()");
        portal.signInAs("ARS", "84");
        assertFalse(portal.navigation().contains("Effacement d’un compte"));
        portal.open("/effacement.html");
        assertTrue(portal.waitFor(By.id("acces-refuse")).getAttribute("textContent").length() > 0);
        assertEquals(403, portal.call("POST", "/v1/accounts/erasures", portal.token("{\"roles\":[\"ARS\"],\"region\":\"84\"}"),
                "{\"email\":\"" + EMAIL + "\"}", null).status());
    }
}
