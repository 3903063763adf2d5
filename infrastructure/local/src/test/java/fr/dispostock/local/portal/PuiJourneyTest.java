package fr.dispostock.local.portal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A pharmacist keeps the contact details and delivery address of his PUI current. */
class PuiJourneyTest {
    @RegisterExtension
    static final PortalBrowser portal = new PortalBrowser();

    private static WebElement field(String id) {
        return portal.driver().findElement(By.id(id));
    }

    private static void type(String id, String text) {
        WebElement f = field(id);
        f.clear();
        f.sendKeys(text);
    }

    private static Map<String, Object> pui(String finessEt, String token) {
        return portal.call("GET", "/v1/puis/" + finessEt, token, null, null).json();
    }

    private static String pharmacistOf(String finessEj) {
        return portal.token("{\"roles\":[\"PHARMACIST\"],\"finessEj\":[\"" + finessEj + "\"]}");
    }

    @Test
    void aPharmacistUpdatesTheEmailAndDeliveryAddressOfHisPui() {
        // given a pharmacist of the CH Haut Bugey on the PUIs page
        portal.signInAsPharmacist("010780062");
        portal.open("/puis.html");
        portal.waitFor(By.id("email"));
        portal.checkAccessibility();
        portal.screenshot("10-pui");

        // when he changes the e-mail and the second address line and saves
        type("email", "pharmacie@ch-hautbugey.fr");
        type("adresse-ligne2", "Pharmacie, bâtiment B");
        field("enregistrer").click();

        // then the portal confirms, and the register holds the new values
        portal.waitForText(By.id("resume-du-formulaire"), "Coordonnées enregistrées");
        Map<String, Object> saved = pui("010000032", pharmacistOf("010780062"));
        assertEquals("pharmacie@ch-hautbugey.fr", saved.get("email"));
        assertEquals("Pharmacie, bâtiment B", ((Map<?, ?>) saved.get("deliveryAddress")).get("line2"));
        assertEquals(saved.get("email"), field("email").getAttribute("value"));
        portal.checkAccessibility();
        portal.screenshot("11-pui-enregistree");
    }

    @Test
    void theServersRefusalIsShownOnTheFieldAndNothingIsStored() {
        // given a pharmacist of the CH du Pays de Gex on the PUIs page
        portal.signInAsPharmacist("010780112");
        portal.open("/puis.html");
        portal.waitFor(By.id("code-postal"));
        Map<String, Object> before = pui("010000081", pharmacistOf("010780112"));

        // when he saves a postal code of 4 digits and no e-mail
        type("code-postal", "1170");
        field("email").clear();
        field("enregistrer").click();

        // then the summary at the top lists both, has the focus, and each field says what is wrong
        WebElement summary = portal.waitForText(By.id("resume-du-formulaire"), "Certaines informations sont à corriger");
        assertEquals(summary, portal.driver().switchTo().activeElement());
        assertTrue(summary.getText().contains("Code postal : Saisissez un code postal de 5 chiffres."), summary.getText());
        assertTrue(summary.getText().contains("Adresse e-mail de la PUI : Saisissez une adresse e-mail valide"), summary.getText());
        assertEquals("true", field("code-postal").getAttribute("aria-invalid"));
        assertEquals("Saisissez un code postal de 5 chiffres.", field("code-postal-erreur").getText());
        assertTrue(field("code-postal").getAttribute("aria-describedby").contains("code-postal-erreur"));
        // and nothing was stored
        assertEquals(before, pui("010000081", pharmacistOf("010780112")));
        portal.checkAccessibility();
        portal.screenshot("12-pui-erreurs");
    }

    @Test
    void aChangeMadeMeanwhileBySomeoneElseIsExplainedAndNotOverwritten() {
        // given a pharmacist of the CH de Trévoux on the PUIs page
        portal.signInAsPharmacist("010780096");
        portal.open("/puis.html");
        portal.waitFor(By.id("ville"));
        // and a colleague who changes the e-mail meanwhile
        String colleague = pharmacistOf("010780096");
        PortalBrowser.Answer read = portal.call("GET", "/v1/puis/010000065", colleague, null, null);
        String changed = read.body().replaceAll("\"email\":\"[^\"]*\"", "\"email\":\"pharmacie@ch-trevoux.fr\"");
        assertEquals(200, portal.call("PUT", "/v1/puis/010000065", colleague, changed, read.etag()).status());

        // when the pharmacist saves his own change of the phone number
        type("telephone", "04 74 00 00 00");
        field("enregistrer").click();

        // then the portal explains, shows what he typed, and the form holds the colleague's values
        WebElement summary = portal.waitForText(By.id("resume-du-formulaire"), "Quelqu’un a modifié cette PUI");
        assertTrue(summary.getText().contains("Téléphone (facultatif) : « 04 74 00 00 00 » (enregistré entre-temps : vide)"), summary.getText());
        assertTrue(!summary.getText().contains("Adresse e-mail"), "only his own change is listed: " + summary.getText());
        assertEquals("pharmacie@ch-trevoux.fr", field("email").getAttribute("value"));
        assertEquals("", field("telephone").getAttribute("value"));
        // and nothing of his was stored over the colleague's change
        Map<String, Object> now = pui("010000065", colleague);
        assertEquals("pharmacie@ch-trevoux.fr", now.get("email"));
        assertEquals(null, now.get("phone"));
        portal.checkAccessibility();
        portal.screenshot("13-pui-modifiee-entre-temps");

        // when he saves again, knowingly
        type("telephone", "04 74 00 00 00");
        field("enregistrer").click();

        // then his change is stored on top of the colleague's
        portal.waitForText(By.id("resume-du-formulaire"), "Coordonnées enregistrées");
        assertEquals("04 74 00 00 00", pui("010000065", colleague).get("phone"));
        assertEquals("pharmacie@ch-trevoux.fr", pui("010000065", colleague).get("email"));
    }
}
