package fr.dispostock.local.portal;

import fr.dispostock.domain.Dates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The authorities read French too. The routes behind their screens (establishments and the FINESS
 * import, medicines, instructions, order review and shipment, completeness and its exports, campaigns, reminder
 * runs) are sent every kind of bad request they refuse; each field message, each detail of a refusal
 * without fields (403, 404, 409, 412…) and each reason the FINESS import gives for a rejected line
 * goes through the portal's translation (js/messages.js, in the browser), and none may be left
 * without its French.
 */
class AuthorityMessagesTest {
    @RegisterExtension
    static final PortalBrowser portal = new PortalBrowser();
    // CH de Meximieux (Ain, Auvergne-Rhône-Alpes): this class has its own copy of the seeded platform
    static final String ET = "010000099";
    static final String EJ = "010780120";
    static final String FALLBACK = "n’est pas acceptée par Dispostock\u00A0: vérifiez cette valeur"; // as messages.js writes it, no-break space

    private final Set<String> messages = new LinkedHashSet<>();
    private final Set<String> details = new LinkedHashSet<>();
    private final Set<String> reasons = new LinkedHashSet<>();

    private static String token(String role, String region) {
        return portal.token("{\"roles\":[\"" + role + "\"]" + (region == null ? "" : ",\"region\":\"" + region + "\"")
                + (role.equals("PHARMACIST") ? ",\"finessEj\":[\"" + EJ + "\"]" : "") + ",\"email\":\"" + role.toLowerCase() + "@dispostock.invalid\"}");
    }

    /** Sends a request that must be refused and keeps what the refusal says. */
    private void refused(String token, String method, String path, String body, Map<String, String> headers) {
        PortalBrowser.Answer a = portal.callWith(method, path, token, body, headers);
        assertTrue(a.status() >= 400, () -> method + " " + path + " was accepted: " + a.body());
        List<?> errors = (List<?>) a.json().getOrDefault("errors", List.of());
        errors.forEach(e -> messages.add((String) ((Map<?, ?>) e).get("message")));
        if (errors.isEmpty()) {
            details.add(a.status() + " " + method + " " + path + "\t" + a.json().get("detail"));
        }
    }

    private void refused(String token, String method, String path, String body) {
        refused(token, method, path, body, Map.of());
    }

    /** Imports a FINESS extract that must be taken line by line, and keeps the reason of each rejected line. */
    private void imported(String token, String csv) {
        PortalBrowser.Answer a = portal.callWith("POST", "/v1/establishments/import", token, csv, Map.of("Content-Type", "text/csv"));
        assertEquals(200, a.status(), a.body());
        ((List<?>) a.json().get("rejected")).forEach(r -> reasons.add((String) ((Map<?, ?>) r).get("reason")));
    }

    /** The seed's FINESS extract: its header first, then its lines. */
    private static List<String> seed() throws IOException {
        try (InputStream in = AuthorityMessagesTest.class.getClassLoader().getResourceAsStream("seed/finess.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    private static String seedLine(List<String> seed, String prefix) {
        return seed.stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
    }

    /** Translates in the browser, with messages.js: [field messages, details, import reasons]. */
    @SuppressWarnings("unchecked")
    private List<List<String>> inFrench(List<String> fields, List<String> refusals, List<String> lines) {
        portal.open("/index.html");
        portal.waitFor(By.id("contenu"));
        return (List<List<String>>) portal.js().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/js/messages.js').then((m) => done([arguments[0].map(m.inFrench), arguments[1].map(m.detailInFrench),
                  arguments[2].map(m.inFrench)]));""", fields, refusals, lines);
    }

    @Test
    void every_refusal_of_the_authorities_routes_reads_in_french_in_the_portal() throws IOException {
        // given the authorities of Auvergne-Rhône-Alpes and Bretagne, the national operator, the supplier and a pharmacist
        String ars = token("ARS", "84");
        String otherArs = token("ARS", "53");
        String omedit = token("OMEDIT", "84");
        String national = token("NATIONAL", null);
        String supplier = token("SUPPLIER", null);
        String pharmacist = token("PHARMACIST", null);
        LocalDate today = LocalDate.now(Dates.PARIS);

        // when the establishments' routes and the FINESS import are sent what they refuse
        refused(ars, "GET", "/v1/establishments?region=53", null);
        refused(national, "GET", "/v1/establishments?region=99", null);
        refused(pharmacist, "GET", "/v1/establishments?region=84", null);
        refused(otherArs, "GET", "/v1/establishments/" + EJ, null);
        refused(otherArs, "GET", "/v1/establishments/" + EJ + "/audit", null);
        refused(ars, "GET", "/v1/establishments/010780121", null);
        refused(ars, "GET", "/v1/establishments/010789999", null);
        List<String> seed = seed();
        String header = seed.get(0);
        String meximieux = seedLine(seed, ET);
        String rennes = seedLine(seed, "35");
        refused(omedit, "POST", "/v1/establishments/import", header + "\n" + meximieux, Map.of("Content-Type", "text/csv"));
        refused(ars, "POST", "/v1/establishments/import", "", Map.of("Content-Type", "text/csv"));
        refused(ars, "POST", "/v1/establishments/import", "nofinesset;rs\n" + ET + ";x\n", Map.of("Content-Type", "text/csv"));
        imported(ars, String.join("\n", header, meximieux, meximieux, rennes,
                meximieux.replaceFirst("^010000099", "010000098"), meximieux.replaceFirst("^010000099;010780120", "010000099;010780121"),
                meximieux.replace(";84;", ";53;"), meximieux.replaceFirst("^010000099", "0100000XX"), "010000099;;;;")
                + "\n");

        // and the medicines' and instructions' routes
        refused(ars, "GET", "/v1/medicines?activeOn=2026-13-45&region=99", null);
        refused(ars, "GET", "/v1/medicines/NO-SUCH-ITEM", null);
        refused(ars, "GET", "/v1/medicines/NO-SUCH-ITEM/audit", null);
        refused(omedit, "PUT", "/v1/medicines/ESSAI-OMEDIT", "{\"itemId\":\"ESSAI-OMEDIT\",\"label\":\"x\",\"ucds\":[\"9400001\"],"
                + "\"priority\":{\"level\":\"REGIONAL\",\"regions\":[\"84\"]},\"trackingStart\":\"" + today + "\"}");
        refused(ars, "PUT", "/v1/medicines/ESSAI-NATIONAL", "{\"itemId\":\"ESSAI-NATIONAL\",\"label\":\"x\",\"ucds\":[\"9400001\"],"
                + "\"priority\":{\"level\":\"NATIONAL\",\"regions\":[]},\"trackingStart\":\"" + today + "\"}");
        refused(ars, "PUT", "/v1/medicines/ESSAI-53", "{\"itemId\":\"ESSAI-53\",\"label\":\"x\",\"ucds\":[\"9400001\"],"
                + "\"priority\":{\"level\":\"REGIONAL\",\"regions\":[\"53\"]},\"trackingStart\":\"" + today + "\"}");
        refused(national, "PUT", "/v1/medicines/ESSAI-1", "{}");
        refused(national, "PUT", "/v1/medicines/ESSAI-2", "{\"itemId\":\"AUTRE\",\"label\":\"" + "L".repeat(400) + "\",\"ucds\":[\"12\",\"3400812345678\","
                + "\"3400912345678\",\"9400001\",\"9400001\"],\"priority\":{\"level\":\"SOMETIMES\",\"regions\":[\"99\"]},"
                + "\"trackingStart\":\"2026-02-30\",\"trackingEnd\":\"2020-01-01\"}");
        refused(national, "PUT", "/v1/medicines/ESSAI-3", "{\"itemId\":\"ESSAI-3\",\"label\":\"x\",\"ucds\":[],"
                + "\"priority\":{\"level\":\"REGIONAL\",\"regions\":[]},\"trackingStart\":\"" + today + "\",\"trackingEnd\":\"" + today.minusDays(3) + "\"}");
        refused(national, "GET", "/v1/medicines?activeOn=nope", null);
        refused(national, "PUT", "/v1/instructions/essai-1", "{}");
        refused(national, "PUT", "/v1/instructions/essai-2", "{\"title\":\"" + "T".repeat(400) + "\",\"body\":\"\",\"region\":\"99\","
                + "\"validFrom\":\"demain\",\"validTo\":\"2020-01-01\"}");
        refused(national, "PUT", "/v1/instructions/essai-3", "{\"title\":\"t\",\"body\":\"b\",\"validFrom\":\"" + today + "\",\"validTo\":\""
                + today.minusDays(1) + "\"}");
        refused(ars, "PUT", "/v1/instructions/essai-4", "{\"title\":\"t\",\"body\":\"b\",\"region\":\"53\",\"validFrom\":\"" + today + "\"}");
        refused(ars, "PUT", "/v1/instructions/essai-5", "{\"title\":\"t\",\"body\":\"b\",\"validFrom\":\"" + today + "\"}");
        refused(omedit, "PUT", "/v1/instructions/essai-6", "{\"title\":\"t\",\"body\":\"b\",\"region\":\"84\",\"validFrom\":\"" + today + "\"}");
        refused(ars, "GET", "/v1/instructions/no-such-instruction", null);
        refused(ars, "GET", "/v1/instructions?region=99", null);
        refused(national, "PUT", "/v1/instructions/essai-7", "{\"title\":\"t\",\"body\":\"b\",\"validFrom\":\"" + today + "\"}", Map.of("If-Match", "\"7\""));

        // and the review and shipment of an order of Meximieux
        String order = "{\"finessEt\":\"" + ET + "\",\"lines\":[{\"productCode\":\"TECOVIRIMAT-200\",\"quantity\":84}]}";
        PortalBrowser.Answer placed = portal.callWith("POST", "/v1/orders", pharmacist, order, Map.of("Idempotency-Key", "essai-" + UUID.randomUUID()));
        assertEquals(201, placed.status(), placed.body());
        String orderId = (String) placed.json().get("orderId");
        String review = "/v1/orders/" + orderId + "/review";
        String shipments = "/v1/orders/" + orderId + "/shipments";
        refused(ars, "GET", "/v1/orders?region=53&status=SUBMITTED", null);
        refused(ars, "GET", "/v1/orders?region=84&status=LOST", null);
        refused(ars, "GET", "/v1/orders/ORD-20260101-NOTHERE/delivery", null);
        refused(otherArs, "POST", review, "{\"lines\":[{\"productCode\":\"TECOVIRIMAT-200\",\"approvedQuantity\":84}]}");
        refused(ars, "POST", "/v1/orders/ORD-20260101-NOTHERE/review", "{\"lines\":[]}");
        refused(ars, "POST", review, "{}");
        refused(ars, "POST", review, "{\"lines\":[{\"productCode\":\"TECOVIRIMAT-200\",\"approvedQuantity\":200},"
                + "{\"productCode\":\"MPOX-MVA-BN\",\"approvedQuantity\":-1},{\"productCode\":\"TECOVIRIMAT-200\",\"approvedQuantity\":42}]}");
        refused(ars, "POST", review, "{\"lines\":[{\"productCode\":\"TECOVIRIMAT-200\",\"approvedQuantity\":42}]}");
        refused(supplier, "POST", shipments, "{\"shippedOn\":\"" + today + "\",\"lines\":[{\"productCode\":\"TECOVIRIMAT-200\",\"lot\":\"L1\","
                + "\"expiry\":\"2030-01-31\",\"quantity\":42}]}");
        PortalBrowser.Answer approved = portal.call("POST", review, ars,
                "{\"lines\":[{\"productCode\":\"TECOVIRIMAT-200\",\"approvedQuantity\":42,\"reason\":\"stock limité\"}]}", null);
        assertEquals(200, approved.status(), approved.body());
        refused(ars, "POST", review, "{\"lines\":[{\"productCode\":\"TECOVIRIMAT-200\",\"approvedQuantity\":84}]}");
        refused(ars, "POST", shipments, "{\"shippedOn\":\"" + today + "\",\"lines\":[]}");
        refused(supplier, "POST", "/v1/orders/ORD-20260101-NOTHERE/shipments", "{\"shippedOn\":\"" + today + "\",\"lines\":[]}");
        refused(supplier, "POST", shipments, "{}");
        refused(supplier, "POST", shipments, "{\"shippedOn\":\"" + today.plusDays(3) + "\",\"lines\":[{\"productCode\":\"TECOVIRIMAT-200\","
                + "\"lot\":\"L1\",\"expiry\":\"" + today.minusDays(3) + "\",\"quantity\":84},{\"productCode\":\"MPOX-MVA-BN\",\"lot\":\"\","
                + "\"expiry\":\"31/01/2030\",\"quantity\":0}]}");

        // and the completeness, campaigns and reminder runs
        refused(ars, "GET", "/v1/declarations/completeness?week=2026-W99&by=departement&region=84", null);
        refused(ars, "GET", "/v1/declarations/completeness?week=semaine&by=canton&region=84", null);
        refused(ars, "GET", "/v1/declarations/completeness?week=2026-W10&by=departement&region=53", null);
        refused(pharmacist, "GET", "/v1/declarations/completeness?week=2026-W10&by=region", null);
        // their CSV and xlsx exports
        refused(ars, "GET", "/v1/exports/completeness?week=2026-W10&format=pdf", null);
        refused(ars, "GET", "/v1/exports/non-declarers?week=semaine&departement=99&format=csv", null);
        refused(ars, "GET", "/v1/exports/non-declarers?week=2026-W10&region=53", null);
        refused(ars, "GET", "/v1/exports/stock?itemId=nope&week=2026-W10&format=xlsx", null);
        refused(pharmacist, "GET", "/v1/exports/stock?week=2026-W10", null);
        refused(omedit, "POST", "/v1/campaigns", "{\"subject\":\"s\",\"bodyText\":\"t\",\"audience\":{\"type\":\"ALL\"}}");
        refused(ars, "POST", "/v1/campaigns", "{\"subject\":\"s\",\"bodyText\":\"t\",\"audience\":{\"type\":\"REGION\",\"region\":\"53\"}}");
        refused(ars, "POST", "/v1/campaigns", "{\"subject\":\"s\",\"bodyText\":\"t\",\"audience\":{\"type\":\"ALL\"}}");
        refused(national, "POST", "/v1/campaigns", "{}");
        refused(national, "POST", "/v1/campaigns", "{\"subject\":\"" + "S".repeat(400) + "\",\"bodyText\":\"\",\"bodyHtml\":\"<script>x</script>\","
                + "\"audience\":{\"type\":\"SOME\",\"region\":\"99\",\"week\":\"2026-W99\"}}");
        refused(national, "POST", "/v1/campaigns", "{\"subject\":\"s\",\"bodyText\":\"t\",\"audience\":{\"type\":\"NON_DECLARERS\"}}");
        refused(national, "POST", "/v1/campaigns", "{\"subject\":\"s\",\"bodyText\":\"t\",\"audience\":{\"type\":\"REGION\"}}");
        refused(national, "POST", "/v1/campaigns/no-such-campaign/send", null);
        refused(national, "GET", "/v1/campaigns/no-such-campaign", null);
        refused(national, "GET", "/v1/campaigns?limit=0&cursor=nope", null);
        refused(national, "GET", "/v1/reminder-runs?since=hier", null);
        refused(ars, "GET", "/v1/reminder-runs?since=" + today.minusDays(7), null);

        // then the portal has French for every field message, every detail and every rejected line's reason
        List<String> fields = new ArrayList<>(messages);
        List<String> refusals = details.stream().map(d -> d.substring(d.indexOf('\t') + 1)).toList();
        List<String> lines = new ArrayList<>(reasons);
        List<List<String>> french = inFrench(fields, refusals, lines);
        List<String> untranslated = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            if (french.get(0).get(i).equals(FALLBACK)) {
                untranslated.add("field: " + fields.get(i));
            }
        }
        List<String> said = new ArrayList<>(details);
        for (int i = 0; i < said.size(); i++) {
            if (french.get(1).get(i).isEmpty()) {
                untranslated.add("detail: " + said.get(i));
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            if (french.get(2).get(i).equals(FALLBACK)) {
                untranslated.add("import: " + lines.get(i));
            }
        }
        assertTrue(untranslated.isEmpty(), () -> untranslated.size() + " messages the portal cannot put in French:\n" + String.join("\n", untranslated));
        assertTrue(fields.size() > 25 && said.size() > 20 && lines.size() > 4,
                () -> "too few refusals to say anything: " + fields.size() + " fields, " + said.size() + " details, " + lines.size() + " lines");
    }
}
