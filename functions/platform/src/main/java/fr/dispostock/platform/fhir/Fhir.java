package fr.dispostock.platform.fhir;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * FHIR R5 as Dispostock speaks it (JSON, written and read by hand with the functions' own JSON
 * library: no FHIR library in the Lambda jars): the media type and the code systems and extensions
 * of the mapping, documented in README.md.
 */
public final class Fhir {
    public static final String MEDIA_TYPE = "application/fhir+json";
    /** ANSM's UCD codes, as France's FHIR guides name them. */
    public static final String UCD_SYSTEM = "http://data.esante.gouv.fr/ansm/medicament/UCD";
    /** FINESS numbers, as France's FHIR guides name them. */
    public static final String FINESS_SYSTEM = "http://finess.sante.gouv.fr";
    private static final String BASE = "https://dispostock.sante.gouv.fr/fhir/";
    /** Dispostock's tracked items ({@code itemId}). */
    public static final String ITEM_SYSTEM = BASE + "CodeSystem/tracked-item";
    /** The State-stock catalogue's product codes. */
    public static final String PRODUCT_SYSTEM = BASE + "CodeSystem/state-stock-product";
    /** An item's average daily consumption, units per day (valueDecimal). */
    public static final String CONSUMPTION_EXTENSION = BASE + "StructureDefinition/average-daily-consumption";
    /** A declaration made after its Monday (valueBoolean). */
    public static final String LATE_EXTENSION = BASE + "StructureDefinition/late";
    /** An item due that week and not declared (valueCoding, system {@link #ITEM_SYSTEM}). */
    public static final String MISSING_ITEM_EXTENSION = BASE + "StructureDefinition/missing-item";
    /**
     * Request attribute: how the JSON pointers of the rules' errors read in the FHIR body sent
     * ({@code Map<String, String>}, pointer to FHIRPath expression), for {@link FhirOutcomeFilter}.
     */
    public static final String EXPRESSIONS = "dispostock.fhir.expressions";

    private Fhir() {
    }

    /** Whether the request asks for FHIR ({@code Accept}). */
    public static boolean asked(HttpRequest<?> request) {
        return request.getHeaders().getAll(HttpHeaders.ACCEPT).stream().anyMatch(a -> a.contains(MEDIA_TYPE));
    }

    /** Whether the request sends FHIR or asks for it: then its errors are OperationOutcomes. */
    public static boolean spoken(HttpRequest<?> request) {
        return asked(request) || request.getContentType().map(t -> t.toString().startsWith(MEDIA_TYPE)).orElse(false);
    }

    /**
     * A FHIR answer, written here: the framework's JSON writer does not take this media type (and
     * a resource is plain JSON for it).
     */
    public static MutableHttpResponse<String> response(HttpStatus status, Map<String, Object> resource, JsonMapper json) {
        try {
            return HttpResponse.<String>status(status).body(json.writeValueAsString(resource)).contentType(MEDIA_TYPE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
