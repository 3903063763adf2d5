package fr.dispostock.declarations;

import fr.dispostock.declarations.DeclarationViews.LineView;
import fr.dispostock.domain.Dates;
import fr.dispostock.domain.Finess;
import fr.dispostock.domain.InvalidValueException;
import fr.dispostock.domain.IsoWeek;
import fr.dispostock.domain.Limits;
import fr.dispostock.domain.Ucd;
import fr.dispostock.domain.Violations;
import fr.dispostock.platform.fhir.Fhir;
import fr.dispostock.platform.fhir.FhirElement;
import fr.dispostock.platform.fhir.InventoryReports;
import io.micronaut.json.tree.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A weekly declaration as a FHIR R5 InventoryReport, both ways (the table of README.md): a
 * snapshot count, one inventoryListing per item, the item coded by its UCD code (or its Dispostock
 * item id), its stock as the quantity and its average daily consumption as an extension.
 */
final class FhirDeclarations {
    private static final String LISTING = "InventoryReport.inventoryListing";

    /**
     * What was read: the lines as the rules take them, and where each of their JSON pointers lies
     * in the body sent.
     */
    record Read(List<DeclarationBody.LineBody> lines, Map<String, String> expressions) {
    }

    private FhirDeclarations() {
    }

    /**
     * Reads an InventoryReport into the lines of a declaration; what is wrong in it is added to
     * {@code v} at its FHIRPath expression.
     *
     * @param itemOf the tracked item of each UCD code
     * @param now    when the report arrives: it cannot have been counted later
     */
    static Read read(JsonNode body, IsoWeek week, Finess finessEt, Map<Ucd, String> itemOf, Instant now,
                     Violations v) {
        Map<String, String> expressions = new HashMap<>();
        expressions.put("/lines", LISTING);
        List<DeclarationBody.LineBody> lines = new ArrayList<>();
        FhirElement report = InventoryReports.read(body, week.monday().atStartOfDay(Dates.PARIS).toInstant(),
                "week " + week + " (from Monday " + week.monday() + ", Paris)", now, v);
        if (report == null) {
            return new Read(lines, expressions);
        }
        List<FhirElement> listings = report.list("inventoryListing", v);
        if (listings.size() > Limits.DECLARATION_LINES_MAX) { // refused before each is read
            v.add(LISTING, "at most " + Limits.DECLARATION_LINES_MAX + " listings, one per item ("
                    + listings.size() + " sent)");
            return new Read(lines, expressions);
        }
        for (int i = 0; i < listings.size(); i++) {
            FhirElement listing = listings.get(i);
            String at = "/lines/" + i;
            expressions.put(at, listing.expression());
            InventoryReports.requireSamePui(listing, finessEt, v);
            List<FhirElement> items = listing.list("item", v);
            if (items.size() != 1) {
                String item = listing.expression() + ".item";
                v.add(item, "must hold exactly one item (one inventoryListing per item)");
                for (String field : List.of("/itemId", "/stock", "/averageDailyConsumption")) {
                    expressions.put(at + field, item); // said once, there
                }
                lines.add(new DeclarationBody.LineBody(null, null, null));
                continue;
            }
            FhirElement item = items.get(0);
            FhirElement quantity = item.child("quantity").child("value");
            FhirElement consumption = item.extension(Fhir.CONSUMPTION_EXTENSION, v).child("valueDecimal");
            FhirElement concept = item.child("item").child("concept");
            expressions.put(at + "/itemId", concept.expression());
            expressions.put(at + "/stock", quantity.expression());
            expressions.put(at + "/averageDailyConsumption", consumption.expression());
            lines.add(new DeclarationBody.LineBody(itemId(concept, itemOf, expressions, at, v), quantity.decimal(v),
                    consumption.decimal(v)));
        }
        return new Read(lines, expressions);
    }

    /** The Dispostock item of the concept's codings: its UCD code (UCD13 or UCD7), or its item id. */
    private static String itemId(FhirElement concept, Map<Ucd, String> itemOf, Map<String, String> expressions,
                                 String at, Violations v) {
        for (FhirElement coding : concept.list("coding", v)) {
            String system = coding.child("system").string(v);
            FhirElement code = coding.child("code");
            if (Fhir.ITEM_SYSTEM.equals(system)) {
                expressions.put(at + "/itemId", code.expression());
                return code.string(v);
            }
            if (Fhir.UCD_SYSTEM.equals(system)) {
                expressions.put(at + "/itemId", code.expression());
                String raw = code.string(v);
                try {
                    String itemId = raw == null ? null : itemOf.get(Ucd.parse(raw));
                    if (raw != null && itemId == null) {
                        v.add(code.expression(), "UCD code " + raw + " is not one of a tracked item");
                    }
                    return itemId;
                } catch (InvalidValueException e) {
                    v.add(code.expression(), e.getMessage());
                    return null;
                }
            }
        }
        v.add(concept.expression(), "needs a coding of system " + Fhir.UCD_SYSTEM + " (or " + Fhir.ITEM_SYSTEM + ")");
        return null;
    }

    /** The week's figures as an InventoryReport. */
    static Map<String, Object> report(String finessEt, String week, List<LineView> lines, Instant declaredAt,
                                      String declaredBy, boolean late, List<String> missingItems,
                                      Map<String, List<Ucd>> ucdsOf) {
        IsoWeek w = IsoWeek.parse(week);
        Map<String, Object> r = InventoryReports.head(finessEt + "-" + week, declaredAt, declaredBy);
        List<Map<String, Object>> extensions = new ArrayList<>();
        extensions.add(Map.of("url", Fhir.LATE_EXTENSION, "valueBoolean", late));
        missingItems.forEach(id -> extensions.add(Map.of("url", Fhir.MISSING_ITEM_EXTENSION,
                "valueCoding", Map.of("system", Fhir.ITEM_SYSTEM, "code", id))));
        r.put("extension", extensions);
        r.put("reportingPeriod", Map.of("start", w.monday().toString(), "end", w.monday().plusDays(6).toString()));
        Map<String, Object> location = InventoryReports.location(finessEt);
        r.put("inventoryListing", lines.stream().map(l -> Map.of("location", location, "item", List.of(Map.of(
                "extension", List.of(Map.of("url", Fhir.CONSUMPTION_EXTENSION,
                        "valueDecimal", l.averageDailyConsumption())),
                "quantity", Map.of("value", l.stock()),
                "item", Map.of("concept", Map.of("coding", codings(l.itemId(), ucdsOf)))))))
                .toList());
        return r;
    }

    private static List<Map<String, String>> codings(String itemId, Map<String, List<Ucd>> ucdsOf) {
        List<Map<String, String>> codings = new ArrayList<>();
        codings.add(Map.of("system", Fhir.ITEM_SYSTEM, "code", itemId));
        ucdsOf.getOrDefault(itemId, List.of()).forEach(u -> codings.add(Map.of("system", Fhir.UCD_SYSTEM, "code", u.ucd13())));
        return codings;
    }
}
