package fr.dispostock.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The CSV files pharmacists and agencies send us: a header line, ';' (French habit) or ','
 * separators, optional double quotes, CRLF or LF, an optional UTF-8 BOM. And those we hand out
 * ({@link #write}): as French spreadsheet software reads them, where text never becomes a formula.
 */
public final class Csv {
    /** One data row with its line number in the file (the header is line 1). */
    public record Row(int line, Map<String, String> values) {
        /** The cell, trimmed (null when empty); a cell holding a control or invisible character is refused. */
        public String get(String column) {
            String v = values.get(column);
            if (v == null || v.isBlank()) {
                return null;
            }
            String problem = Text.problem(v.strip(), false);
            if (problem != null) {
                throw new InvalidValueException(column + " " + problem);
            }
            return v.strip();
        }
    }

    private final List<String> header;
    private final List<Row> rows;

    private Csv(List<String> header, List<Row> rows) {
        this.header = header;
        this.rows = rows;
    }

    public List<String> header() {
        return header;
    }

    public List<Row> rows() {
        return rows;
    }

    /** Column names are compared in lower case; a file without a header line is refused. */
    public static Csv parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidRequestException("Empty file",
                    List.of(new FieldError("", "the file is empty; a header line is expected")));
        }
        if (text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        String[] lines = text.split("\r?\n", -1);
        char separator = lines[0].indexOf(';') >= 0 || lines[0].indexOf(',') < 0 ? ';' : ',';
        List<String> header = split(lines[0], separator).stream()
                .map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            List<String> cells = split(lines[i], separator);
            Map<String, String> values = new HashMap<>();
            for (int c = 0; c < header.size() && c < cells.size(); c++) {
                values.put(header.get(c), cells.get(c));
            }
            rows.add(new Row(i + 1, values));
        }
        return new Csv(header, rows);
    }

    /** Refuses the whole file when a required column is missing, naming every one. */
    public void requireColumns(String... columns) {
        List<FieldError> missing = new ArrayList<>();
        for (String c : columns) {
            if (!header.contains(c)) {
                missing.add(new FieldError("/header", "missing column " + c));
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidRequestException("The header lacks required columns", missing);
        }
    }

    /**
     * A table as CSV for French spreadsheet software: ';', decimal comma (BigDecimal), UTF-8 with BOM,
     * CRLF. Cells are text (String, quoted), numbers (Number) or blanks (null). Text never becomes a
     * formula: one starting with {@code = + - @} (or a tab or carriage return, which some software
     * skips before reading a formula) is prefixed with an apostrophe (OWASP's CSV injection advice).
     */
    public static String write(List<String> columns, List<? extends List<?>> rows) {
        StringBuilder out = new StringBuilder("\uFEFF");
        out.append(columns.stream().map(Csv::cell).collect(Collectors.joining(";"))).append("\r\n");
        for (List<?> row : rows) {
            out.append(row.stream().map(Csv::cell).collect(Collectors.joining(";"))).append("\r\n");
        }
        return out.toString();
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString().replace('.', ',');
        }
        if (value instanceof Number n) {
            return n.toString();
        }
        return "\"" + asText(value.toString()).replace("\"", "\"\"") + "\"";
    }

    /** A text a spreadsheet would read as a formula, made plain text. */
    static String asText(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    private static List<String> split(String line, char separator) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == separator) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
