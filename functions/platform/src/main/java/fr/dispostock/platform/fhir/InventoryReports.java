package fr.dispostock.platform.fhir;

import fr.dispostock.domain.Finess;
import fr.dispostock.domain.Violations;
import fr.dispostock.domain.FieldError;
import fr.dispostock.domain.InvalidRequestException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import fr.dispostock.platform.web.Problems;
import io.micronaut.json.tree.JsonNode;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the weekly declaration and the Thursday lots share as FHIR R5 InventoryReports: an active
 * snapshot count, reported when it was counted, at a PUI (its FINESS number as the listings' location).
 */
public final class InventoryReports {
    /**
     * A report's size at most, in characters: a declaration of 1,000 items or 200 lots, pretty-printed,
     * weighs under 1 MB; past this, the body is refused before it is parsed into a tree (the framework has
     * read it already: what bounds the bytes received is API Gateway's payload limit).
     */
    public static final int MAX_CHARS = 2 * 1024 * 1024;
    /** How far ahead of ours a sender's clock may be: a count reported later than that is not yet made. */
    public static final Duration CLOCK_AHEAD = Duration.ofMinutes(5);
    /**
     * Numbers kept exactly as written (FHIR decimals). A property twice, like JSON that is not well-formed,
     * never gets here: SingleJsonValueFilter answers it (400) for every JSON body, FHIR's included.
     */
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private InventoryReports() {
    }

    /**
     * The body as JSON, null when empty, its numbers exact ({@code 1e-100000} is not 0, as a double
     * would have it); too big, or a number past BigDecimal's exponent, is a 422 naming the resource.
     */
    public static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        if (body.length() > MAX_CHARS) {
            throw refused("the body has " + body.length() + " characters, more than the " + MAX_CHARS
                    + " an InventoryReport may have");
        }
        try (JsonParser parser = JSON.createParser(body)) {
            return node(parser, parser.nextToken());
        } catch (IOException | NumberFormatException e) { // the filter read it well-formed: a number past BigDecimal's exponent
            throw refused("the body is not a FHIR R5 InventoryReport in JSON: " + Problems.inUsersTerms(e.getMessage()));
        }
    }

    private static JsonNode node(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> {
                Map<String, JsonNode> fields = new LinkedHashMap<>();
                for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
                    String name = parser.currentName();
                    fields.put(name, node(parser, parser.nextToken()));
                }
                yield JsonNode.createObjectNode(fields);
            }
            case START_ARRAY -> {
                List<JsonNode> elements = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    elements.add(node(parser, t));
                }
                yield JsonNode.createArrayNode(elements);
            }
            case VALUE_STRING -> JsonNode.createStringNode(parser.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> JsonNode.createNumberNode(parser.getDecimalValue());
            case VALUE_TRUE, VALUE_FALSE -> JsonNode.createBooleanNode(token == JsonToken.VALUE_TRUE);
            default -> JsonNode.nullNode();
        };
    }

    private static InvalidRequestException refused(String message) {
        return new InvalidRequestException("Unreadable JSON", List.of(new FieldError("InventoryReport", message)));
    }

    /**
     * The report sent, its header checked (said in {@code v}); null when the body is not an InventoryReport.
     *
     * @param countedFrom the earliest instant a count of this declaration can be reported at (null: unknown,
     *                    the URL's week or date being wrong, which the rules say)
     * @param now         the latest (give or take {@link #CLOCK_AHEAD}): a count is reported once made
     */
    public static FhirElement read(JsonNode body, Instant countedFrom, String countedFromText, Instant now,
                                   Violations v) {
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
            } else if (at.isAfter(now.plus(CLOCK_AHEAD))) {
                v.add(reported.expression(), "is after now (" + now + "): the stock is reported once counted");
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
