package fr.dispostock.declarations;

import fr.dispostock.declarations.DeclarationViews.Expected;
import fr.dispostock.declarations.DeclarationViews.ExpectedItem;
import fr.dispostock.domain.FieldError;
import fr.dispostock.domain.InvalidRequestException;
import fr.dispostock.domain.Limits;
import fr.dispostock.domain.Text;
import fr.dispostock.domain.Violations;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The week's declaration as an xlsx workbook: the template of a PUI and week (the items expected, last
 * week's figures, empty cells to fill, the rules on a second sheet), and the same workbook filled,
 * read back into the lines a JSON declaration has. Errors name the sheet, row and column.
 */
final class DeclarationSpreadsheet {
    static final String SHEET = "Déclaration";
    static final String RULES = "Consignes";
    /** An upload weighs at most this (a template of 1,000 items weighs about 40 KB). */
    static final int MAX_BYTES = 1_048_576;
    /** ...and unpacks to at most this: a small file that unpacks to gigabytes is refused before it is read. */
    static final long MAX_UNPACKED_BYTES = 32L * 1024 * 1024;
    static final String ITEM = "itemId";
    static final String STOCK = "stock";
    static final String CONSUMPTION = "averageDailyConsumption";
    private static final List<String> COLUMNS = List.of(ITEM, "Codes UCD", "Libellé", "Stock la semaine d’avant",
            "Consommation la semaine d’avant", STOCK, CONSUMPTION);
    private static final int HEADER_ROW = 3; // 0-based: PUI, week, a blank row, then the titles
    private static final String TO_FILL = "FFF2CC";
    private static final Pattern LINE = Pattern.compile("^/lines/(\\d+)(?:/(\\w+))?$");

    private DeclarationSpreadsheet() {
    }

    static byte[] template(Expected expected) {
        return Spreadsheet.xlsx(workbook -> {
            Worksheet ws = workbook.newWorksheet(SHEET);
            ws.value(0, 0, "finessEt");
            ws.value(0, 1, expected.finessEt());
            ws.value(1, 0, "week");
            ws.value(1, 1, expected.week());
            Spreadsheet.titles(ws, HEADER_ROW, COLUMNS);
            ws.width(2, 48);
            ws.freezePane(1, HEADER_ROW + 1);
            for (int i = 0; i < expected.items().size(); i++) {
                ExpectedItem item = expected.items().get(i);
                int r = HEADER_ROW + 1 + i;
                Spreadsheet.cell(ws, r, 0, item.itemId());
                Spreadsheet.cell(ws, r, 1, String.join(", ", item.ucds()));
                Spreadsheet.cell(ws, r, 2, item.label());
                if (item.lastWeek() != null) {
                    Spreadsheet.cell(ws, r, 3, item.lastWeek().stock());
                    Spreadsheet.cell(ws, r, 4, item.lastWeek().averageDailyConsumption());
                }
                ws.style(r, 5).fillColor(TO_FILL).set();
                ws.style(r, 6).fillColor(TO_FILL).set();
            }
            Worksheet rules = workbook.newWorksheet(RULES);
            rules.width(0, 110);
            List<String> lines = List.of(
                    "Déclaration hebdomadaire de la PUI " + expected.finessEt() + ", semaine " + expected.week(),
                    "",
                    "Remplissez, pour chaque médicament, les deux cellules jaunes de la feuille « " + SHEET + " » :",
                    "- colonne F (stock) : les unités en stock ce lundi, un nombre entier de 0 à " + Limits.STOCK_MAX + ".",
                    "- colonne G (averageDailyConsumption) : la consommation moyenne par jour, de 0 à "
                            + Limits.CONSUMPTION_MAX + ", au plus " + Limits.CONSUMPTION_DECIMALS + " décimales.",
                    "Un stock nul se déclare 0 : une ligne laissée vide n’est pas un zéro, le médicament reste à déclarer.",
                    "Ne modifiez ni les colonnes A à E, ni les lignes 1 et 2 (la PUI et la semaine du fichier).",
                    "Déposez ensuite le fichier sur la page « Déclaration hebdomadaire » du portail. Toutes les lignes "
                            + "sont enregistrées, ou aucune : une erreur nomme la feuille, la ligne et la colonne à corriger.",
                    "Envoyer à nouveau le même fichier ne change rien ; un fichier corrigé remplace les chiffres de la "
                            + "semaine (les précédents restent dans l’historique).",
                    "Après le lundi, la déclaration est acceptée et marquée en retard.");
            for (int i = 0; i < lines.size(); i++) {
                rules.value(i, 0, lines.get(i));
            }
            rules.style(0, 0).bold().set();
        });
    }

    /** The lines of a filled template, with the sheet's row of each (for the errors). */
    record Upload(List<DeclarationBody.LineBody> lines, List<Integer> rows, Map<String, Integer> columns) {
        /** The service's errors (JSON pointers /lines/N/field) as the file's sheet, row and column. */
        InvalidRequestException located(InvalidRequestException e) {
            return new InvalidRequestException(e.getMessage(), e.errors().stream().map(this::located).toList());
        }

        private FieldError located(FieldError error) {
            if (error.pointer().equals("/lines")) { // the lines as a whole: the sheet holding them
                return new FieldError(error.pointer(), "sheet '" + SHEET + "': " + error.message());
            }
            Matcher m = LINE.matcher(error.pointer());
            if (!m.matches() || Integer.parseInt(m.group(1)) >= rows.size()) {
                return error;
            }
            int row = rows.get(Integer.parseInt(m.group(1)));
            Integer column = m.group(2) == null ? null : columns.get(m.group(2).toLowerCase(Locale.ROOT));
            return new FieldError(error.pointer(), at(row, column, error.message()));
        }
    }

    /**
     * @param v where the file's own problems go (unreadable numbers, control characters), as the CSV's do
     * @throws InvalidRequestException when the file is not this PUI's and week's template, filled
     */
    static Upload read(byte[] file, String finessEt, String week, Violations v) {
        requireWorkbook(file);
        try (ReadableWorkbook workbook = parsing(() -> new ReadableWorkbook(new ByteArrayInputStream(file)))) {
            Sheet sheet = parsing(() -> workbook.findSheet(SHEET)).orElseThrow(() -> refused(
                    "sheet '" + SHEET + "' is missing: send the template downloaded from Dispostock, filled"));
            try (Stream<Row> stream = parsing(sheet::openStream)) {
                return rows(parsed(stream.iterator()), finessEt, week, v);
            }
        } catch (IOException e) { // closing what was read
            throw unreadable();
        }
    }

    /** The sheet's rows as fastexcel parses them, one at a time ({@link #parsing}). */
    private static Iterator<Row> parsed(Iterator<Row> rows) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return parsing(rows::hasNext);
            }

            @Override
            public Row next() {
                return parsing(rows::next);
            }
        };
    }

    /** A step of fastexcel's, and of it only: reading the file, no rule of ours. */
    private interface Parse<T> {
        T run() throws IOException;
    }

    /**
     * What fastexcel fails on is the file's fault: its own exception, its XML parser's (aalto's
     * unchecked one: not XML, a character XML 1.0 cannot hold), its cell parsers' (a reference that is
     * not one) and its index errors (a column past the last). Only its code runs here, so a failure of
     * ours (in the rules run on each row) is never taken for an unreadable file.
     */
    private static <T> T parsing(Parse<T> fastexcel) {
        try {
            return fastexcel.run();
        } catch (IOException | RuntimeException e) {
            throw unreadable();
        }
    }

    private static Upload rows(Iterator<Row> rows, String finessEt, String week, Violations v) {
        Map<String, String> said = new HashMap<>();
        Map<String, Integer> columns = null;
        List<DeclarationBody.LineBody> lines = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        while (rows.hasNext()) {
            Row row = rows.next();
            requirePlaced(row);
            if (columns == null) {
                String first = text(row, 0);
                if (ITEM.equalsIgnoreCase(first)) {
                    columns = columns(row);
                    requireTemplateOf(said, finessEt, week);
                } else if (first != null) {
                    said.put(first, text(row, 1));
                }
                continue;
            }
            Cell stock = cell(row, columns.get(STOCK.toLowerCase(Locale.ROOT)));
            Cell consumption = cell(row, columns.get(CONSUMPTION.toLowerCase(Locale.ROOT)));
            if (blank(stock) && blank(consumption)) {
                continue; // not declared: the answer lists the item as missing, never a zero
            }
            if (lines.size() == Limits.DECLARATION_LINES_MAX) {
                throw refused(at(row.getRowNum(), null, "more than " + Limits.DECLARATION_LINES_MAX
                        + " items filled in: a declaration has at most " + Limits.DECLARATION_LINES_MAX + " lines"));
            }
            String at = "/lines/" + lines.size();
            String item = itemId(v, at + "/" + ITEM, cell(row, columns.get(ITEM.toLowerCase(Locale.ROOT))));
            lines.add(new DeclarationBody.LineBody(item, number(v, at + "/" + STOCK, stock),
                    number(v, at + "/" + CONSUMPTION, consumption)));
            numbers.add(row.getRowNum());
        }
        if (columns == null) {
            throw refused("sheet '" + SHEET + "' has no row of titles starting with " + ITEM
                    + ": send the template downloaded from Dispostock, filled");
        }
        return new Upload(lines, numbers, columns);
    }

    /** Column index of each title, in lower case; every column the declaration needs must be there. */
    private static Map<String, Integer> columns(Row titles) {
        Map<String, Integer> columns = new HashMap<>();
        for (Cell c : titles) {
            if (c != null && c.getType() == CellType.STRING) {
                columns.putIfAbsent(c.getRawValue().strip().toLowerCase(Locale.ROOT), c.getColumnIndex());
            }
        }
        List<FieldError> missing = Stream.of(ITEM, STOCK, CONSUMPTION)
                .filter(name -> !columns.containsKey(name.toLowerCase(Locale.ROOT)))
                .map(name -> new FieldError("/header", at(titles.getRowNum(), null, "missing column " + name)))
                .toList();
        if (!missing.isEmpty()) {
            throw new InvalidRequestException("Invalid file", missing);
        }
        return columns;
    }

    private static void requireTemplateOf(Map<String, String> said, String finessEt, String week) {
        String fileFiness = said.getOrDefault("finessEt", "none");
        String fileWeek = said.getOrDefault("week", "none");
        List<FieldError> wrong = new ArrayList<>();
        if (!finessEt.equals(fileFiness)) {
            wrong.add(new FieldError("finessEt", "the file is the template of PUI " + fileFiness + ", not of PUI "
                    + finessEt + " (sheet '" + SHEET + "', cell B1)"));
        }
        if (!week.equals(fileWeek)) {
            wrong.add(new FieldError("week", "the file is the template of week " + fileWeek + ", not of week "
                    + week + " (sheet '" + SHEET + "', cell B2)"));
        }
        if (!wrong.isEmpty()) {
            throw new InvalidRequestException("Invalid file", wrong);
        }
    }

    /** Before anything is unpacked: an xlsx (a zip), small, and unpacking to a bounded size. */
    private static void requireWorkbook(byte[] file) {
        if (file == null || file.length == 0) {
            throw refused("no file was sent: send the template downloaded from Dispostock, filled");
        }
        if (file.length > MAX_BYTES) {
            throw refused("the file weighs " + file.length + " bytes, more than the " + MAX_BYTES
                    + " a declaration workbook may weigh");
        }
        if (ReadableWorkbook.isOLE2Header(file)) {
            throw refused("the file is an .xls workbook (Excel 97-2003): save it as .xlsx");
        }
        if (!ReadableWorkbook.isOOXMLZipHeader(file)) {
            throw unreadable();
        }
        long unpacked = 0;
        byte[] buffer = new byte[8192];
        // the entries as unpacked, whatever sizes the zip's directory claims (the JDK's ZipInputStream
        // refuses the data descriptors fastexcel writes: commons-compress, which fastexcel-reader reads with)
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(file)).get()) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                try (InputStream in = zip.getInputStream(entry)) {
                    for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                        unpacked += n;
                        if (unpacked > MAX_UNPACKED_BYTES) {
                            throw refused("the file unpacks to more than " + MAX_UNPACKED_BYTES
                                    + " bytes: it is not a declaration workbook");
                        }
                    }
                }
            }
        } catch (IOException e) { // the zip reader's: a damaged archive, an unsupported compression
            throw unreadable();
        } catch (InvalidRequestException e) {
            throw e;
        } catch (RuntimeException e) { // commons-compress's unchecked ones on a damaged archive: only its code runs here
            throw unreadable();
        }
    }

    /**
     * Each cell in the row its reference names: a file saying otherwise is damaged, and which row a
     * figure belongs to cannot be told.
     */
    private static void requirePlaced(Row row) {
        for (Cell c : row) {
            if (c != null && c.getAddress().getRow() != row.getRowNum() - 1) {
                throw refused(at(row.getRowNum(), c.getColumnIndex(), "the cell says it is " + c.getAddress()
                        + ", in another row: the file is damaged, save it again from a spreadsheet program"));
            }
        }
    }

    private static boolean blank(Cell c) {
        return c == null || c.getType() == CellType.EMPTY
                || c.getType() == CellType.STRING && c.getRawValue().isBlank();
    }

    private static Cell cell(Row row, int column) {
        return row.getOptionalCell(column).orElse(null);
    }

    /** A cell's text as typed (a number as written), or null when empty or a formula never computed. */
    private static String text(Row row, int column) {
        Cell c = cell(row, column);
        return blank(c) || c.getRawValue() == null ? null : c.getRawValue().strip();
    }

    /**
     * The cell's value as typed, or its formula's as last computed; null when empty, and when a formula
     * was never computed (a file written by a program), said in {@code v}.
     */
    private static String value(Violations v, String pointer, Cell c) {
        if (blank(c)) {
            return null;
        }
        if (c.getRawValue() == null) {
            v.add(pointer, (c.getFormula() == null ? "the cell" : "the formula =" + c.getFormula())
                    + " has no computed value: open the file in a spreadsheet program, save it and send it again");
            return null;
        }
        return c.getRawValue().strip();
    }

    private static String itemId(Violations v, String pointer, Cell c) {
        String text = value(v, pointer, c);
        String problem = text == null ? null : Text.problem(text, false);
        if (problem != null) {
            v.add(pointer, problem);
            return null;
        }
        return text;
    }

    /** A number as stored or as typed in a text cell (read as the CSV's are: decimal comma), a formula by its value. */
    private static BigDecimal number(Violations v, String pointer, Cell c) {
        if (blank(c)) {
            return null;
        }
        if (c.getType() == CellType.NUMBER || c.getType() == CellType.FORMULA || c.getType() == CellType.STRING) {
            return DeclarationService.number(v, pointer, value(v, pointer, c));
        }
        v.add(pointer, "'" + c.getRawValue() + "' is not a number");
        return null;
    }

    /** "sheet 'Déclaration', row 7, column F: message" (row as numbered in spreadsheet software, from 1). */
    static String at(int row, Integer column, String message) {
        return "sheet '" + SHEET + "', row " + row + (column == null ? "" : ", column " + letters(column))
                + ": " + message;
    }

    /** A column as spreadsheet software names it: A to Z, then AA… */
    static String letters(int column) {
        StringBuilder name = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            name.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return name.toString();
    }

    /** What fastexcel or the zip reader could not parse. */
    private static InvalidRequestException unreadable() {
        return refused("the file is not a readable xlsx workbook: save it again as .xlsx (Excel, LibreOffice)");
    }

    private static InvalidRequestException refused(String message) {
        return new InvalidRequestException("Invalid file", List.of(new FieldError("", message)));
    }
}
