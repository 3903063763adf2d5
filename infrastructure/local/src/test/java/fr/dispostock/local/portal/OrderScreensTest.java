package fr.dispostock.local.portal;

import fr.dispostock.domain.Dates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * State-stock orders on the authorities' side, in a real browser against the local platform: the
 * ARS reviews its region's queue line by line beside the PUI's last Thursday lots (and meets a
 * review made meanwhile), the supplier ships what was approved and never more. Orders and lots
 * are placed through the API as the pharmacist's screens would.
 */
class OrderScreensTest {
    @RegisterExtension
    static final PortalBrowser portal = new PortalBrowser();
    // CH de Meximieux (Ain): no other journey of the shared platform changes, declares or orders for it
    static final String MEXIMIEUX_EJ = "010780120";
    static final String MEXIMIEUX_ET = "010000099";
    static final String ANTIVIRAL = "TECOVIRIMAT-200"; // packs of 42 capsules

    static String pharmacist() {
        return portal.token("{\"roles\":[\"PHARMACIST\"],\"finessEj\":[\"" + MEXIMIEUX_EJ + "\"],\"email\":\"pharmacien@dispostock.invalid\"}");
    }

    static String ars(String region) {
        return portal.token("{\"roles\":[\"ARS\"],\"region\":\"" + region + "\",\"email\":\"ars-" + region + "@dispostock.invalid\"}");
    }

    static String supplier() {
        return portal.token("{\"roles\":[\"SUPPLIER\"],\"email\":\"fournisseur@dispostock.invalid\"}");
    }

    /** Meximieux's lots of the last Thursday (on or before today, Paris). */
    static void declareLastThursdayLots(String lot, int quantity) {
        LocalDate thursday = LocalDate.now(Dates.PARIS).with(TemporalAdjusters.previousOrSame(DayOfWeek.THURSDAY));
        PortalBrowser.Answer a = portal.call("PUT", "/v1/puis/" + MEXIMIEUX_ET + "/state-stock/" + thursday, pharmacist(),
                "{\"lines\":[{\"productCode\":\"" + ANTIVIRAL + "\",\"lot\":\"" + lot + "\",\"expiry\":\"2030-06-30\",\"quantity\":" + quantity + "}]}", null);
        assertEquals(200, a.status(), a.body());
    }

    /** An order of Meximieux for this many capsules: its id. */
    static String order(int capsules) {
        PortalBrowser.Answer placed = portal.callWith("POST", "/v1/orders", pharmacist(),
                "{\"finessEt\":\"" + MEXIMIEUX_ET + "\",\"lines\":[{\"productCode\":\"" + ANTIVIRAL + "\",\"quantity\":" + capsules + "}]}",
                Map.of("Idempotency-Key", "essai-" + UUID.randomUUID()));
        assertEquals(201, placed.status(), placed.body());
        return (String) placed.json().get("orderId");
    }

    static Map<String, Object> read(String orderId) {
        return portal.call("GET", "/v1/orders/" + orderId, ars("84"), null, null).json();
    }

    static WebElement card(String orderId) {
        return portal.waitFor(By.id("commande-" + orderId));
    }

    @Test
    void anArsReviewsItsQueueLineByLineBesideTheLastThursdayLotsAndMeetsAReviewMadeMeanwhile() {
        // given Meximieux's last Thursday lots and two of its orders waiting for the coming order day
        String lot = "LOT-" + UUID.randomUUID().toString().substring(0, 6);
        declareLastThursdayLots(lot, 84);
        String reduced = order(126);
        String reviewedMeanwhile = order(84);

        // when the ARS of its region opens the queue
        portal.signInAs("ARS", "84");
        portal.open("/regulation.html");
        // then each order shows, beside its line, what the PUI declared that Thursday
        String shown = card(reduced).getText();
        assertTrue(shown.contains("CH DE MEXIMIEUX") && shown.contains("84 gélules non périmées") && shown.contains("lot " + lot), shown);
        assertTrue(portal.driver().findElement(By.id("file-prochaine")).isDisplayed());
        portal.checkAccessibility();
        portal.screenshot("30-regulation-file");

        // when it reduces the line without a reason
        WebElement form = card(reduced).findElement(By.tagName("form"));
        WebElement decision = form.findElement(By.cssSelector("select[data-line='0']"));
        new Select(decision).selectByValue("reduire");
        WebElement quantity = form.findElement(By.cssSelector("[data-pointer='/lines/0/approvedQuantity']"));
        quantity.clear();
        quantity.sendKeys("42");
        form.findElement(By.cssSelector("button[type='submit']")).click();
        // then the API's refusal is shown on the reason, in French, and nothing is decided
        String refusal = portal.waitForText(By.cssSelector("#commande-" + reduced + " #resume-du-formulaire"), "Motif").getText();
        assertTrue(refusal.contains("est obligatoire quand vous approuvez moins que la quantité commandée"), refusal);
        assertEquals("SUBMITTED", read(reduced).get("status"));
        portal.checkAccessibility();
        portal.screenshot("31-regulation-motif-manquant");

        // when it gives the reason
        form.findElement(By.cssSelector("[data-pointer='/lines/0/reason']")).sendKeys("Stock déclaré suffisant pour un mois");
        form.findElement(By.cssSelector("button[type='submit']")).click();
        // then the order is partly approved, as the API holds it
        String decided = portal.waitForText(By.id("commande-" + reduced), "Décision enregistrée").getAttribute("textContent");
        assertTrue(decided.contains("Approuvée en partie"), decided);
        Map<String, Object> stored = read(reduced);
        assertEquals("PARTIALLY_APPROVED", stored.get("status"));
        assertEquals(42, ((Map<?, ?>) ((List<?>) stored.get("lines")).get(0)).get("approvedQuantity"));

        // when another agent of the ARS approves the second order meanwhile, then this one submits its decision
        PortalBrowser.Answer other = portal.call("POST", "/v1/orders/" + reviewedMeanwhile + "/review", ars("84"),
                "{\"lines\":[{\"productCode\":\"" + ANTIVIRAL + "\",\"approvedQuantity\":84}]}", null);
        assertEquals(200, other.status(), other.body());
        WebElement second = card(reviewedMeanwhile).findElement(By.tagName("form"));
        new Select(second.findElement(By.cssSelector("select[data-line='0']"))).selectByValue("refuser");
        second.findElement(By.cssSelector("[data-pointer='/lines/0/reason']")).sendKeys("Pas de besoin");
        second.findElement(By.cssSelector("button[type='submit']")).click();
        // then the conflict is explained and the order shown as it now stands: the other decision kept
        String conflict = portal.waitForText(By.id("commande-" + reviewedMeanwhile), "examinée entre-temps").getAttribute("textContent");
        assertTrue(conflict.contains("Approuvée"), conflict);
        assertEquals("APPROVED", read(reviewedMeanwhile).get("status"));
        portal.checkAccessibility();
        portal.screenshot("32-regulation-conflit");
    }

    @Test
    void anArsOfAnotherRegionSeesNoneOfTheseOrdersAndCannotReviewThem() {
        // given an order of Meximieux (Auvergne-Rhône-Alpes)
        String orderId = order(42);
        // when the ARS of Bretagne opens its queue
        portal.signInAs("ARS", "53");
        portal.open("/regulation.html");
        portal.waitFor(By.id("file-prochaine"));
        // then the order is not there, and the API refuses to read or review it
        assertTrue(portal.driver().findElements(By.id("commande-" + orderId)).isEmpty());
        assertFalse(portal.driver().findElement(By.id("contenu")).getText().contains("MEXIMIEUX"));
        portal.checkAccessibility();
        portal.screenshot("33-regulation-autre-region");
        assertEquals(403, portal.call("GET", "/v1/orders/" + orderId, ars("53"), null, null).status());
        assertEquals(403, portal.call("GET", "/v1/orders?region=84", ars("53"), null, null).status());
        assertEquals(403, portal.call("POST", "/v1/orders/" + orderId + "/review", ars("53"),
                "{\"lines\":[{\"productCode\":\"" + ANTIVIRAL + "\",\"approvedQuantity\":42}]}", null).status());
        // and a supplier has no regulation screen, nor the right to review
        assertEquals(403, portal.call("POST", "/v1/orders/" + orderId + "/review", supplier(),
                "{\"lines\":[{\"productCode\":\"" + ANTIVIRAL + "\",\"approvedQuantity\":42}]}", null).status());
    }

    @Test
    void theSupplierShipsAnApprovedOrderToThePuisAddressAndNeverMoreThanApproved() {
        // given an order of 126 capsules of which the ARS approved 84
        String orderId = order(126);
        PortalBrowser.Answer review = portal.call("POST", "/v1/orders/" + orderId + "/review", ars("84"),
                "{\"lines\":[{\"productCode\":\"" + ANTIVIRAL + "\",\"approvedQuantity\":84,\"reason\":\"Stock régional limité\"}]}", null);
        assertEquals(200, review.status(), review.body());

        // when the supplier opens its shipments
        portal.signInAs("SUPPLIER", null);
        List<String> nav = portal.driver().findElements(By.cssSelector("#navigation .fr-nav__link")).stream()
                .map(e -> e.getAttribute("textContent").strip()).toList();
        assertTrue(nav.contains("Expéditions") && !nav.contains("Régulation des commandes") && !nav.contains("Établissements"), nav.toString());
        portal.open("/expeditions.html");
        // then the order shows with the PUI's delivery address and the approved quantity
        String shown = card(orderId).getText();
        String toShipBefore = portal.driver().findElement(By.id("a-expedier")).getText();
        assertTrue(shown.contains("13 AV DU DOCTEUR BOYER") && shown.contains("01800 MEXIMIEUX"), shown);
        assertTrue(shown.contains("Approuvé par l’ARS"), shown);
        // each quantity in its product's unit: ordered and approved, and the lots to enter
        assertTrue(shown.contains("126 gélules") && shown.contains("84 gélules"), shown);
        assertEquals("gélules", card(orderId).findElement(By.cssSelector("tbody tr .unite")).getText());
        portal.checkAccessibility();
        portal.screenshot("34-expeditions-a-expedier");

        // when it enters two lots totalling more than approved
        WebElement form = card(orderId).findElement(By.tagName("form"));
        form.findElement(By.cssSelector("[data-field='lot']")).sendKeys("SPF-A1");
        portal.js().executeScript("arguments[0].value = '2029-03-31'", form.findElement(By.cssSelector("[data-field='expiry']")));
        form.findElement(By.cssSelector("[data-action='ajouter']")).click();
        List<WebElement> rows = form.findElements(By.cssSelector("tbody tr"));
        rows.get(1).findElement(By.cssSelector("[data-field='lot']")).sendKeys("SPF-A2");
        portal.js().executeScript("arguments[0].value = '2029-04-30'", rows.get(1).findElement(By.cssSelector("[data-field='expiry']")));
        rows.get(1).findElement(By.cssSelector("[data-field='quantity']")).sendKeys("42");
        // then the excess is said as typed, and sending is refused before anything leaves
        String said = portal.waitForText(By.id("commande-" + orderId), "gélules approuvées").getText();
        assertTrue(said.contains("que les 84 gélules approuvées"), said);
        form.findElement(By.cssSelector("button[type='submit']")).click();
        portal.waitForText(By.cssSelector("#commande-" + orderId + " #resume-du-formulaire"), "Jamais plus que la quantité approuvée");
        assertEquals("PARTIALLY_APPROVED", read(orderId).get("status"));
        portal.checkAccessibility();
        portal.screenshot("35-expeditions-trop");
        // and the API refuses the same excess
        PortalBrowser.Answer tooMuch = portal.call("POST", "/v1/orders/" + orderId + "/shipments", supplier(),
                "{\"shippedOn\":\"" + LocalDate.now(Dates.PARIS) + "\",\"lines\":[{\"productCode\":\"" + ANTIVIRAL
                        + "\",\"lot\":\"X\",\"expiry\":\"2029-03-31\",\"quantity\":126}]}", null);
        assertEquals(422, tooMuch.status(), tooMuch.body());

        // when it ships 42 of each lot
        WebElement first = form.findElements(By.cssSelector("tbody tr")).get(0).findElement(By.cssSelector("[data-field='quantity']"));
        first.clear();
        first.sendKeys("42");
        form.findElement(By.cssSelector("button[type='submit']")).click();
        // then the order is shipped with both lots, and the page says so as it now stands: the order has left the
        // orders to ship (one fewer) for those shipped
        portal.waitForText(By.id("expedition-faite"), "Expédition enregistrée");
        assertTrue(portal.driver().findElements(By.id("commande-" + orderId)).isEmpty(), "a shipped order leaves the orders to ship");
        int before = Integer.parseInt(toShipBefore.replaceAll("[^0-9]", ""));
        assertEquals("Commandes approuvées à expédier (" + (before - 1) + ")", portal.driver().findElement(By.id("a-expedier")).getText());
        assertTrue(portal.driver().findElement(By.cssSelector("section[aria-labelledby='expediees']")).getText().contains(orderId));
        Map<String, Object> stored = read(orderId);
        assertEquals("SHIPPED", stored.get("status"));
        assertEquals(2, ((List<?>) ((Map<?, ?>) ((List<?>) stored.get("shipments")).get(0)).get("lots")).size());
        portal.checkAccessibility();
        portal.screenshot("36-expeditions-expediee");
        // and neither a pharmacist nor an ARS may record a shipment
        assertEquals(403, portal.call("POST", "/v1/orders/" + orderId + "/shipments", pharmacist(), "{\"shippedOn\":\"2026-01-01\",\"lines\":[]}", null).status());
        assertEquals(403, portal.call("POST", "/v1/orders/" + orderId + "/shipments", ars("84"), "{\"shippedOn\":\"2026-01-01\",\"lines\":[]}", null).status());
    }
}
