package fr.dispostock.declarations;

import fr.dispostock.embedded.DynamoDbLocalExtension;
import fr.dispostock.embedded.HttpApiHarness.Response;
import fr.dispostock.embedded.Workbooks;
import fr.dispostock.embedded.Workbooks.Value;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static fr.dispostock.declarations.DeclarationsFunction.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The week as an xlsx template downloaded, filled and sent back: the same rule as JSON and CSV. */
@ExtendWith(DynamoDbLocalExtension.class)
class SpreadsheetDeclarationTest {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String PATH = "/v1/puis/" + FLEYRIAT_ET + "/declarations/" + WEEK;

    @BeforeEach
    void registersOfTwoRegions() {
        registers();
    }

    private static byte[] template() {
        Response r = API.call("GET", PATH + "/spreadsheet", PH_FLEYRIAT, null);
        assertEquals(200, r.status(), r.body());
        assertEquals(XLSX, r.header("Content-Type"));
        return r.bytes();
    }

    private static Response upload(byte[] file) {
        return API.call("PUT", PATH + "/spreadsheet", PH_FLEYRIAT, file, XLSX);
    }

    private static List<Map<?, ?>> errors(Response r) {
        return ((List<?>) r.object().get("errors")).stream().<Map<?, ?>>map(e -> (Map<?, ?>) e).toList();
    }

    @Test
    void the_template_lists_the_items_due_with_their_ucd_codes_label_and_last_weeks_figures_and_the_rules() {
        // given last week declared
        API.call("PUT", "/v1/puis/" + FLEYRIAT_ET + "/declarations/2026-W47", PH_FLEYRIAT,
                lines(line("cisplatine", 40, 2.5)));

        // when the pharmacist downloads this week's template
        Response r = API.call("GET", PATH + "/spreadsheet", PH_FLEYRIAT, null);

        // then a workbook named for the PUI and week: the PUI and week on top, an item per row with
        // last week beside it, the cells to fill empty, the rules on a second sheet
        assertEquals(200, r.status(), r.body());
        assertTrue(r.header("Content-Disposition").contains("declaration-" + FLEYRIAT_ET + "-" + WEEK + ".xlsx"));
        Map<String, List<List<Value>>> sheets = Workbooks.read(r.bytes());
        assertEquals(List.of("Déclaration", "Consignes"), List.copyOf(sheets.keySet()));
        List<List<Value>> rows = sheets.get("Déclaration");
        assertEquals(FLEYRIAT_ET, rows.get(0).get(1).raw());
        assertEquals(WEEK, rows.get(1).get(1).raw());
        assertEquals(List.of("itemId", "Codes UCD", "Libellé", "Stock la semaine d’avant",
                "Consommation la semaine d’avant", "stock", "averageDailyConsumption"),
                rows.get(3).stream().map(Value::raw).toList());
        List<Value> cisplatine = rows.get(4);
        assertEquals("cisplatine", cisplatine.get(0).raw());
        assertEquals("3400890198400", cisplatine.get(1).raw());
        assertEquals("NUMBER", cisplatine.get(3).type());
        assertEquals("40", cisplatine.get(3).raw());
        assertEquals("2.5", cisplatine.get(4).raw());
        assertTrue(cisplatine.size() <= 5 || cisplatine.subList(5, cisplatine.size()).stream().allMatch(c -> c == null));
        assertEquals(List.of("cisplatine", "lomustine", "vincristine-ara"),
                rows.subList(4, rows.size()).stream().map(c -> c.get(0).raw()).toList());
        assertTrue(sheets.get("Consignes").get(0).get(0).raw().contains(FLEYRIAT_ET + ", semaine " + WEEK));
    }

    @Test
    void the_template_filled_declares_the_week_a_row_left_empty_stays_missing_and_sending_it_again_changes_nothing() {
        // given the template filled for two items, a number typed as text with a decimal comma, the third left empty
        byte[] filled = Workbooks.filled(template(), Map.of("cisplatine", List.of(120, "8,5"),
                "lomustine", List.of(0, 0.5)));

        // when it is sent twice
        Response first = upload(filled);
        Response again = upload(filled);

        // then the week holds the two lines, the empty row is missing (not a zero), and the retry wrote nothing
        assertEquals(200, first.status(), first.body());
        assertEquals(List.of("vincristine-ara"), first.object().get("missingItems"));
        List<?> stored = (List<?>) API.call("GET", PATH, PH_FLEYRIAT, null).object().get("lines");
        assertEquals(2, stored.size());
        assertEquals(8.5, ((Number) ((Map<?, ?>) stored.get(0)).get("averageDailyConsumption")).doubleValue());
        assertEquals(200, again.status(), again.body());
        assertEquals(first.object().get("declaredAt"), again.object().get("declaredAt"));
        assertEquals(0, ((Number) API.call("GET", PATH, PH_FLEYRIAT, null).object().get("revisions")).intValue());
    }

    @Test
    void every_bad_cell_is_named_by_sheet_row_and_column_and_nothing_is_stored() {
        // given a negative stock (row 5), a consumption typed as a word (row 6), a stock without consumption (row 7)
        byte[] filled = Workbooks.filled(template(), Map.of("cisplatine", List.of(-1, 2),
                "lomustine", List.of(3, "beaucoup"), "vincristine-ara", Arrays.asList(4, null)));

        // when it is sent
        Response r = upload(filled);

        // then 422 names each cell (the word as read, then as every format's missing number), with the JSON
        // pointer of the line beside it, and the week is undeclared
        assertEquals(422, r.status(), r.body());
        assertEquals(List.of("/lines/1/averageDailyConsumption", "/lines/0/stock", "/lines/1/averageDailyConsumption",
                "/lines/2/averageDailyConsumption"), errors(r).stream().map(e -> e.get("pointer")).toList());
        List<String> messages = errors(r).stream().map(e -> (String) e.get("message")).toList();
        assertEquals("sheet 'Déclaration', row 6, column G: 'beaucoup' is not a number", messages.get(0));
        assertTrue(messages.get(1).startsWith("sheet 'Déclaration', row 5, column F: must be a whole number"), r.body());
        assertTrue(messages.get(3).startsWith("sheet 'Déclaration', row 7, column G: is required"), r.body());
        assertEquals(404, API.call("GET", PATH, PH_FLEYRIAT, null).status());
    }

    @Test
    void the_template_of_another_pui_or_week_is_refused_and_names_the_cells_that_say_so() {
        // given the template of last week
        byte[] lastWeek = API.call("GET", "/v1/puis/" + FLEYRIAT_ET + "/declarations/2026-W47/spreadsheet",
                PH_FLEYRIAT, null).bytes();
        byte[] filled = Workbooks.filled(lastWeek, Map.of("cisplatine", List.of(1, 1)));

        // when it is sent for this week
        Response r = upload(filled);

        // then 422 says whose and which week's template it is, and nothing is stored
        assertEquals(422, r.status(), r.body());
        assertEquals("the file is the template of week 2026-W47, not of week " + WEEK + " (sheet 'Déclaration', cell B2)",
                errors(r).get(0).get("message"));
        assertEquals(404, API.call("GET", PATH, PH_FLEYRIAT, null).status());
    }

    @Test
    void a_zip_holding_no_workbook_or_a_sheet_that_is_not_xml_is_refused_as_an_unreadable_workbook() throws IOException {
        // given a small zip with no workbook in it, and the template with its sheet's XML cut in half
        ByteArrayOutputStream noWorkbook = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(noWorkbook)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("not XML".getBytes(StandardCharsets.UTF_8));
        }
        byte[] cutSheet = Workbooks.edit(template(), "xl/worksheets/sheet1.xml", xml -> xml.substring(0, xml.length() / 2));

        // when each is sent
        List<Response> answers = List.of(upload(noWorkbook.toByteArray()), upload(cutSheet));

        // then each is a 422 saying the file is not a readable workbook, and nothing is stored
        for (Response r : answers) {
            assertEquals(422, r.status(), r.body());
            assertTrue(((String) errors(r).get(0).get("message")).startsWith("the file is not a readable xlsx workbook"),
                    r.body());
        }
        assertEquals(404, API.call("GET", PATH, PH_FLEYRIAT, null).status());
    }

    @Test
    void a_failure_of_ours_while_reading_the_rows_is_not_blamed_on_the_file() {
        // given a filled template with a stock typed as 12abc, read with no place for its problems (a bug of ours)
        byte[] filled = Workbooks.filled(template(), Map.of("cisplatine", List.of("12abc", 1)));

        // when it is read, then our failure comes out as itself, not as "not a readable xlsx workbook" (a 422)
        assertThrows(NullPointerException.class, () -> DeclarationSpreadsheet.read(filled, FLEYRIAT_ET, WEEK, null));
    }

    @Test
    void what_is_not_a_small_xlsx_workbook_is_refused_before_it_is_read() throws IOException {
        // given no file, a CSV sent as xlsx, a file over 1 MiB, and a zip of 40 MB of zeros weighing a few KB
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 40; i++) {
                zip.write(zeros);
            }
        }
        byte[] big = new byte[DeclarationSpreadsheet.MAX_BYTES + 1];
        System.arraycopy(bomb.toByteArray(), 0, big, 0, 4);

        // when each is sent
        List<Response> answers = List.of(upload(new byte[0]),
                upload("itemId;stock;averageDailyConsumption\n".getBytes(StandardCharsets.UTF_8)),
                upload(big), upload(bomb.toByteArray()));

        // then no body is a 400 (as for every route), each other a 422 saying why, and nothing is stored
        assertEquals(400, answers.get(0).status(), answers.get(0).body());
        assertEquals("application/problem+json", answers.get(0).header("Content-Type"));
        List<String> starts = List.of("", "the file is not a readable xlsx workbook",
                "the file weighs " + big.length + " bytes", "the file unpacks to more than");
        for (int i = 1; i < answers.size(); i++) {
            Response r = answers.get(i);
            assertEquals(422, r.status(), r.body());
            assertEquals("application/problem+json", r.header("Content-Type"));
            assertTrue(((String) errors(r).get(0).get("message")).startsWith(starts.get(i)), r.body());
        }
        assertEquals(404, API.call("GET", PATH, PH_FLEYRIAT, null).status());
    }

    @Test
    void another_establishments_pharmacist_can_neither_download_nor_send_the_template() {
        // given the template filled by Fleyriat's pharmacist
        byte[] filled = Workbooks.filled(template(), Map.of("cisplatine", List.of(1, 1)));

        // when a pharmacist of Ajaccio asks for it and sends it
        Response download = API.call("GET", PATH + "/spreadsheet", PH_AJACCIO, null);
        Response send = API.call("PUT", PATH + "/spreadsheet", PH_AJACCIO, filled, XLSX);

        // then both are refused and nothing is stored
        assertEquals(403, download.status(), download.body());
        assertEquals(403, send.status(), send.body());
        assertEquals(404, API.call("GET", PATH, PH_FLEYRIAT, null).status());
    }
}
