package fr.dispostock.local.portal;

import fr.dispostock.domain.Dates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
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
 * The fair share of an order day in the ARS's review, in a real browser: two PUIs of Ain ask 600 doses of
 * COVID-19 vaccine each (10 packs of 60), the supplier has 720 (12 packs).
 * CH de Pont-de-Vaux held 960 four Thursdays ago and 120 now: 30 a day, 4 days left; CHI de Thoissey
 * declared no lots: it holds none that we know and its order is taken for 28 days (600 ÷ 28 a day).
 * By hand, one pack at a time to the lowest coverage before it (Pont-de-Vaux's packs add 2 days, Thoissey's
 * 2.8): Thoissey 0, 2.8, Pont-de-Vaux 4, Thoissey 5.6, Pont-de-Vaux 6, 8, Thoissey 8.4, Pont-de-Vaux 10,
 * Thoissey 11.2, Pont-de-Vaux 12, 14, Thoissey 14: 6 packs each, 360 doses: 16 and 16.8 days.
 * No other journey orders this vaccine or uses these PUIs.
 */
class AllocationScreenTest {
    @RegisterExtension
    static final PortalBrowser portal = new PortalBrowser();
    static final String VACCINE = "COVID19-MULTIDOSE";
    static final String PONT_DE_VAUX_EJ = "010780138";
    static final String PONT_DE_VAUX_ET = "010000107";
    static final String THOISSEY_EJ = "010009132";
    static final String THOISSEY_ET = "010000131";

    static String pharmacist(String finessEj) {
        return portal.token("{\"roles\":[\"PHARMACIST\"],\"finessEj\":[\"" + finessEj + "\"],\"email\":\"pharmacien@dispostock.invalid\"}");
    }

    static void lots(String finessEt, String finessEj, LocalDate thursday, int doses) {
        lots(finessEt, finessEj, thursday, doses, "");
    }

    /** With {@code more} lot lines (JSON, each preceded by a comma) after the lot of {@code doses}. */
    static void lots(String finessEt, String finessEj, LocalDate thursday, int doses, String more) {
        String lines = "[{\"productCode\":\"" + VACCINE + "\",\"lot\":\"C-" + finessEt + "\",\"expiry\":\"2030-06-30\",\"quantity\":" + doses + "}" + more + "]";
        PortalBrowser.Answer a = portal.call("PUT", "/v1/puis/" + finessEt + "/state-stock/" + thursday, pharmacist(finessEj),
                "{\"lines\":" + lines + "}", null);
        assertTrue(a.status() == 200 || a.status() == 201, a.body());
    }

    static String order(String finessEt, String finessEj) {
        PortalBrowser.Answer placed = portal.callWith("POST", "/v1/orders", pharmacist(finessEj),
                "{\"finessEt\":\"" + finessEt + "\",\"lines\":[{\"productCode\":\"" + VACCINE + "\",\"quantity\":600}]}",
                Map.of("Idempotency-Key", "repartition-" + UUID.randomUUID()));
        assertEquals(201, placed.status(), placed.body());
        return (String) placed.json().get("orderId");
    }

    static WebElement vaccineLine(String orderId) {
        return portal.waitFor(By.id("commande-" + orderId)).findElement(By.tagName("form"));
    }

    @Test
    void theArsFindsTheFairShareInItsReviewChangesItAndTheOtherPuiIsProposedWhatIsLeft() {
        // given the lots of the last Thursday and of four weeks before, the two orders and the supplier's 720 doses
        LocalDate thursday = LocalDate.now(Dates.PARIS).with(TemporalAdjusters.previousOrSame(DayOfWeek.THURSDAY));
        lots(PONT_DE_VAUX_ET, PONT_DE_VAUX_EJ, thursday.minusWeeks(4), 960);
        // (and 45 doses of an expired lot, which count for nothing)
        lots(PONT_DE_VAUX_ET, PONT_DE_VAUX_EJ, thursday, 120, ",{\"productCode\":\"" + VACCINE
                + "\",\"lot\":\"C-OLD\",\"expiry\":\"2026-01-31\",\"quantity\":45,\"expired\":true}");
        String pontDeVaux = order(PONT_DE_VAUX_ET, PONT_DE_VAUX_EJ);
        String thoissey = order(THOISSEY_ET, THOISSEY_EJ);
        String ars = portal.token("{\"roles\":[\"ARS\"],\"region\":\"84\",\"email\":\"ars-84@dispostock.invalid\"}");
        String orderDay = (String) portal.call("GET", "/v1/state-stock/calendar", ars, null, null).json().get("nextOrderDay");
        String supplier = portal.token("{\"roles\":[\"SUPPLIER\"],\"email\":\"fournisseur@dispostock.invalid\"}");
        PortalBrowser.Answer declared = portal.call("PUT", "/v1/state-stock/availability/" + orderDay, supplier,
                "{\"lines\":[{\"productCode\":\"" + VACCINE + "\",\"available\":720}]}", null);
        assertEquals(200, declared.status(), declared.body());

        // when the ARS of Auvergne-Rhône-Alpes opens its review
        portal.signInAs("ARS", "84");
        portal.open("/regulation.html");

        // then the shortage is said, and each vaccine line comes with its share, already in the form and editable
        String notice = portal.waitForText(By.cssSelector(".fr-notice"), "Stock disponible insuffisant").getText();
        assertTrue(notice.contains("720 doses disponibles pour 1 200 doses demandées en France")
                || notice.contains("720 doses disponibles pour 1\u202f200 doses demandées en France"), notice);
        WebElement form = vaccineLine(pontDeVaux);
        assertEquals("Proposition : 360 doses sur 600 doses (stock 120 doses, consommation 30 doses par jour, couverture 4 jours → 16 jours).",
                form.findElement(By.cssSelector(".proposition")).getText());
        assertEquals("reduire", new Select(form.findElement(By.cssSelector("select[data-line='0']"))).getFirstSelectedOption().getAttribute("value"));
        WebElement quantity = form.findElement(By.cssSelector("[data-pointer='/lines/0/approvedQuantity']"));
        assertEquals("360", quantity.getAttribute("value"));
        assertFalse(quantity.getAttribute("readonly") != null, "the proposal is editable");
        assertTrue(vaccineLine(thoissey).findElement(By.cssSelector(".proposition")).getText().startsWith("Proposition : 360 doses sur 600 doses (stock 0 dose, consommation inconnue"));
        // with the quantities in their units, the expired lot out of the total held, and the syringes proposed with
        // the vaccines following the 360 doses: 400 (4 boxes of 100), not the 600 ordered
        assertTrue(form.findElement(By.cssSelector("legend")).getText().endsWith(": 600 doses commandées"),
                form.findElement(By.cssSelector("legend")).getText());
        String held = portal.driver().findElement(By.cssSelector("#commande-" + pontDeVaux + " table tbody tr")).getText();
        assertTrue(held.contains("120 doses non périmées") && held.contains("(périmé)"), held);
        WebElement syringes = form.findElement(By.cssSelector("[data-pointer='/lines/1/approvedQuantity']"));
        assertEquals("400", syringes.getAttribute("value"));
        assertTrue(form.findElements(By.cssSelector(".proposition")).get(1).getText().startsWith("Proposition : 400 unités sur 600 unités, "),
                form.findElements(By.cssSelector(".proposition")).get(1).getText());
        portal.checkAccessibility();
        portal.screenshot("60-repartition-proposee");

        // when the ARS decides 300 for Pont-de-Vaux instead, with the reason proposed
        quantity.clear();
        quantity.sendKeys("300");
        // then its syringes follow: 300 (3 boxes), still editable
        assertEquals("300", syringes.getAttribute("value"));
        assertFalse(syringes.getAttribute("readonly") != null, "the syringes stay editable");
        portal.screenshot("60b-repartition-seringues-suivent");
        form.findElement(By.cssSelector("button[type='submit']")).click();
        portal.waitForText(By.id("commande-" + pontDeVaux), "Décision enregistrée");
        PortalBrowser.Answer stored = portal.call("GET", "/v1/orders/" + pontDeVaux, ars, null, null);
        Map<?, ?> line = (Map<?, ?>) ((List<?>) stored.json().get("lines")).get(0);
        assertEquals(300, line.get("approvedQuantity"));
        assertTrue(((String) line.get("reason")).startsWith("Stock national insuffisant\u00a0: répartition équitable"), (String) line.get("reason"));
        Map<?, ?> syringeLine = (Map<?, ?>) ((List<?>) stored.json().get("lines")).get(1);
        assertEquals(List.of(600, 300), List.of(syringeLine.get("quantity"), syringeLine.get("approvedQuantity")), stored.body());
        assertTrue(((String) syringeLine.get("reason")).startsWith("Dispositifs d’administration ramenés"), stored.body());

        // then, the page opened again, Thoissey is proposed what is left: 420, 7 packs
        portal.open("/regulation.html");
        assertTrue(vaccineLine(thoissey).findElement(By.cssSelector(".proposition")).getText().startsWith("Proposition : 420 doses sur 600 doses"));
        assertTrue(portal.driver().findElements(By.id("commande-" + pontDeVaux)).isEmpty(), "a reviewed order leaves the queue");
        portal.checkAccessibility();
        portal.screenshot("61-repartition-apres-decision");
    }

    @Test
    void whenTheProposalsCannotBeHadTheArsStillReviewsItsQueueAndIsToldSo() {
        // given Thoissey's order waiting for review, and the fair-share route answering 503 (an API throttled)
        String thoissey = order(THOISSEY_ET, THOISSEY_EJ);
        portal.signInAs("ARS", "84");
        ChromeDriver chrome = (ChromeDriver) portal.driver();
        Map<String, Object> unavailable = chrome.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                const real = window.fetch;
                window.fetch = (url, init) => String(url).includes('/v1/state-stock/allocation')
                  ? Promise.resolve(new Response('{"title":"Service Unavailable","status":503}',
                      { status: 503, headers: { 'Content-Type': 'application/problem+json' } }))
                  : real(url, init);"""));
        try {
            // when the ARS opens its review
            portal.open("/regulation.html");

            // then the order is there to review without a proposal, and a notice says why in French
            WebElement form = vaccineLine(thoissey);
            assertTrue(form.findElements(By.cssSelector(".proposition")).isEmpty(), form.getText());
            String notice = portal.waitFor(By.id("propositions-indisponibles")).getText();
            assertTrue(notice.contains("Propositions de répartition indisponibles"), notice);
            portal.checkAccessibility();
            portal.screenshot("62-repartition-indisponible");
        } finally {
            chrome.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", unavailable.get("identifier")));
            // the order leaves the queue: the other journey counts what its PUIs ask
            assertEquals(200, portal.call("POST", "/v1/orders/" + thoissey + "/cancel", pharmacist(THOISSEY_EJ), null, null).status());
        }
    }
}
