package fr.dispostock.local.portal;

import fr.dispostock.domain.IsoWeek;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A whole Monday as people live it: the national operator tracks a new item and mails everyone;
 * three PUIs of the Hospices civils de Lyon declare in the portal (one with a CSV file), one does
 * not (every other PUI of the platform has declared); the ARS of Auvergne-Rhône-Alpes sees the
 * completeness and the map change, and mails the non-declarer; the reminder run reaches only it.
 */
class MondayJourneyTest {
    @RegisterExtension
    static final PortalBrowser portal = new PortalBrowser();

    static final String HCL = HomeJourneyTest.HCL;
    static final List<String> IN_PORTAL = List.of(HomeJourneyTest.EDOUARD_HERRIOT, HomeJourneyTest.LYON_SUD);
    static final String BY_CSV = HomeJourneyTest.CROIX_ROUSSE;
    static final String SILENT = "690784186"; // Hôpital Louis Pradel
    static final String ITEM = "trimebutine-journee";

    /** A week of its own, five weeks back, whose Monday the reminder runs for. */
    final IsoWeek week = IsoWeek.parse((String) portal.call("GET", "/v1/state-stock/calendar",
            portal.token("{\"roles\":[\"NATIONAL\"]}"), null, null).json().get("week")).minusWeeks(5);

    private static List<String[]> seedPuis() {
        try (InputStream in = MondayJourneyTest.class.getClassLoader().getResourceAsStream("seed/puis-small.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).map(l -> l.split(";")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every item due that week at the PUI, declared through the API. */
    private void declareByApi(String token, String finessEt) {
        List<?> items = (List<?>) portal.call("GET", "/v1/puis/" + finessEt + "/declarations/" + week + "/expected", token, null, null)
                .json().get("items");
        String lines = items.stream().map(i -> "{\"itemId\":\"" + ((Map<?, ?>) i).get("itemId") + "\",\"stock\":30,\"averageDailyConsumption\":1}")
                .collect(Collectors.joining(","));
        PortalBrowser.Answer a = portal.call("PUT", "/v1/puis/" + finessEt + "/declarations/" + week, token, "{\"lines\":[" + lines + "]}", null);
        assertEquals(200, a.status(), a.body());
    }

    private static String rhoneTitle() {
        return portal.driver().findElements(By.cssSelector("#carte path title")).stream().map(t -> t.getAttribute("textContent"))
                .filter(t -> t.startsWith("Rhône")).findFirst().orElseThrow();
    }

    private static void signOut() {
        portal.open("/index.html");
        portal.js().executeScript("sessionStorage.clear()");
    }

    @SuppressWarnings("unchecked")
    private static Set<String> recipients(List<Map<String, Object>> mails, String subject) {
        return mails.stream().filter(m -> subject == null || subject.equals(m.get("subject")))
                .flatMap(m -> ((List<String>) m.get("to")).stream()).map(String::toLowerCase).collect(Collectors.toSet());
    }

    /** Prepares the campaign the form holds and sends it, then waits until it is sent; the number of recipients. */
    private static int prepareAndSend(String subject, String text) {
        portal.driver().findElement(By.id("objet")).sendKeys(subject);
        portal.driver().findElement(By.id("texte")).sendKeys(text);
        portal.driver().findElement(By.id("preparer")).click();
        int recipients = Integer.parseInt(portal.waitFor(By.id("envoyer")).getText().replaceAll("[^0-9]", ""));
        portal.driver().findElement(By.id("envoyer")).click();
        portal.waitUntilSent();
        return recipients;
    }

    @Test
    void aWholeMondayFromANewTrackedItemToTheReminderThatReachesOnlyTheSilentPui() throws Exception {
        // the national operator tracks a new item from that Monday on the medicines screen
        String national = portal.token("{\"roles\":[\"NATIONAL\"]}");
        portal.signInAs("NATIONAL", null);
        portal.open("/medicaments.html");
        portal.waitFor(By.id("table-medicaments"));
        portal.driver().findElement(By.id("nouveau")).click();
        portal.waitFor(By.id("identifiant")).sendKeys(ITEM);
        portal.driver().findElement(By.id("libelle")).sendKeys("Trimébutine 50 mg/5 ml");
        portal.driver().findElement(By.cssSelector("label[for='niveau-national']")).click();
        portal.driver().findElement(By.id("ucds")).sendKeys("9024114");
        // a date input takes its value from the script: typed keys follow the browser's locale
        portal.js().executeScript("arguments[0].value = arguments[1]", portal.driver().findElement(By.id("debut")), week.monday().toString());
        portal.driver().findElement(By.id("enregistrer")).click();
        portal.waitForText(By.id("resume-du-formulaire"), "enregistré");
        assertEquals(week.monday().toString(), portal.call("GET", "/v1/medicines/" + ITEM, national, null, null).json().get("trackingStart"));
        // and mails everyone from the campaigns screen
        portal.open("/campagnes.html");
        portal.waitFor(By.cssSelector("label[for='audience-ALL']")).click();
        Instant beforeAll = Instant.now();
        int everyone = prepareAndSend("Suivi de la trimébutine", "La trimébutine entre en suivi national ce lundi.");
        assertTrue(everyone >= 367, "every PUI of the platform at least: " + everyone);
        assertEquals(everyone, recipients(portal.outbox(beforeAll), "Suivi de la trimébutine").size());
        portal.checkAccessibility();
        portal.screenshot("lundi-1-campagne-nationale");

        // every other PUI of the platform declares that week (through the API), but not the four of the HCL under watch
        List<String[]> puis = seedPuis();
        String all = portal.token("{\"roles\":[\"PHARMACIST\"],\"finessEj\":[" + puis.stream().map(p -> "\"" + p[1] + "\"").distinct()
                .collect(Collectors.joining(",")) + "]}");
        Set<String> watched = Set.of(IN_PORTAL.get(0), IN_PORTAL.get(1), BY_CSV, SILENT);
        puis.stream().map(p -> p[0]).filter(et -> !watched.contains(et)).forEach(et -> declareByApi(all, et));

        // the ARS of Auvergne-Rhône-Alpes looks at the week: four PUIs of the Rhône missing
        signOut();
        portal.signInAs("ARS", "84");
        portal.open("/stock.html?semaine=" + week + "&medicament=" + ITEM + "&carte=completude");
        portal.waitFor(By.id("carte"));
        String rhoneBefore = rhoneTitle();
        portal.open("/completude.html?semaine=" + week + "&departement=69");
        assertEquals("4", portal.waitFor(By.cssSelector("#synthese li:nth-child(4) .fr-tile__title")).getText());

        // three PUIs of the HCL declare in the portal: two in the grid, one with a CSV file; Louis Pradel does not
        signOut();
        portal.signInAsPharmacist(HCL);
        for (String et : IN_PORTAL) {
            portal.open("/declaration.html?pui=" + et + "&semaine=" + week);
            portal.waitFor(By.id("envoyer"));
            portal.js().executeScript("""
                    document.querySelectorAll('#table-declaration tbody tr').forEach((row, i) => {
                      for (const [id, value] of [[`stock-${i}`, '25'], [`cmj-${i}`, '1,5']]) {
                        const input = document.getElementById(id);
                        input.value = value;
                        input.dispatchEvent(new Event('input', {bubbles: true}));
                        input.dispatchEvent(new Event('change', {bubbles: true}));
                      }
                    });""");
            portal.driver().findElement(By.id("envoyer")).click();
            portal.waitForText(By.id("resume-du-formulaire"), "Déclaration enregistrée");
        }
        portal.open("/declaration.html?pui=" + BY_CSV + "&semaine=" + week);
        portal.waitFor(By.id("envoyer"));
        // the grid names the new item as pharmacists do, by its name and UCD code (its id is the CSV template's business)
        String grid = portal.driver().findElement(By.cssSelector("#table-declaration tbody")).getText();
        assertTrue(grid.contains("Trimébutine 50 mg/5 ml\nUCD13 : 3400890241144") && !grid.contains(ITEM), grid);
        List<String> items = ((List<?>) portal.call("GET", "/v1/puis/" + BY_CSV + "/declarations/" + week + "/expected",
                portal.token("{\"roles\":[\"PHARMACIST\"],\"finessEj\":[\"" + HCL + "\"]}"), null, null).json().get("items"))
                .stream().map(i -> (String) ((Map<?, ?>) i).get("itemId")).toList();
        assertTrue(items.contains(ITEM), items.toString());
        Path file = Files.createTempFile("croix-rousse", ".csv");
        Files.writeString(file, "itemId;stock;averageDailyConsumption\n" + items.stream().map(i -> i + ";12;0,5").collect(Collectors.joining("\n")) + "\n");
        portal.driver().findElement(By.id("fichier")).sendKeys(file.toString());
        portal.driver().findElement(By.id("envoyer-csv")).click();
        portal.waitForText(By.id("resume-du-formulaire"), "Fichier enregistré");
        portal.screenshot("lundi-2-declaration-csv");

        // the ARS sees the completeness and the map change, and mails the one that has not declared
        signOut();
        portal.signInAs("ARS", "84");
        portal.open("/stock.html?semaine=" + week + "&medicament=" + ITEM + "&carte=completude");
        portal.waitFor(By.id("carte"));
        String rhoneAfter = rhoneTitle();
        assertFalse(rhoneAfter.equals(rhoneBefore), rhoneBefore + " → " + rhoneAfter);
        portal.checkAccessibility();
        portal.screenshot("lundi-3-carte-ars");
        portal.open("/completude.html?semaine=" + week + "&departement=69");
        assertEquals("1", portal.waitFor(By.cssSelector("#synthese li:nth-child(4) .fr-tile__title")).getText());
        assertTrue(portal.driver().findElement(By.id("non-declarants")).getText().contains(SILENT));
        portal.checkAccessibility();
        portal.screenshot("lundi-4-completude-ars");
        portal.driver().findElement(By.id("ecrire")).click();
        portal.waitFor(By.id("redaction"));
        String silentEmail = ((String) portal.call("GET", "/v1/puis/" + SILENT, national, null, null).json().get("email")).toLowerCase();
        Instant beforeArs = Instant.now();
        prepareAndSend("Votre déclaration de la semaine " + week, "Bonjour, nous n’avons pas reçu votre déclaration.");
        Set<String> mailedByArs = recipients(portal.outbox(beforeArs), "Votre déclaration de la semaine " + week);
        assertTrue(mailedByArs.contains(silentEmail), mailedByArs.toString());
        Set<String> puiEmails = puis.stream().map(p -> "pui-" + p[0] + "@dispostock.invalid").collect(Collectors.toSet());
        assertEquals(Set.of(silentEmail), mailedByArs.stream().filter(puiEmails::contains).collect(Collectors.toSet()));
        portal.screenshot("lundi-5-campagne-ars");

        // when the Monday reminder runs, then its only PUI is Louis Pradel (and its establishment's pharmacists)
        Instant beforeRun = Instant.now();
        Map<String, Object> run = portal.call("POST", "/local/reminders/weekly-declaration?date=" + week.monday(), null, null, null).json();
        Set<String> reminded = recipients(portal.outbox(beforeRun), null);
        assertEquals(((Number) run.get("recipients")).intValue(), reminded.size(), run.toString());
        assertEquals(Set.of(silentEmail), reminded.stream().filter(puiEmails::contains).collect(Collectors.toSet()), reminded.toString());
    }
}
