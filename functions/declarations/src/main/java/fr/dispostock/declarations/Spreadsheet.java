package fr.dispostock.declarations;

import fr.dispostock.domain.Csv;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Tables handed out as spreadsheets: CSV as French spreadsheet software reads it ({@link Csv#write}) or
 * xlsx (fastexcel, streamed). Text never becomes a formula: in CSV as {@link Csv#write} protects it; in
 * xlsx text is always a string cell.
 */
final class Spreadsheet {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String CSV = "text/csv;charset=UTF-8";
    private static final String APPLICATION = "Dispostock";

    private Spreadsheet() {
    }

    /** A sheet: its name, its column titles, and rows of text (String), numbers (Number) or blanks (null). */
    record Sheet(String name, List<String> columns, List<List<Object>> rows) {
    }

    /** The one sheet as CSV. */
    static String csv(Sheet sheet) {
        return Csv.write(sheet.columns(), sheet.rows());
    }

    /** The sheets as one xlsx workbook, column titles in bold and frozen above the rows. */
    static byte[] xlsx(List<Sheet> sheets) {
        return xlsx(workbook -> {
            for (Sheet sheet : sheets) {
                Worksheet ws = workbook.newWorksheet(sheet.name());
                titles(ws, 0, sheet.columns());
                ws.freezePane(0, 1);
                for (int r = 0; r < sheet.rows().size(); r++) {
                    List<Object> row = sheet.rows().get(r);
                    for (int c = 0; c < row.size(); c++) {
                        cell(ws, r + 1, c, row.get(c));
                    }
                }
            }
        });
    }

    interface Content {
        void write(Workbook workbook) throws IOException;
    }

    static byte[] xlsx(Content content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream o = out; Workbook workbook = new Workbook(o, APPLICATION, "1.0")) {
            content.write(workbook);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // into memory: cannot happen
        }
        return out.toByteArray();
    }

    /** A row of titles in bold, each column as wide as its title (at least 12 characters). */
    static void titles(Worksheet ws, int row, List<String> titles) {
        for (int c = 0; c < titles.size(); c++) {
            ws.value(row, c, titles.get(c));
            ws.style(row, c).bold().wrapText(true).set();
            ws.width(c, Math.max(12, titles.get(c).length() + 2));
        }
    }

    /** A number as a number, anything else as a string cell (never a formula). */
    static void cell(Worksheet ws, int row, int column, Object value) {
        if (value instanceof Number n) {
            ws.value(row, column, n);
        } else if (value != null) {
            ws.value(row, column, value.toString());
        }
    }
}
