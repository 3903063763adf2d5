package fr.dispostock.embedded;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * xlsx files in tests, with the library the function uses (fastexcel): a workbook read cell by cell,
 * and the declaration's template filled as a pharmacist fills it in a spreadsheet program.
 */
public final class Workbooks {
    private Workbooks() {
    }

    /** A cell as stored: its type (NUMBER, STRING, FORMULA…), its value as written, its formula if any. */
    public record Value(String type, String raw, String formula) {
    }

    /** Every sheet's rows, each the list of its cells from column A (an absent cell is null). */
    public static Map<String, List<List<Value>>> read(byte[] xlsx) {
        Map<String, List<List<Value>>> sheets = new java.util.LinkedHashMap<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : workbook.getSheets().toList()) {
                List<List<Value>> rows = new ArrayList<>();
                for (Row row : sheet.read()) {
                    while (rows.size() < row.getRowNum() - 1) {
                        rows.add(List.of());
                    }
                    List<Value> cells = new ArrayList<>();
                    for (int c = 0; c < row.getCellCount(); c++) {
                        Optional<Cell> cell = row.getOptionalCell(c);
                        cells.add(cell.filter(x -> x.getType() != CellType.EMPTY)
                                .map(x -> new Value(x.getType().name(), x.getRawValue(), x.getFormula())).orElse(null));
                    }
                    rows.add(cells);
                }
                sheets.put(sheet.getName(), rows);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sheets;
    }

    /**
     * The template written again with, in each item's row, the values given for the columns titled
     * {@code stock} and {@code averageDailyConsumption} (a Number, or a String typed as text).
     *
     * @param byItem item id → [stock, averageDailyConsumption]
     */
    public static byte[] filled(byte[] template, Map<String, List<Object>> byItem) {
        Map<String, List<List<Value>>> sheets = read(template);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(out, "DispostockTest", "1.0")) {
            for (Map.Entry<String, List<List<Value>>> sheet : sheets.entrySet()) {
                Worksheet ws = workbook.newWorksheet(sheet.getKey());
                int stock = -1;
                int consumption = -1;
                for (int r = 0; r < sheet.getValue().size(); r++) {
                    List<Value> row = sheet.getValue().get(r);
                    for (int c = 0; c < row.size(); c++) {
                        Value v = row.get(c);
                        if (v == null) {
                            continue;
                        }
                        if (v.type().equals("NUMBER")) {
                            ws.value(r, c, new java.math.BigDecimal(v.raw()));
                        } else {
                            ws.value(r, c, v.raw());
                        }
                        if (v.raw().toLowerCase(Locale.ROOT).equals("stock")) {
                            stock = c;
                        } else if (v.raw().toLowerCase(Locale.ROOT).equals("averagedailyconsumption")) {
                            consumption = c;
                        }
                    }
                    List<Object> values = row.isEmpty() || row.get(0) == null ? null : byItem.get(row.get(0).raw());
                    if (values != null && stock >= 0) {
                        put(ws, r, stock, values.get(0));
                        put(ws, r, consumption, values.get(1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A workbook of one sheet written from scratch: rows of Numbers, Strings or nulls (a file made by hand). */
    public static byte[] of(String sheet, List<List<Object>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(out, "DispostockTest", "1.0")) {
            Worksheet ws = workbook.newWorksheet(sheet);
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < rows.get(r).size(); c++) {
                    put(ws, r, c, rows.get(r).get(c));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void put(Worksheet ws, int row, int column, Object value) {
        if (value instanceof Number n) {
            ws.value(row, column, n);
        } else if (value != null) {
            ws.value(row, column, value.toString());
        }
    }

    /** The workbook with one entry's text changed, every other entry as it was. */
    public static byte[] edit(byte[] xlsx, String name, UnaryOperator<String> change) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(xlsx)).get()) {
            for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
                entries.put(e.getName(), zip.getInputStream(e).readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        entries.put(name, change.apply(new String(entries.get(name), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        return zip(entries);
    }

    private static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
