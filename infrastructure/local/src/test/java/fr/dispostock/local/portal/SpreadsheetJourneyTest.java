package fr.dispostock.local.portal;

import fr.dispostock.domain.Dates;
import fr.dispostock.domain.IsoWeek;
import fr.dispostock.embedded.Workbooks;
import fr.dispostock.embedded.Workbooks.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The weekly declaration through a spreadsheet, in a real browser: the pharmacist downloads the week's
 * xlsx workbook, fills it as a spreadsheet program would (the test writes it with the library the
 * function reads it with), sends it, and sees the week declared, or the cells to correct in French.
 */
class SpreadsheetJourneyTest {
    @RegisterExtension
    static final PortalBrowser portal = new PortalBrowser();
    static final String ET = "010000107"; // CH de Pont de Vaux: no other journey touches it (they share one platform)
    static final String EJ = "010780138";

    /** The workbook of that week as the page downloads it. */
    private static byte[] downloadWorkbook(IsoWeek week) {
        portal.signInAsPharmacist(EJ);
        portal.open("/declaration.html?pui=" + ET + "&semaine=" + week);
        portal.waitFor(By.id("modele-xlsx")).click();
        return portal.awaitDownloadedBytes(portal.downloads().resolve("declaration-" + ET + "-" + week + ".xlsx"));
    }

    private static void send(byte[] workbook) throws IOException {
        Path file = Files.createTempFile(portal.downloads(), "rempli-", ".xlsx");
        Files.write(file, workbook);
        portal.driver().findElement(By.id("fichier-xlsx")).sendKeys(file.toString());
        portal.driver().findElement(By.id("envoyer-xlsx")).click();
    }

    private static List<String> itemsOf(byte[] workbook) {
        List<List<Value>> rows = Workbooks.read(workbook).get("Déclaration");
        return rows.subList(4, rows.size()).stream().map(row -> row.get(0).raw()).toList();
    }

    @Test
    void the_workbook_downloaded_filled_and_sent_declares_the_week_shown_in_the_grid() throws IOException {
        // given last week's workbook downloaded from the declaration page
        IsoWeek week = IsoWeek.of(LocalDate.now(Dates.PARIS)).previous();
        byte[] template = downloadWorkbook(week);
        portal.checkAccessibility();
        portal.screenshot("40-declaration-tableur");
        List<String> items = itemsOf(template);

        // when every item is filled in (the first at zero stock, consumptions typed with a decimal comma) and sent
        Map<String, List<Object>> figures = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            figures.put(items.get(i), List.of(i == 0 ? 0 : 100 + i, "1,5"));
        }
        send(Workbooks.filled(template, figures));

        // then the page says it is saved, the grid shows the figures, and the API holds every line
        portal.waitForText(By.id("formulaire-xlsx"), "Classeur enregistré");
        assertTrue(portal.driver().findElement(By.id("formulaire-xlsx")).getText()
                .contains(items.size() + " médicaments déclarés"), portal.driver().findElement(By.id("formulaire-xlsx")).getText());
        assertEquals("0", portal.driver().findElement(By.id("stock-0")).getDomProperty("value"));
        assertEquals("1,5", portal.driver().findElement(By.id("cmj-0")).getDomProperty("value"));
        portal.checkAccessibility();
        portal.screenshot("41-declaration-tableur-enregistree");
        String token = portal.token("{\"roles\":[\"PHARMACIST\"],\"finessEj\":[\"" + EJ + "\"]}");
        PortalBrowser.Answer stored = portal.callWith("GET", "/v1/puis/" + ET + "/declarations/" + week, token, null, Map.of());
        assertEquals(200, stored.status(), stored.body());
        assertEquals(items.size(), ((List<?>) stored.json().get("lines")).size());
        assertEquals(List.of(), stored.json().get("missingItems"));
    }

    @Test
    void a_bad_cell_is_named_in_french_by_sheet_row_and_column_and_nothing_is_saved() throws IOException {
        // given the workbook of the week before last, its first item with a negative stock and a word for consumption
        IsoWeek week = IsoWeek.of(LocalDate.now(Dates.PARIS)).previous().previous();
        byte[] template = downloadWorkbook(week);
        String first = itemsOf(template).get(0);

        // when it is sent
        send(Workbooks.filled(template, Map.of(first, List.of(-3, "beaucoup"))));

        // then each cell is named in French with its sheet, row and column, and the week is still undeclared
        String errors = portal.waitFor(By.id("erreurs-xlsx")).getText();
        assertTrue(errors.contains("feuille « Déclaration », ligne 5, colonne F : doit être un nombre entier d’unités"), errors);
        assertTrue(errors.contains("feuille « Déclaration », ligne 5, colonne G : « beaucoup » n’est pas un nombre"), errors);
        assertTrue(portal.driver().findElement(By.id("formulaire-xlsx")).getText().contains("aucune ligne n’est enregistrée"));
        portal.checkAccessibility();
        portal.screenshot("42-declaration-tableur-erreurs");
        String token = portal.token("{\"roles\":[\"PHARMACIST\"],\"finessEj\":[\"" + EJ + "\"]}");
        assertEquals(404, portal.callWith("GET", "/v1/puis/" + ET + "/declarations/" + week, token, null, Map.of()).status());
    }
}
