package fr.dispostock.local.portal;

import fr.dispostock.embedded.LocalTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * When the session ends, the portal says so and brings the pharmacist back where he was; when the API
 * cannot be reached, it says so and keeps what was typed.
 */
class SessionJourneyTest {
    @RegisterExtension
    static final PortalBrowser portal = new PortalBrowser();

    @Test
    void aTokenTheApiRefusesShowsSessionExpiredAndSigningInAgainComesBackToThePage() {
        // given a signed-in pharmacist whose token the API no longer accepts (expired an hour ago)
        portal.signInAsPharmacist("010780054");
        LocalTokens tokens = portal.platform().context().getBean(LocalTokens.class);
        String expired = tokens.sign("pharmacien@dispostock.invalid", null, List.of("PHARMACIST"),
                List.of("010780054"), null, Instant.now().minus(Duration.ofHours(1)), tokens.issuer(), LocalTokens.AUDIENCE);
        portal.js().executeScript("const s = JSON.parse(sessionStorage.getItem('dispostock.session'));"
                + "s.accessToken = arguments[0]; sessionStorage.setItem('dispostock.session', JSON.stringify(s));", expired);

        // when he opens the PUIs page
        portal.open("/puis.html");

        // then a clear message, not a blank page, with a way to sign in again
        String message = portal.waitFor(By.cssSelector("#contenu-page .fr-alert")).getText();
        assertTrue(message.contains("Votre session a expiré. Reconnectez-vous pour continuer."), message);
        portal.checkAccessibility();
        portal.screenshot("20-session-expiree");

        // when he signs in again, the page he was on comes back
        portal.driver().findElement(By.cssSelector("[data-action='se-reconnecter']")).click();
        portal.waitFor(By.cssSelector("label[for='role-PHARMACIST']"));
        portal.driver().findElement(By.id("recherche")).sendKeys("010780054");
        portal.driver().findElement(By.cssSelector("button[value='rechercher']")).click();
        portal.waitFor(By.id("se-connecter")).click();
        portal.waiting(Duration.ofSeconds(15)).until(ExpectedConditions.urlMatches("/puis\\.html$"));
        portal.waitFor(By.id("email"));
    }

    @Test
    void aPortalOpenedAtLocalhostSignsInAndKeepsItsSession() {
        // given the portal opened at localhost, as a newcomer types its address
        String localhost = "http://localhost:" + portal.platform().port();

        // when the national operator signs in from there
        portal.signInAs(localhost, "NATIONAL", null);

        // then it is signed in on the home page, at the identity provider's origin, and stays so on another page
        assertTrue(portal.driver().getCurrentUrl().startsWith(portal.baseUrl() + "/"), portal.driver().getCurrentUrl());
        portal.waitFor(By.id("espace-titre"));
        portal.open("/completude.html");
        portal.waitFor(By.id("se-deconnecter"));
        assertTrue(portal.driver().findElements(By.id("connexion")).isEmpty());
        portal.checkAccessibility();
        portal.screenshot("connexion-depuis-localhost");
    }

    @Test
    void aSessionPastItsExpiryAsksToSignInAgainBeforeAnyCall() {
        // given a signed-in pharmacist whose session has run out in this tab
        portal.signInAsPharmacist("010780054");
        portal.js().executeScript("const s = JSON.parse(sessionStorage.getItem('dispostock.session'));"
                + "s.expiresAt = Date.now() - 1000; sessionStorage.setItem('dispostock.session', JSON.stringify(s));");

        // when he comes back to the home page
        portal.open("/index.html");

        // then the page says the session expired and offers to sign in again
        String text = portal.waitFor(By.cssSelector("#contenu .fr-alert")).getText();
        assertTrue(text.contains("Votre session a expiré."), text);
        assertTrue(portal.driver().findElement(By.id("connexion")).getText().contains("Se reconnecter"));
        portal.checkAccessibility();
    }

    private static void offline(boolean offline) {
        ChromeDriver chromium = (ChromeDriver) portal.driver();
        chromium.executeCdpCommand("Network.enable", Map.of());
        chromium.executeCdpCommand("Network.emulateNetworkConditions",
                Map.of("offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
    }

    @Test
    void whenTheApiCannotBeReachedTheFormSaysSoAndKeepsWhatWasTyped() {
        // given a pharmacist of the CH Haut Bugey who has typed a new city on the PUIs page
        portal.signInAsPharmacist("010780062");
        portal.open("/puis.html");
        WebElement city = portal.waitFor(By.id("ville"));
        city.clear();
        city.sendKeys("BELLEY CENTRE");

        // when the network goes away as he saves
        offline(true);
        try {
            portal.driver().findElement(By.id("enregistrer")).click();

            // then the top of the form says the service cannot be reached, and his input is still there
            String summary = portal.waitFor(By.id("resume-du-formulaire")).getText();
            assertTrue(summary.contains("Le service Dispostock ne répond pas."), summary);
            assertEquals("BELLEY CENTRE", city.getAttribute("value"));
            portal.checkAccessibility();
            portal.screenshot("21-api-injoignable");
        } finally {
            offline(false);
        }
    }
}
