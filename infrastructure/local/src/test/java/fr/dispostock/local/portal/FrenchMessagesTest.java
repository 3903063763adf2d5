package fr.dispostock.local.portal;

import fr.dispostock.domain.Dates;
import fr.dispostock.domain.IsoWeek;
import fr.dispostock.embedded.Workbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The API answers in English (its contract with hospital software); a pharmacist reads French. The
 * routes behind the pharmacist's screens (PUI, declaration by grid and CSV, lots, orders, histories)
 * are sent every kind of bad request they refuse, and each message they answer goes through the
 * portal's own translation (js/messages.js, in the browser): none may fall back to the generic
 * sentence, which would mean a message the portal does not know.
 */
class FrenchMessagesTest {
    @RegisterExtension
    static final PortalBrowser portal = new PortalBrowser();
    static final String ET = "010000099"; // CH de Meximieux: no other journey touches it (they share one platform)
    static final String EJ = "010780120";
    static final String FALLBACK = "n’est pas acceptée par Dispostock\u00A0: vérifiez cette valeur"; // as messages.js writes it, no-break space

    /** What the routes answered: the messages of 422s' fields, and the details of other refusals. */
    private final Set<String> messages = new LinkedHashSet<>();
    private final Set<String> details = new LinkedHashSet<>();
    private String token;

    private PortalBrowser.Answer send(String method, String path, String json, Map<String, String> headers) {
        return collect(portal.callWith(method, path, token, json, headers), method + " " + path);
    }

    private PortalBrowser.Answer collect(PortalBrowser.Answer a, String request) {
        assertTrue(a.status() >= 400, () -> request + " was accepted: " + a.body());
        List<?> errors = (List<?>) a.json().getOrDefault("errors", List.of());
        for (Object e : errors) {
            messages.add((String) ((Map<?, ?>) e).get("message"));
        }
        if (errors.isEmpty()) {
            details.add((String) a.json().get("detail"));
        }
        return a;
    }

    private void sendFile(String path, byte[] file, Map<String, String> headers) {
        collect(portal.callWithFile("PUT", path, token, file, headers), "PUT " + path);
    }

    private void send(String method, String path, String json) {
        send(method, path, json, Map.of());
    }

    private static String lines(String... lines) {
        return "{\"lines\":[" + String.join(",", lines) + "]}";
    }

    @Test
    void every_refusal_of_the_pharmacists_routes_reads_in_french_in_the_portal() {
        // given a pharmacist of Meximieux, named by his e-mail as the local identity platform does
        token = portal.token("{\"roles\":[\"PHARMACIST\"],\"finessEj\":[\"" + EJ + "\"],\"email\":\"pharmacien@dispostock.invalid\"}");
        IsoWeek week = IsoWeek.of(LocalDate.now(Dates.PARIS));
        String declaration = "/v1/puis/" + ET + "/declarations/" + week;
        String item = (String) ((Map<?, ?>) ((List<?>) portal.callWith("GET", declaration + "/expected", token, null, Map.of())
                .json().get("items")).get(0)).get("itemId");
        LocalDate thursday = LocalDate.now(Dates.PARIS).with(TemporalAdjusters.previousOrSame(DayOfWeek.THURSDAY)).minusWeeks(3);
        String lots = "/v1/puis/" + ET + "/state-stock/" + thursday;

        // when every kind of bad request is sent to the routes of the PUI, declaration, lots and orders screens
        send("PUT", "/v1/puis/" + ET + "/declarations/" + week.next(), lines());
        send("PUT", declaration, lines("{}", "null"));
        send("PUT", declaration, lines("{\"itemId\":\"UNKNOWN-ITEM\",\"stock\":-1,\"averageDailyConsumption\":-1}",
                "{\"itemId\":\"" + item + "\",\"stock\":1.5,\"averageDailyConsumption\":1.23456}",
                "{\"itemId\":\"" + item + "\",\"stock\":1,\"averageDailyConsumption\":1e12}"));
        Map<String, String> csv = Map.of("Content-Type", "text/csv");
        send("PUT", declaration, "", csv);
        send("PUT", declaration, "itemId;libelle\n" + item + ";x\n", csv);
        send("PUT", declaration, "itemId;stock;averageDailyConsumption\n" + item + ";abc;\n" + item + ";" + "9".repeat(60)
                + ";1\n" + item + ";1\u0007;1\n", csv);
        // the same week as an xlsx workbook: bad cells, another PUI's or week's, no sheet, no titles, not xlsx
        Map<String, String> xlsx = Map.of("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        String spreadsheet = declaration + "/spreadsheet";
        List<Object> titles = List.of("itemId", "stock", "averageDailyConsumption");
        sendFile(spreadsheet, Workbooks.of("Déclaration", List.of(List.of("finessEt", ET), List.of("week", week.toString()),
                List.of(), titles, List.of(item, -1, "abc"), List.of("UNKNOWN-ITEM", 1.5, 1e12))), xlsx);
        sendFile(spreadsheet, Workbooks.of("Déclaration", List.of(List.of("finessEt", "010000024"),
                List.of("week", week.previous().toString()), List.of(), titles, List.of(item, 1, 1))), xlsx);
        sendFile(spreadsheet, Workbooks.of("Déclaration", List.of(List.of(), List.of(), List.of(), titles, List.of(item, 1, 1))), xlsx);
        sendFile(spreadsheet, Workbooks.of("Feuil1", List.of(titles)), xlsx);
        sendFile(spreadsheet, Workbooks.of("Déclaration", List.of(List.of("itemId", "stock"))), xlsx);
        sendFile(spreadsheet, Workbooks.of("Déclaration", List.of(List.of("finessEt", ET))), xlsx);
        sendFile(spreadsheet, "itemId;stock\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), xlsx);
        sendFile(spreadsheet, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1}, xlsx);
        sendFile(spreadsheet, new byte[2_000_000], xlsx);
        send("PUT", "/v1/puis/" + ET + "/declarations/2026-W99", lines());
        send("PUT", "/v1/puis/" + ET + "/declarations/3026-W01", lines());
        send("GET", declaration + "/history?limit=0&cursor=nope", null);
        send("PUT", "/v1/puis/" + ET + "/state-stock/" + thursday.plusDays(4), lines());
        send("PUT", "/v1/puis/" + ET + "/state-stock/" + thursday.plusWeeks(5), lines());
        send("PUT", "/v1/puis/" + ET + "/state-stock/2026-13-45", lines());
        send("PUT", "/v1/puis/" + ET + "/state-stock/1999-12-30", lines());
        String soon = thursday.plusDays(100).toString();
        String gone = thursday.minusDays(10).toString();
        send("PUT", lots, lines("{}",
                "{\"productCode\":\"SYRINGE-1ML\",\"lot\":\"A1\",\"expiry\":\"" + soon + "\",\"quantity\":1}",
                "{\"productCode\":\"MPOX-MVA-BN\",\"lot\":\"OLD\",\"expiry\":\"" + gone + "\",\"quantity\":5}",
                "{\"productCode\":\"MPOX-MVA-BN\",\"lot\":\"NEW\",\"expiry\":\"" + soon + "\",\"quantity\":5,\"expired\":true}",
                "{\"productCode\":\"MPOX-MVA-BN\",\"lot\":\"NEW\",\"expiry\":\"" + soon + "\",\"quantity\":5}",
                "{\"productCode\":\"MPOX-MVA-BN\",\"lot\":\"" + "L".repeat(300) + "\",\"expiry\":\"20-11-2026\",\"quantity\":5}",
                "{\"productCode\":\"MPOX-MVA-BN\",\"lot\":\"L\\u202eX\",\"expiry\":\"" + soon + "\",\"quantity\":-5}"));
        send("PUT", lots, lines());
        send("POST", "/v1/orders", "{\"finessEt\":\"123\",\"lines\":[]}");
        send("POST", "/v1/orders", "{\"finessEt\":\"010000025\",\"lines\":[]}", Map.of("Idempotency-Key", "key-0000001"));
        send("POST", "/v1/orders", "{\"finessEt\":\"" + ET + "\",\"lines\":[]}", Map.of("Idempotency-Key", "key-0000002"));
        send("POST", "/v1/orders", "{\"finessEt\":\"" + ET + "\",\"lines\":[{\"productCode\":\"NOPE\",\"quantity\":1},"
                + "{\"productCode\":\"MPOX-MVA-BN\",\"quantity\":3},{\"productCode\":\"MPOX-MVA-BN\",\"quantity\":40}]}",
                Map.of("Idempotency-Key", "key-0000003"));
        String order = "{\"finessEt\":\"" + ET + "\",\"lines\":[{\"productCode\":\"MPOX-MVA-BN\",\"quantity\":20}]}";
        PortalBrowser.Answer placed = portal.callWith("POST", "/v1/orders", token, order, Map.of("Idempotency-Key", "key-0000004"));
        assertEquals(201, placed.status(), placed.body());
        send("POST", "/v1/orders", order.replace(":20", ":40"), Map.of("Idempotency-Key", "key-0000004"));
        String orderId = (String) placed.json().get("orderId");
        assertEquals(200, portal.callWith("POST", "/v1/orders/" + orderId + "/cancel", token, null, Map.of()).status());
        send("POST", "/v1/orders/" + orderId + "/cancel", null);
        send("GET", "/v1/orders/ORD-20260101-NOTHERE", null);
        PortalBrowser.Answer pui = portal.callWith("GET", "/v1/puis/" + ET, token, null, Map.of());
        send("PUT", "/v1/puis/" + ET, "{\"finessEt\":\"010000032\",\"finessEj\":\"690781810\",\"email\":\"nope\",\"phone\":\"abc\","
                + "\"deliveryAddress\":{\"line1\":\"1 rue\",\"postalCode\":\"1234\",\"city\":\"Bourg\"}}", Map.of("If-Match", pui.etag()));
        send("PUT", "/v1/puis/" + ET, "{\"email\":\"" + "a".repeat(300) + "@x.fr\"}", Map.of("If-Match", pui.etag()));
        send("PUT", "/v1/puis/" + ET, "{\"email\":\"a@x.fr\",\"deliveryAddress\":{\"line1\":\"1 rue\",\"postalCode\":\"01000\","
                + "\"city\":\"Bourg\"}}", Map.of("If-Match", "version three"));
        send("PUT", "/v1/puis/" + ET, "{\"email\":\"a@x.fr\",\"deliveryAddress\":{\"line1\":\"1 rue\",\"postalCode\":\"01000\","
                + "\"city\":\"Bourg\"}}", Map.of("If-Match", "\"999\""));

        // then the portal has French for every message and for every detail it shows
        portal.open("/index.html");
        portal.waitFor(By.id("contenu"));
        @SuppressWarnings("unchecked")
        List<List<String>> french = (List<List<String>>) portal.js().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/js/messages.js').then((m) => done([arguments[0].map(m.inFrench), arguments[1].map(m.detailInFrench)]));""",
                new ArrayList<>(messages), new ArrayList<>(details));
        List<String> untranslated = new ArrayList<>();
        List<String> fields = new ArrayList<>(messages);
        for (int i = 0; i < fields.size(); i++) {
            if (french.get(0).get(i).equals(FALLBACK)) {
                untranslated.add(fields.get(i));
            }
        }
        assertTrue(untranslated.isEmpty(), () -> "messages the portal cannot put in French:\n" + String.join("\n", untranslated));
        assertTrue(messages.size() > 40, () -> "too few messages to say anything: " + messages);
        List<String> refused = new ArrayList<>(details);
        for (int i = 0; i < refused.size(); i++) {
            // a week of the address refused has no field to show its message on: its detail must be French
            if (refused.get(i).startsWith("week ")) {
                assertTrue(french.get(1).get(i).startsWith("La semaine") || french.get(1).get(i).startsWith("L’année"),
                        refused.get(i) + " -> " + french.get(1).get(i));
            }
        }
        assertTrue(french.get(1).contains("La commande " + orderId + " est annulée\u00A0: cette action n’est plus possible. Rechargez la page."),
                String.valueOf(french.get(1)));
    }
}
