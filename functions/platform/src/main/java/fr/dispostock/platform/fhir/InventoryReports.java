package fr.dispostock.platform.fhir;

import fr.dispostock.domain.Finess;
import fr.dispostock.domain.Violations;
import fr.dispostock.domain.FieldError;
import fr.dispostock.domain.InvalidRequestException;
import fr.dispostock.platform.web.Problems;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.io.IOException;
import java.util.List;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the weekly declaration and the Thursday lots share as FHIR R5 InventoryReports: an active
 * snapshot count, reported when it was counted, at a PUI (its FINESS number as the listings' location).
 */
public final class InventoryReports {
    private InventoryReports() {
    }

    /** The body as JSON, null when empty; unreadable JSON is a 422 naming the resource. */
    public static JsonNode parse(String body, JsonMapper json) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return json.readValue(body, JsonNode.class);
        } catch (IOException e) {
            throw new InvalidRequestException("Unreadable JSON", List.of(new FieldError("InventoryReport",
                    "the body is not a FHIR R5 InventoryReport in JSON: " + Problems.inUsersTerms(e.getMessage()))));
        }
    }

    /**
     * The report sent, its header checked (said in {@code v}); null when the body is not an InventoryReport.
     *
     * @param countedFrom the earliest instant a count of this declaration can be reported at (null: unknown,
     *                    the URL's week or date being wrong, which the rules say)
     */
    public static FhirElement read(JsonNode body, Instant countedFrom, String countedFromText, Violations v) {
        FhirElement report = FhirElement.resource(body, "InventoryReport", v);
        if (report == null) {
            return null;
        }
        report.child("status").requireCode("active", "a declaration in force", v);
        report.child("countType").requireCode("snapshot", "the stock on hand, not a difference", v);
        FhirElement reported = report.child("reportedDateTime");
        String raw = reported.string(v);
        if (raw == null) {
            if (!reported.present()) {
                v.add(reported.expression(), "is required: when the stock was counted");
            }
            return report;
        }
        try {
            Instant at = OffsetDateTime.parse(raw).toInstant();
            if (countedFrom != null && at.isBefore(countedFrom)) {
                v.add(reported.expression(), "is before " + countedFromText);
            }
        } catch (DateTimeParseException e) {
            v.add(reported.expression(), "must be a date and time with its offset, e.g. 2026-11-23T09:30:00+01:00");
        }
        return report;
    }

    /** A listing's PUI, when the report names one: the URL's. */
    public static void requireSamePui(FhirElement listing, Finess finessEt, Violations v) {
        FhirElement value = listing.child("location").child("identifier").child("value");
        String raw = value.string(v);
        if (raw != null && !raw.strip().equals(finessEt.value())) {
            v.add(value.expression(), "names PUI " + raw + ", not " + finessEt + " of the URL");
        }
    }

    /** The head of a report answered: the current figures of a PUI, who declared them and when. */
    public static Map<String, Object> head(String id, Instant declaredAt, String declaredBy) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("resourceType", "InventoryReport");
        r.put("id", id);
        r.put("status", "active");
        r.put("countType", "snapshot");
        r.put("reportedDateTime", declaredAt.toString());
        r.put("reporter", Map.of("display", declaredBy));
        return r;
    }

    /** The PUI as a listing's location. */
    public static Map<String, Object> location(String finessEt) {
        return Map.of("identifier", Map.of("system", Fhir.FINESS_SYSTEM, "value", finessEt));
    }
}
