package fr.dispostock.statestock.lots;

import fr.dispostock.statestock.StateStockApi;
import fr.dispostock.domain.Caller;
import fr.dispostock.domain.Finess;
import fr.dispostock.platform.fhir.Fhir;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.json.JsonMapper;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** Routes of the Thursday lot declarations → {@link LotService} → StateStockTable. */
@Controller
public class LotController {
    private final LotService lots;
    private final JsonMapper json;

    public LotController(LotService lots, JsonMapper json) {
        this.lots = lots;
        this.json = json;
    }

    @ApiResponse(responseCode = "403", description = StateStockApi.NOT_DECLARANT,
            content = {@Content(mediaType = StateStockApi.PROBLEM),
                    @Content(mediaType = Fhir.MEDIA_TYPE, schema = @Schema(description = "an OperationOutcome"))})
    @ApiResponse(responseCode = "404", description = "no such PUI",
            content = {@Content(mediaType = StateStockApi.PROBLEM),
                    @Content(mediaType = Fhir.MEDIA_TYPE, schema = @Schema(description = "an OperationOutcome"))})
    @ApiResponse(responseCode = "409", description = StateStockApi.AT_ONCE,
            content = {@Content(mediaType = StateStockApi.PROBLEM),
                    @Content(mediaType = Fhir.MEDIA_TYPE, schema = @Schema(description = "an OperationOutcome"))})
    @ApiResponse(responseCode = "415", description = StateStockApi.UNSUPPORTED,
            content = {@Content(mediaType = StateStockApi.PROBLEM),
                    @Content(mediaType = Fhir.MEDIA_TYPE, schema = @Schema(description = "an OperationOutcome"))})
    @ApiResponse(responseCode = "422", description = StateStockApi.INVALID_LOTS,
            content = {@Content(mediaType = StateStockApi.PROBLEM),
                    @Content(mediaType = Fhir.MEDIA_TYPE, schema = @Schema(description = "an OperationOutcome"))})
    @Put("/v1/puis/{finessEt}/state-stock/{date}")
    public LotViews.Declared declare(Caller caller, String finessEt,
                                     String date, @Body LotsBody body) {
        return lots.declare(caller, Finess.parse(finessEt), date, body);
    }

    /** A Thursday's current lots: JSON, or a FHIR R5 InventoryReport when Accept asks for it. */
    @Get(value = "/v1/puis/{finessEt}/state-stock/{date}", produces = {MediaType.APPLICATION_JSON, Fhir.MEDIA_TYPE})
    @ApiResponse(responseCode = "200", description = "the Thursday's current lots", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LotViews.Declared.class)),
            @Content(mediaType = Fhir.MEDIA_TYPE, schema = @Schema(description = "a FHIR R5 InventoryReport"))})
    @ApiResponse(responseCode = "403", description = StateStockApi.NOT_READER,
            content = @Content(mediaType = StateStockApi.PROBLEM))
    @ApiResponse(responseCode = "404", description = "no such PUI, or no lots declared that Thursday",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = StateStockApi.PUI_DATE,
            content = @Content(mediaType = StateStockApi.PROBLEM))
    public HttpResponse<?> get(HttpRequest<?> request, Caller caller,
                               String finessEt, String date) {
        LotViews.Declared declared = lots.get(caller, Finess.parse(finessEt), date);
        return Fhir.asked(request) ? Fhir.response(HttpStatus.OK, FhirLots.report(declared), json) : HttpResponse.ok(declared);
    }

    /**
     * The Thursday's earlier revisions, newest first: {@code limit} per page (default 20, at most
     * 100), {@code cursor} the {@code next} of the page before; 422 on a bad limit or cursor.
     */
    @Get("/v1/puis/{finessEt}/state-stock/{date}/history")
    @ApiResponse(responseCode = "200", description = "a page of earlier revisions, newest first",
            content = @Content(schema = @Schema(implementation = LotViews.History.class)))
    @ApiResponse(responseCode = "403", description = StateStockApi.NOT_READER,
            content = @Content(mediaType = StateStockApi.PROBLEM))
    @ApiResponse(responseCode = "404", description = "no such PUI, or no lots declared that Thursday",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = StateStockApi.PUI_DATE + ", limit not a whole number from 1 to 100,"
            + " or a cursor this route did not give (pointers `limit`, `cursor`)",
            content = @Content(mediaType = "application/problem+json"))
    public LotViews.History history(Caller caller, String finessEt,
                                    String date,
                                    @Parameter(description = "revisions per page", schema = @Schema(type = "integer",
                                            minimum = "1", maximum = "100", defaultValue = "20"))
                                    @Nullable @QueryValue String limit,
                                    @Parameter(description = "the next of the page before (opaque)")
                                    @Nullable @QueryValue String cursor) {
        return lots.history(caller, Finess.parse(finessEt), date, limit, cursor);
    }

    /**
     * The lots held, by expiry: a region's or France's for the ARS, OMEDIT and the nation; one PUI's
     * ({@code finessEt}) also for its pharmacists.
     */
    @ApiResponse(responseCode = "403", description = StateStockApi.REGION_SCOPE + ", or a PUI outside it",
            content = @Content(mediaType = StateStockApi.PROBLEM))
    @ApiResponse(responseCode = "404", description = "no such PUI (finessEt)",
            content = @Content(mediaType = StateStockApi.PROBLEM))
    @ApiResponse(responseCode = "422", description = "date missing or not a date, region not a region code, finessEt not a FINESS number, both region and"
            + " finessEt given (pointers `date`, `region`, `finessEt`)",
            content = @Content(mediaType = StateStockApi.PROBLEM))
    @Get("/v1/state-stock/lots")
    public LotViews.Picture picture(Caller caller,
                                    @Nullable @QueryValue String date, @Nullable @QueryValue String region,
                                    @Nullable @QueryValue String finessEt) {
        return lots.picture(caller, date, region, finessEt);
    }
}
