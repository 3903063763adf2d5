package fr.dispostock.embedded;

import fr.dispostock.domain.IsoWeek;
import fr.dispostock.platform.fhir.Fhir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The hostile bodies of the formats beside JSON and CSV, for {@link HostileInput}: FHIR R5
 * InventoryReports (malformed, huge, deeply nested, of another resource type, with bad code systems,
 * items twice, counts out of their week) and xlsx workbooks (corrupt, zip bombs, entity bombs, huge,
 * without the sheet, formulas, bad cell references). Each is made for one PUI and week, so that it
 * reaches the checks past the URL's; none may be stored. The designed ones say where their answer
 * must point; the seeded ones are mutations of a body that is refused whatever the mutation does.
 */
final class HostileBodies {
    /** A FHIR JSON body, what is hostile in it, the status it must get and a text its answer must hold. */
    record FhirBody(String what, String text, int status, String expect) {
    }

    /** An xlsx body, what is hostile in it, the status it must get and a text its answer must hold. */
    record XlsxBody(String what, byte[] bytes, int status, String expect) {
    }

    private static final String UCD_SYSTEM = Fhir.UCD_SYSTEM;
    private static final String ITEM_SYSTEM = Fhir.ITEM_SYSTEM;
    private static final String CONSUMPTION = Fhir.CONSUMPTION_EXTENSION;
    static final String SHEET = "Déclaration";
    private static final String LISTING = "InventoryReport.inventoryListing";

    private final String finessEt;
    private final IsoWeek week;
    private final String itemId;
    private final String ucd;

    /**
     * @param ucd a UCD code of {@code itemId}
     */
    HostileBodies(String finessEt, String week, String itemId, String ucd) {
        this.finessEt = finessEt;
        this.week = IsoWeek.parse(week);
        this.itemId = itemId;
        this.ucd = ucd;
    }

    // ---------------------------------------------------------------- FHIR

    /** Monday of the week at 09:30 in Paris: a count of the week. */
    private String counted() {
        return week.monday() + "T09:30:00+01:00";
    }

    private Map<String, Object> report(String reported, List<Object> listings) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("resourceType", "InventoryReport");
        r.put("status", "active");
        r.put("countType", "snapshot");
        r.put("reportedDateTime", reported);
        r.put("inventoryListing", listings);
        return r;
    }

    private Map<String, Object> report(List<Object> listings) {
        return report(counted(), listings);
    }

    /** One listing: the item coded in a system, its quantity and consumption as JSON texts. */
    private Map<String, Object> listing(Object system, Object code, String quantity, String consumption) {
        Map<String, Object> coding = new LinkedHashMap<>();
        coding.put("system", system);
        coding.put("code", code);
        return listing(List.of(coding), quantity, consumption);
    }

    private Map<String, Object> listing(Object codings, String quantity, String consumption) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("extension", List.of(Map.of("url", CONSUMPTION, "valueDecimal", new HostileInput.Raw(consumption))));
        item.put("quantity", Map.of("value", new HostileInput.Raw(quantity)));
        item.put("item", Map.of("concept", Map.of("coding", codings)));
        Map<String, Object> listing = new LinkedHashMap<>();
        listing.put("location", Map.of("identifier", Map.of("system", Fhir.FINESS_SYSTEM, "value", finessEt)));
        listing.put("item", List.of(item));
        return listing;
    }

    private Map<String, Object> good() {
        return listing(ITEM_SYSTEM, itemId, "7", "1.5");
    }

    private static FhirBody fhir(String what, Object body, int status, String expect) {
        return new FhirBody(what, body instanceof String s ? s : HostileInput.json(body), status, expect);
    }

    private static Map<String, Object> with(Map<String, Object> report, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(report);
        copy.put(key, value);
        return copy;
    }

    /** The designed FHIR bodies: each one thing wrong, and where its OperationOutcome must point. */
    List<FhirBody> fhir() {
        Map<String, Object> ok = report(List.of(good()));
        String okText = HostileInput.json(ok);
        String at0 = LISTING + "[0].item[0]";
        String code0 = at0 + ".item.concept.coding[0].code";
        List<FhirBody> bodies = new ArrayList<>(List.of(
                fhir("not JSON", okText.substring(0, okText.length() / 2), 400, "not well-formed JSON"),
                fhir("trailing text", okText + " {}", 400, "goes on after its first value"),
                fhir("nested past the JSON reader's depth", "{\"resourceType\":\"InventoryReport\",\"extension\":"
                        + "[".repeat(5_000) + "]".repeat(5_000) + "}", 400, "not well-formed JSON"),
                fhir("a quantity nested 900 deep", report(List.of(listing(ITEM_SYSTEM, itemId,
                        "[".repeat(900) + "1" + "]".repeat(900), "1"))), 422, at0 + ".quantity.value"),
                fhir("50,000 listings (20 MB)", report(Collections.nCopies(50_000, good())), 422, "characters, more than"),
                fhir("1,001 listings", report(Collections.nCopies(1_001, good())), 422, "at most 1000 listings"),
                fhir("a property twice", okText.replace("\"status\":\"active\"",
                        "\"status\":\"active\",\"status\":\"entered-in-error\""), 400, "names 'status' twice"),
                fhir("a code of 2,000,000 characters", report(List.of(listing(ITEM_SYSTEM, "x".repeat(2_000_000), "1", "1"))),
                        422, code0),
                fhir("a Patient", with(ok, "resourceType", "Patient"), 422, "InventoryReport"),
                fhir("resourceType in lower case", with(ok, "resourceType", "inventoryreport"), 422, "InventoryReport"),
                fhir("resourceType a number", with(ok, "resourceType", 1), 422, "InventoryReport"),
                fhir("no resourceType", with(ok, "resourceType", null), 422, "InventoryReport"),
                fhir("the report in an array", List.of(ok), 422, "InventoryReport"),
                fhir("the report in a Bundle", Map.of("resourceType", "Bundle", "type", "collection",
                        "entry", List.of(Map.of("resource", ok))), 422, "InventoryReport"),
                fhir("status entered-in-error", with(ok, "status", "entered-in-error"), 422, "InventoryReport.status"),
                fhir("countType difference", with(ok, "countType", "difference"), 422, "InventoryReport.countType"),
                fhir("inventoryListing an object", with(ok, "inventoryListing", good()), 422, LISTING),
                fhir("no listing", report(List.of()), 422, LISTING),
                fhir("a null listing", report(Arrays.asList((Object) null)), 422, LISTING + "[0].item"),
                fhir("two items in a listing", report(List.of(with(good(), "item", List.of(
                        ((List<?>) good().get("item")).get(0), ((List<?>) good().get("item")).get(0))))), 422,
                        LISTING + "[0].item"),
                fhir("another PUI's location", report(List.of(with(good(), "location", Map.of("identifier",
                        Map.of("value", "2A0000022"))))), 422, LISTING + "[0].location.identifier.value"),
                fhir("a system of ATC codes", report(List.of(listing("http://www.whocc.no/atc", "L01XA01", "1", "1"))),
                        422, at0 + ".item.concept"),
                fhir("the UCD system with a trailing space", report(List.of(listing(UCD_SYSTEM + " ", ucd, "1", "1"))),
                        422, at0 + ".item.concept"),
                fhir("the UCD system in upper case", report(List.of(listing(UCD_SYSTEM.toUpperCase(), ucd, "1", "1"))),
                        422, at0 + ".item.concept"),
                fhir("a system that is a number", report(List.of(listing(new HostileInput.Raw("1"), ucd, "1", "1"))),
                        422, at0 + ".item.concept.coding[0].system"),
                fhir("a UCD code of 11 digits", report(List.of(listing(UCD_SYSTEM, "34008900999", "1", "1"))), 422, code0),
                fhir("a UCD code of no tracked item", report(List.of(listing(UCD_SYSTEM, "9999999", "1", "1"))), 422, code0),
                fhir("a UCD code as a number", report(List.of(listing(UCD_SYSTEM, new HostileInput.Raw(ucd), "1", "1"))),
                        422, code0),
                fhir("a UCD code with a control character", report(List.of(listing(UCD_SYSTEM, ucd + "\u0000", "1", "1"))),
                        422, code0),
                fhir("coding an object", report(List.of(listing(Map.of("system", UCD_SYSTEM, "code", ucd), "1", "1"))),
                        422, at0 + ".item.concept.coding"),
                fhir("no coding", report(List.of(listing(List.of(), "1", "1"))), 422, at0 + ".item.concept"),
                fhir("the item twice", report(List.of(good(), good())), 422, LISTING + "[1]"),
                fhir("the item twice, by its id and its UCD code", report(List.of(good(),
                        listing(UCD_SYSTEM, ucd, "1", "1"))), 422, LISTING + "[1]"),
                fhir("counted the Sunday before", report(week.monday().minusDays(1) + "T23:59:59+01:00", List.of(good())),
                        422, "InventoryReport.reportedDateTime"),
                fhir("counted in year 1", report("0001-01-01T00:00:00Z", List.of(good())), 422,
                        "InventoryReport.reportedDateTime"),
                fhir("counted after now", report("2099-12-31T23:59:59+01:00", List.of(good())), 422,
                        "InventoryReport.reportedDateTime"),
                fhir("counted in year +999999999", report("+999999999-12-31T23:59:59Z", List.of(good())), 422,
                        "InventoryReport.reportedDateTime"),
                fhir("counted without an offset", report(week.monday() + "T09:30:00", List.of(good())), 422,
                        "InventoryReport.reportedDateTime"),
                fhir("counted on 30 February", report(week.year() + "-02-30T09:30:00+01:00", List.of(good())), 422,
                        "InventoryReport.reportedDateTime"),
                fhir("reportedDateTime a number", with(ok, "reportedDateTime", 20_261_123), 422,
                        "InventoryReport.reportedDateTime"),
                fhir("a quantity of 1e100000", report(List.of(listing(ITEM_SYSTEM, itemId, "1e100000", "1"))), 422,
                        at0 + ".quantity.value"),
                fhir("a quantity of 2000 digits (as JSON: past the JSON reader's number length)", report(List.of(
                        listing(ITEM_SYSTEM, itemId, "1" + "0".repeat(2000), "1"))), 400, "not well-formed JSON"),
                fhir("a quantity of 1.5 units", report(List.of(listing(ITEM_SYSTEM, itemId, "1.5", "1"))), 422,
                        at0 + ".quantity.value"),
                fhir("a quantity as text", report(List.of(listing(ITEM_SYSTEM, itemId, "\"12\"", "1"))), 422,
                        at0 + ".quantity.value"),
                fhir("a consumption of 1e-100000", report(List.of(listing(ITEM_SYSTEM, itemId, "1", "1e-100000"))), 422,
                        at0 + ".extension('" + CONSUMPTION + "').valueDecimal")));
        return bodies;
    }

    /**
     * A report refused whatever else is in it (its item twice), with one hostile value at a place the
     * function reads.
     */
    FhirBody fhir(SplittableRandom random, Object hostile) {
        Map<String, Object> first = good();
        Map<String, Object> report = report(List.of(first, good()));
        String place = List.of("resourceType", "status", "countType", "reportedDateTime", "inventoryListing",
                "location", "item", "coding", "system", "code", "quantity", "consumption").get(random.nextInt(12));
        @SuppressWarnings("unchecked")
        Map<String, Object> item = new LinkedHashMap<>((Map<String, Object>) ((List<?>) first.get("item")).get(0));
        Map<String, Object> coding = new LinkedHashMap<>(Map.of("system", ITEM_SYSTEM, "code", itemId));
        switch (place) {
            case "resourceType", "status", "countType", "reportedDateTime", "inventoryListing" -> report.put(place, hostile);
            case "location" -> first.put("location", Map.of("identifier", Map.of("value", hostile)));
            case "item" -> first.put("item", hostile);
            case "coding" -> item.put("item", Map.of("concept", Map.of("coding", hostile)));
            case "system", "code" -> coding.put(place, hostile);
            case "quantity" -> item.put("quantity", Map.of("value", hostile));
            default -> item.put("extension", List.of(Map.of("url", CONSUMPTION, "valueDecimal", hostile)));
        }
        if (place.equals("system") || place.equals("code")) {
            item.put("item", Map.of("concept", Map.of("coding", List.of(coding))));
        }
        if (!place.equals("item")) {
            first.put("item", List.of(item));
        }
        return fhir("the item twice, and at " + place + " a hostile value", report, 422, null);
    }

    // ---------------------------------------------------------------- xlsx

    /**
     * The week's template as the function writes it (PUI in B1, week in B2, titles in row 4), with
     * the item in row 5: its stock and consumption as given (a Number, a String typed as text, null).
     */
    private byte[] template(Object stock, Object consumption) {
        List<Object> itemRow = Arrays.asList(itemId, ucd, "libellé", null, null, stock, consumption);
        return Workbooks.of(SHEET, List.of(List.of("finessEt", finessEt), List.of("week", week.toString()), List.of(),
                List.of("itemId", "Codes UCD", "Libellé", "Stock la semaine d’avant", "Consommation la semaine d’avant",
                        "stock", "averageDailyConsumption"), itemRow));
    }

    private static XlsxBody xlsx(String what, byte[] bytes, int status, String expect) {
        return new XlsxBody(what, bytes, status, expect);
    }

    /** The designed xlsx bodies: each one thing wrong, and what its problem+json must say. */
    List<XlsxBody> xlsx() {
        byte[] ok = template(7, 1.5);
        String row5 = "sheet '" + SHEET + "', row 5";
        List<XlsxBody> bodies = new ArrayList<>(List.of(
                xlsx("nothing", new byte[0], 400, "body"),
                xlsx("a CSV file", "itemId;stock;averageDailyConsumption\ncisplatine;1;1".getBytes(StandardCharsets.UTF_8),
                        422, "not a readable xlsx workbook"),
                xlsx("an .xls (OLE2) file", Arrays.copyOf(new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0,
                        (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1}, 512), 422, ".xls workbook"),
                xlsx("the first half of a workbook", Arrays.copyOf(ok, ok.length / 2), 422, "not a readable xlsx workbook"),
                xlsx("a workbook of 1 MiB and a byte", Arrays.copyOf(ok, 1_048_577), 422, "more than the 1048576"),
                xlsx("a zip bomb: one entry of 512 MiB of zeros, more than a call may allocate", bomb(1, 512 << 20), 422,
                        "unpacks to more than"),
                xlsx("a zip bomb: 5,000 entries of 8 KiB", bomb(5_000, 8 << 10), 422, "unpacks to more than"),
                xlsx("entities expanding to gigabytes (billion laughs)", Workbooks.edit(ok, "xl/worksheets/sheet1.xml",
                        xml -> doctype(laughs()) + xml.substring(xml.indexOf("?>") + 2)
                                .replaceFirst("<c r=\"A5\"[^>]*>.*?</c>", inline("A5", "&lol9;"))), 422, "xlsx"),
                xlsx("an external entity (a file of the server)", Workbooks.edit(ok, "xl/worksheets/sheet1.xml",
                        xml -> doctype("<!ENTITY xxe SYSTEM \"file:///etc/passwd\">") + xml.substring(xml.indexOf("?>") + 2)
                                .replaceFirst("<c r=\"A5\"[^>]*>.*?</c>", inline("A5", "&xxe;"))), 422, "xlsx"),
                xlsx("no sheet 'Déclaration'", Workbooks.edit(ok, "xl/workbook.xml", xml -> xml.replace("D&#xe9;claration", "Feuil1")),
                        422, "sheet '" + SHEET + "' is missing"),
                xlsx("no item filled", template(null, null), 422, "sheet '" + SHEET + "'"),
                xlsx("no row of titles", Workbooks.edit(ok, "xl/worksheets/sheet1.xml", xml -> xml.replaceFirst(
                        "<row r=\"4\">.*?</row>", "")), 422, "no row of titles"),
                xlsx("the template of another PUI", Workbooks.of(SHEET, List.of(List.of("finessEt", "2A0000022"),
                        List.of("week", week.toString()), List.of(), List.of("itemId", "stock", "averageDailyConsumption"),
                        List.of(itemId, 1, 1))), 422, "cell B1"),
                xlsx("a formula without its value", cell(ok, "F5", "<c r=\"F5\"><f>1+1</f></c>"), 422, row5 + ", column F"),
                xlsx("a formula's error", cell(ok, "F5", "<c r=\"F5\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>"), 422,
                        row5 + ", column F"),
                xlsx("a formula as the item", cell(ok, "A5", "<c r=\"A5\" t=\"str\"><f>HYPERLINK(\"http://x\",\"a\")</f></c>"),
                        422, row5 + ", column A"),
                xlsx("a boolean stock", cell(ok, "F5", "<c r=\"F5\" t=\"b\"><v>1</v></c>"), 422, row5 + ", column F"),
                xlsx("a number past a double's range", cell(ok, "F5", "<c r=\"F5\"><v>1e400</v></c>"), 422, row5 + ", column F"),
                xlsx("a stock typed as 12abc", template("12abc", 1), 422, row5 + ", column F"),
                xlsx("the item with a zero-width space", cell(ok, "A5", inline("A5", itemId + "\u200B")), 422,
                        row5 + ", column A"),
                xlsx("a control character, which XML 1.0 has no way to write", cell(ok, "A5", inline("A5",
                        itemId + "&#x1b;")), 422, "not a readable xlsx workbook"),
                xlsx("an item of 32,767 characters", cell(ok, "A5", inline("A5", "x".repeat(32_767))), 422,
                        row5 + ", column A"),
                xlsx("the item in two rows", Workbooks.of(SHEET, List.of(List.of("finessEt", finessEt),
                        List.of("week", week.toString()), List.of(), List.of("itemId", "stock", "averageDailyConsumption"),
                        List.of(itemId, 1, 1), List.of(itemId, 2, 2))), 422, "sheet '" + SHEET + "', row 6, column A"),
                xlsx("1,001 items filled", Workbooks.of(SHEET, manyRows(1_001)), 422, "more than 1000 items"),
                xlsx("a row numbered past the sheet's last", Workbooks.edit(ok, "xl/worksheets/sheet1.xml", xml -> xml
                        .replace("<row r=\"5\"", "<row r=\"99999999999\"").replace("r=\"A5\"", "r=\"A99999999999\"")
                        .replace("r=\"F5\"", "r=\"F99999999999\"").replace("r=\"G5\"", "r=\"G99999999999\"")), 422, "xlsx"),
                xlsx("a cell past the last column", cell(ok, "F5", "<c r=\"ZZZZZZZZ5\"><v>1</v></c>"), 422, "xlsx"),
                xlsx("a cell reference that is not one", cell(ok, "F5", "<c r=\"5F\"><v>1</v></c>"), 422, "xlsx"),
                xlsx("a cell placed in another row than its own", cell(ok, "F5", "<c r=\"F3\"><v>1</v></c>"), 422,
                        row5 + ", column F: the cell says it is F3")));
        return bodies;
    }

    /** The header rows, then {@code n} rows filled (more than a declaration holds). */
    private List<List<Object>> manyRows(int n) {
        List<List<Object>> rows = new ArrayList<>(List.of(List.of("finessEt", finessEt), List.of("week", week.toString()),
                List.of(), List.of("itemId", "stock", "averageDailyConsumption")));
        for (int i = 0; i < n; i++) {
            rows.add(List.of("item-" + i, 1, 1));
        }
        return rows;
    }

    /**
     * A template refused whatever else is in it (a stock of -1), corrupted: bytes changed, cut short,
     * or a hostile text in the cell of the PUI, the week, the item or the consumption.
     */
    XlsxBody xlsx(SplittableRandom random, String hostile) {
        byte[] bad = template(-1, 1.5);
        return switch (random.nextInt(3)) {
            case 0 -> {
                byte[] flipped = bad.clone();
                int n = 1 + random.nextInt(8);
                for (int i = 0; i < n; i++) {
                    flipped[random.nextInt(flipped.length)] ^= (byte) (1 + random.nextInt(255));
                }
                yield xlsx(n + " bytes changed", flipped, 422, null);
            }
            case 1 -> {
                int length = random.nextInt(bad.length);
                yield xlsx("cut at byte " + length, Arrays.copyOf(bad, length), length == 0 ? 400 : 422, null);
            }
            default -> {
                String ref = List.of("B1", "B2", "A5", "G5").get(random.nextInt(4));
                yield xlsx("in " + ref + " a hostile text", cell(bad, ref, inline(ref, escape(hostile))), 422, null);
            }
        };
    }

    private static String escape(String text) {
        StringBuilder s = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> s.append("&lt;");
                case '&' -> s.append("&amp;");
                case '>' -> s.append("&gt;");
                default -> s.append(c < 0x20 || Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF
                        ? "_x" + String.format("%04X", (int) c) + "_" : String.valueOf(c)); // as Excel escapes them
            }
        }
        return s.toString();
    }

    private static String inline(String ref, String text) {
        return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
    }

    private static String doctype(String entities) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE worksheet [" + entities + "]>";
    }

    private static String laughs() {
        StringBuilder s = new StringBuilder("<!ENTITY lol0 \"lollollollollollollollollollol\">");
        for (int i = 1; i <= 9; i++) {
            s.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        return s.toString();
    }

    /** The workbook with the cell at {@code ref} (written or empty) replaced by this XML. */
    private static byte[] cell(byte[] xlsx, String ref, String cellXml) {
        return Workbooks.edit(xlsx, "xl/worksheets/sheet1.xml", xml -> {
            String replaced = xml.replaceFirst("<c r=\"" + ref + "\"[^>]*?(/>|>.*?</c>)", java.util.regex.Matcher
                    .quoteReplacement(cellXml));
            if (replaced.equals(xml)) {
                throw new IllegalStateException("no cell " + ref + " in the template");
            }
            return replaced;
        });
    }

    /** A zip of {@code count} entries of {@code size} zeros each: small, and unpacking to far more. */
    private static byte[] bomb(int count, int size) {
        byte[] zeros = new byte[Math.min(size, 1 << 20)];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(9);
            for (int i = 0; i < count; i++) {
                zip.putNextEntry(new ZipEntry("xl/worksheets/sheet" + (i + 1) + ".xml"));
                for (int written = 0; written < size; written += zeros.length) {
                    zip.write(zeros);
                }
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
