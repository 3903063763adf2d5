package fr.dispostock.statestock.lots;

import fr.dispostock.domain.Dates;
import fr.dispostock.domain.Finess;
import fr.dispostock.domain.Violations;
import fr.dispostock.domain.statestock.LotLine;
import fr.dispostock.platform.fhir.Fhir;
import fr.dispostock.platform.fhir.FhirElement;
import fr.dispostock.platform.fhir.InventoryReports;
import io.micronaut.json.tree.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Thursday's State-stock lots as a FHIR R5 InventoryReport, both ways (README.md): one
 * inventoryListing per lot, its item a contained Medication coded by its catalogue product code
 * with the lot number and expiry of its batch; an expired lot's listing has the item status
 * {@code expired}.
 */
final class FhirLots {
    static final String STATUS_SYSTEM = "https://dispostock.sante.gouv.fr/fhir/CodeSystem/lot-status";

    record Read(List<LotsBody.LotBody> lines, Map<String, String> expressions) {
    }

    private FhirLots() {
    }

    /**
     * @param thursday null when the URL's date is not one (the rules say so)
     * @param now      when the report arrives: it cannot have been counted later
     */
    static Read read(JsonNode body, LocalDate thursday, Finess finessEt, Instant now, Violations v) {
        Map<String, String> expressions = new HashMap<>();
        expressions.put("/lines", "InventoryReport.inventoryListing");
        List<LotsBody.LotBody> lines = new ArrayList<>();
        FhirElement report = InventoryReports.read(body,
                thursday == null ? null : thursday.atStartOfDay(Dates.PARIS).toInstant(), "Thursday " + thursday + " (Paris)", now, v);
        if (report == null) {
            return new Read(lines, expressions);
        }
        Map<String, FhirElement> contained = new HashMap<>();
        for (FhirElement resource : report.list("contained", v)) {
            String id = resource.child("id").string(v);
            if (id != null) {
                contained.put("#" + id, resource);
            }
        }
        List<FhirElement> listings = report.list("inventoryListing", v);
        for (int i = 0; i < listings.size(); i++) {
            FhirElement listing = listings.get(i);
            String at = "/lines/" + i;
            InventoryReports.requireSamePui(listing, finessEt, v);
            List<FhirElement> items = listing.list("item", v);
            FhirElement reference = items.size() == 1
                    ? items.get(0).child("item").child("reference").child("reference") : null;
            FhirElement medication = reference == null ? null : contained.get(reference.string(v));
            if (medication == null || !"Medication".equals(medication.child("resourceType").string(v))) {
                String where = items.size() == 1 ? reference.expression() : listing.expression() + ".item";
                v.add(where, "one item per listing, referring to a contained Medication (\"#id\") with the lot's batch");
                for (String field : List.of("/productCode", "/lot", "/expiry", "/quantity", "/expired")) {
                    expressions.put(at + field, where); // said once, there
                }
                lines.add(new LotsBody.LotBody(null, null, null, null, null));
                continue;
            }
            FhirElement code = productCode(medication, v);
            FhirElement lot = medication.child("batch").child("lotNumber");
            FhirElement expiry = medication.child("batch").child("expirationDate");
            FhirElement quantity = items.get(0).child("quantity").child("value");
            FhirElement status = listing.child("itemStatus");
            expressions.put(at + "/productCode", code.expression());
            expressions.put(at + "/lot", lot.expression());
            expressions.put(at + "/expiry", expiry.expression());
            expressions.put(at + "/quantity", quantity.expression());
            expressions.put(at + "/expired", status.expression());
            lines.add(new LotsBody.LotBody(code.string(v), lot.string(v), expiry.string(v), quantity.decimal(v),
                    expired(status, v)));
        }
        return new Read(lines, expressions);
    }

    /** The coding of the catalogue's system, or the code element where it is missing. */
    private static FhirElement productCode(FhirElement medication, Violations v) {
        FhirElement concept = medication.child("code");
        for (FhirElement coding : concept.list("coding", v)) {
            if (Fhir.PRODUCT_SYSTEM.equals(coding.child("system").string(v))) {
                return coding.child("code");
            }
        }
        return concept.child("coding"); // absent: the rules say it is required, there
    }

    private static Boolean expired(FhirElement status, Violations v) {
        for (FhirElement coding : status.list("coding", v)) {
            if (STATUS_SYSTEM.equals(coding.child("system").string(v)) && "expired".equals(coding.child("code").string(v))) {
                return true;
            }
        }
        return false;
    }

    /** The Thursday's lots as an InventoryReport. */
    static Map<String, Object> report(LotViews.Declared d) {
        Map<String, Object> r = InventoryReports.head(d.finessEt() + "-" + d.date(), d.declaredAt(), d.declaredBy());
        List<Map<String, Object>> contained = new ArrayList<>();
        List<Map<String, Object>> listings = new ArrayList<>();
        Map<String, Object> location = InventoryReports.location(d.finessEt());
        for (int i = 0; i < d.lines().size(); i++) {
            LotLine l = d.lines().get(i);
            contained.add(Map.of("resourceType", "Medication", "id", "lot" + i,
                    "code", Map.of("coding", List.of(Map.of("system", Fhir.PRODUCT_SYSTEM, "code", l.productCode()))),
                    "batch", Map.of("lotNumber", l.lot(), "expirationDate", l.expiry().toString())));
            Map<String, Object> listing = new java.util.LinkedHashMap<>();
            listing.put("location", location);
            if (l.expired()) {
                listing.put("itemStatus", Map.of("coding", List.of(Map.of("system", STATUS_SYSTEM, "code", "expired"))));
            }
            listing.put("item", List.of(Map.of("quantity", Map.of("value", l.quantity()),
                    "item", Map.of("reference", Map.of("reference", "#lot" + i)))));
            listings.add(listing);
        }
        r.put("contained", contained);
        r.put("inventoryListing", listings);
        return r;
    }
}
