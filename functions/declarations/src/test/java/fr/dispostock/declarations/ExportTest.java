package fr.dispostock.declarations;

import fr.dispostock.domain.register.RegisterStore;
import fr.dispostock.embedded.DynamoDbLocalExtension;
import fr.dispostock.embedded.HttpApiHarness.Response;
import fr.dispostock.embedded.RegisterFixtures;
import fr.dispostock.embedded.Workbooks;
import fr.dispostock.embedded.Workbooks.Value;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static fr.dispostock.declarations.DeclarationsFunction.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The authorities' completeness, non-declarers and stock picture, as CSV and xlsx files. */
@ExtendWith(DynamoDbLocalExtension.class)
class ExportTest {
    /** A PUI name a spreadsheet would run as a formula, were it written as one. */
    static final String FORMULA_NAME = "=HYPERLINK(\"http://evil.invalid\",\"Cliquez\")";
    static final String MEXIMIEUX_ET = "010000099";

    @BeforeEach
    void aWeekHalfDeclared() {
        registers();
        RegisterFixtures.pui(API.context().getBean(RegisterStore.class), MEXIMIEUX_ET, "010780120", FORMULA_NAME, "01");
        API.call("PUT", "/v1/puis/" + FLEYRIAT_ET + "/declarations/" + WEEK, PH_FLEYRIAT,
                lines(line("cisplatine", 120, 8), line("lomustine", 0, 0.5)));
    }

    @Test
    void the_non_declarers_of_a_region_come_with_their_contacts_in_csv_and_xlsx_their_names_never_formulas() {
        // when the region's ARS exports the non-declarers as CSV and as xlsx
        Response csv = API.call("GET", "/v1/exports/non-declarers?week=" + WEEK + "&format=csv", ARS_84, null);
        Response xlsx = API.call("GET", "/v1/exports/non-declarers?week=" + WEEK, ARS_84, null);

        // then both list Haut Bugey and Meximieux with their e-mails; the formula-looking name is text
        assertEquals(200, csv.status(), csv.body());
        assertTrue(csv.header("Content-Type").startsWith("text/csv"));
        assertTrue(csv.header("Content-Disposition").contains("non-declarants-" + WEEK + "-84.csv"));
        List<String> lines = List.of(csv.body().split("\r\n"));
        assertEquals("\uFEFF\"FINESS\";\"PUI\";\"Département\";\"Région\";\"E-mail\";\"Téléphone\"", lines.get(0));
        assertEquals("\"" + BUGEY_ET + "\";\"CH HAUT BUGEY\";\"01\";\"84\";\"pui-" + BUGEY_ET + "@dispostock.invalid\";",
                lines.get(1));
        assertTrue(lines.get(2).startsWith("\"" + MEXIMIEUX_ET + "\";\"'=HYPERLINK(\"\"http://evil.invalid\"\",\"\"Cliquez\"\")\";"),
                lines.get(2));
        assertEquals(200, xlsx.status(), xlsx.body());
        List<List<Value>> rows = Workbooks.read(xlsx.bytes()).get("Non déclarants " + WEEK);
        assertEquals(3, rows.size());
        Value name = rows.get(2).get(1);
        assertEquals(FORMULA_NAME, name.raw());
        assertEquals("STRING", name.type());
        assertNull(name.formula());
    }

    @Test
    void the_completeness_by_departement_and_an_items_stock_picture_export_as_numbers() {
        // when the ARS exports the completeness by PUI and cisplatine's stock by PUI, the nation the latter as CSV
        Response completeness = API.call("GET", "/v1/exports/completeness?week=" + WEEK + "&by=puis", ARS_84, null);
        Response stock = API.call("GET", "/v1/exports/stock?itemId=cisplatine&week=" + WEEK + "&by=puis&region=84",
                ARS_84, null);
        Response stockCsv = API.call("GET", "/v1/exports/stock?itemId=cisplatine&week=" + WEEK + "&format=csv",
                NATIONAL, null);

        // then the counts and figures are numbers, in rows as on the screens; the workbook has the trend too
        assertEquals(200, completeness.status(), completeness.body());
        List<List<Value>> counts = Workbooks.read(completeness.bytes()).get("Complétude " + WEEK);
        assertEquals(List.of("Code", "Nom", "PUI attendues", "Déclarées", "Incomplètes", "En retard", "Manquantes"),
                counts.get(0).stream().map(Value::raw).toList());
        assertEquals(List.of(FLEYRIAT_ET, "CH DE FLEYRIAT", "1", "1", "1", "0", "0"),
                counts.get(1).stream().map(Value::raw).toList());
        assertEquals("NUMBER", counts.get(1).get(2).type());
        assertEquals(200, stock.status(), stock.body());
        Map<String, List<List<Value>>> sheets = Workbooks.read(stock.bytes());
        assertEquals(List.of("Stock " + WEEK, "Tendance"), List.copyOf(sheets.keySet()));
        List<Value> fleyriat = sheets.get("Stock " + WEEK).get(1);
        assertEquals(List.of(FLEYRIAT_ET, "120", "8", "15.0"), List.of(fleyriat.get(0).raw(), fleyriat.get(2).raw(),
                fleyriat.get(3).raw(), fleyriat.get(4).raw()));
        assertEquals(9, sheets.get("Tendance").size(), "titles and 8 weeks");
        assertEquals(200, stockCsv.status(), stockCsv.body());
        assertTrue(stockCsv.body().contains("\"84\";\"Auvergne-Rhône-Alpes\";120;8;15,0;;1;0"), stockCsv.body());
    }

    @Test
    void a_pharmacist_is_refused_and_an_unknown_format_is_named() {
        // when a pharmacist asks for the non-declarers, and the nation for a PDF
        Response pharmacist = API.call("GET", "/v1/exports/non-declarers?week=" + WEEK, PH_FLEYRIAT, null);
        Response pdf = API.call("GET", "/v1/exports/completeness?week=" + WEEK + "&format=pdf", NATIONAL, null);

        // then 403, and a 422 naming the format
        assertEquals(403, pharmacist.status(), pharmacist.body());
        assertEquals(422, pdf.status(), pdf.body());
        assertEquals("format", ((Map<?, ?>) ((List<?>) pdf.object().get("errors")).get(0)).get("pointer"));
    }

    @Test
    void in_csv_a_text_a_spreadsheet_would_read_as_a_formula_gets_an_apostrophe_and_numbers_stay_numbers() {
        // given texts starting with =, +, -, @, a tab and a carriage return, a plain one, and a negative number
        Spreadsheet.Sheet sheet = new Spreadsheet.Sheet("s", List.of("t"), List.of(List.of("=1+1"), List.of("+33 4 72"),
                List.of("-2+3"), List.of("@SUM(A1)"), List.of("\t=1"), List.of("\r=1"), List.of("CH de Bourg"),
                List.of(-5), List.of(new java.math.BigDecimal("-2.5"))));

        // when it is written as CSV
        List<String> lines = List.of(Spreadsheet.csv(sheet).split("\r\n"));

        // then every formula-looking text starts with an apostrophe, the rest as it was
        assertEquals(List.of("\"'=1+1\"", "\"'+33 4 72\"", "\"'-2+3\"", "\"'@SUM(A1)\"", "\"'\t=1\"", "\"'\r=1\"",
                "\"CH de Bourg\"", "-5", "-2,5"), lines.subList(1, lines.size()));
    }
}
