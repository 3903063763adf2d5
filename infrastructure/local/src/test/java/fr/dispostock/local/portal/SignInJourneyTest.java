package fr.dispostock.local.portal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A pharmacist signs in to the portal through the (local) identity platform and lands on the home page. */
class SignInJourneyTest {
    @RegisterExtension
    static final PortalBrowser portal = new PortalBrowser();

    @Test
    void aPharmacistSignsInWithCodeAndPkceAndSeesTheNationalInstructions() {
        // given a visitor who is not signed in
        portal.open("/index.html");
        portal.waitFor(By.id("se-connecter"));
        portal.checkAccessibility();
        portal.screenshot("00-accueil-non-connecte");

        // when he signs in as a pharmacist of the CH de Fleyriat
        portal.signInAsPharmacist("010780054");

        // then the home page shows the national instructions, and the token stays in this tab only
        portal.waitForText(By.id("consignes-titre"), "Consignes");
        assertTrue(portal.driver().findElement(By.id("contenu")).getText().contains("Déclaration hebdomadaire"));
        assertEquals("pharmacien@dispostock.invalid", portal.driver().findElement(By.id("utilisateur")).getText());
        assertNull(portal.js().executeScript("return localStorage.getItem('dispostock.session')"));
        portal.checkAccessibility();
        portal.screenshot("01-accueil");
    }
}
