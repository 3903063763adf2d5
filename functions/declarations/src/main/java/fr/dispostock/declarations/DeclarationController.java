package fr.dispostock.declarations;

import fr.dispostock.declarations.DeclarationViews.Completeness;
import fr.dispostock.declarations.DeclarationViews.Current;
import fr.dispostock.declarations.DeclarationViews.Declared;
import fr.dispostock.declarations.DeclarationViews.Expected;
import fr.dispostock.declarations.DeclarationViews.History;
import fr.dispostock.declarations.DeclarationViews.Overview;
import fr.dispostock.domain.Caller;
import fr.dispostock.domain.Csv;
import fr.dispostock.domain.FieldError;
import fr.dispostock.domain.InvalidRequestException;
import fr.dispostock.domain.Finess;
import fr.dispostock.domain.IsoWeek;
import fr.dispostock.domain.Limits;
import fr.dispostock.domain.Violations;
import fr.dispostock.domain.register.Medicine;
import fr.dispostock.domain.register.Pui;
import io.micronaut.core.annotation.Nullable;
import fr.dispostock.platform.fhir.Fhir;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import fr.dispostock.platform.web.Problems;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.io.IOException;
import java.util.List;

/**
 * Routes of the weekly declarations → {@link DeclarationService} and {@link StockPictureService}
 * → DeclarationsTable (and RegistersTable, read only).
 */
@Controller
public class DeclarationController {
    private final DeclarationService declarations;
    private final StockPictureService picture;
    private final JsonMapper json;

    public DeclarationController(DeclarationService declarations, StockPictureService picture, JsonMapper json) {
        this.declarations = declarations;
        this.picture = picture;
        this.json = json;
    }

    @ApiResponse(responseCode = "403", description = DeclarationsApi.NOT_READER,
            content = @Content(mediaType = DeclarationsApi.PROBLEM))
    @ApiResponse(responseCode = "404", description = "no such PUI",
            content = @Content(mediaType = DeclarationsApi.PROBLEM))
    @ApiResponse(responseCode = "422", description = DeclarationsApi.WEEK_OF_PUI,
            content = @Content(mediaType = DeclarationsApi.PROBLEM))
    @Get("/v1/puis/{finessEt}/declarations/{week}/expected")
    public Expected expected(Caller caller, String finessEt, String week) {
        return declarations.expected(caller, Finess.parse(finessEt), IsoWeek.parse(week));
    }

    /** JSON {@code {lines:[…]}} or a CSV file with the header itemId;stock;averageDailyConsumption. */
    @ApiResponse(responseCode = "403", description = DeclarationsApi.NOT_DECLARANT,
            content = {@Content(mediaType = DeclarationsApi.PROBLEM),
                    @Content(mediaType = Fhir.MEDIA_TYPE, schema = @Schema(description = "an OperationOutcome"))})
    @ApiResponse(responseCode = "404", description = "no such PUI, or its establishment not in the register",
            content = {@Content(mediaType = DeclarationsApi.PROBLEM),
                    @Content(mediaType = Fhir.MEDIA_TYPE, schema = @Schema(description = "an OperationOutcome"))})
    @ApiResponse(responseCode = "409", description = DeclarationsApi.AT_ONCE,
            content = {@Content(mediaType = DeclarationsApi.PROBLEM),
                    @Content(mediaType = Fhir.MEDIA_TYPE, schema = @Schema(description = "an OperationOutcome"))})
    @ApiResponse(responseCode = "415", description = DeclarationsApi.UNSUPPORTED,
            content = {@Content(mediaType = DeclarationsApi.PROBLEM),
                    @Content(mediaType = Fhir.MEDIA_TYPE, schema = @Schema(description = "an OperationOutcome"))})
    @ApiResponse(responseCode = "422", description = DeclarationsApi.INVALID_DECLARATION,
            content = {@Content(mediaType = DeclarationsApi.PROBLEM),
                    @Content(mediaType = Fhir.MEDIA_TYPE, schema = @Schema(description = "an OperationOutcome"))})
    @Put(value = "/v1/puis/{finessEt}/declarations/{week}",
            consumes = {MediaType.APPLICATION_JSON, "text/csv", MediaType.TEXT_PLAIN})
    public Declared declare(Caller caller, String finessEt, String week,
                            @Nullable @io.micronaut.http.annotation.Header("Content-Type") String contentType,
                            @RequestBody(content = {
                                    @Content(mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = DeclarationBody.class)),
                                    @Content(mediaType = "text/csv", schema = @Schema(type = "string",
                                            description = "header itemId;stock;averageDailyConsumption")),
                                    @Content(mediaType = Fhir.MEDIA_TYPE, schema = @Schema(type = "object",
                                            description = "a FHIR R5 InventoryReport, one inventoryListing per item "
                                                    + "(at most " + Limits.DECLARATION_LINES_MAX + "); answered as an "
                                                    + "InventoryReport, errors as an OperationOutcome"))})
                            @Body String body) {
        Pui pui = declarations.declarant(caller, Finess.parse(finessEt));
        IsoWeek isoWeek = IsoWeek.parse(week);
        Violations v = new Violations();
        List<DeclarationBody.LineBody> lines;
        if (contentType != null && contentType.startsWith(MediaType.APPLICATION_JSON)) {
            DeclarationBody parsed = readJson(body);
            lines = parsed == null ? null : parsed.lines();
        } else {
            Csv csv = Csv.parse(body);
            csv.requireColumns("itemid", "stock", "averagedailyconsumption");
            lines = DeclarationService.csvLines(csv, v);
        }
        return declarations.declare(caller, pui, isoWeek, lines, v);
    }

    private DeclarationBody readJson(String body) {
        try {
            return json.readValue(body, DeclarationBody.class);
        } catch (IOException e) {
            throw new InvalidRequestException("Unreadable JSON", List.of(new FieldError("",
                    "the body is not a declaration in JSON ({\"lines\":[{\"itemId\", \"stock\", "
                            + "\"averageDailyConsumption\"}]}): " + Problems.inUsersTerms(e.getMessage()))));
        }
    }

    /** The week's current figures: JSON, or a FHIR R5 InventoryReport when Accept asks for it. */
    @Get(value = "/v1/puis/{finessEt}/declarations/{week}", produces = {MediaType.APPLICATION_JSON, Fhir.MEDIA_TYPE})
    @ApiResponse(responseCode = "200", description = "the week's current figures", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Current.class)),
            @Content(mediaType = Fhir.MEDIA_TYPE, schema = @Schema(description = "a FHIR R5 InventoryReport"))})
    @ApiResponse(responseCode = "403", description = DeclarationsApi.NOT_READER,
            content = @Content(mediaType = DeclarationsApi.PROBLEM))
    @ApiResponse(responseCode = "404", description = "no such PUI, or the week is not declared",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = DeclarationsApi.WEEK_OF_PUI,
            content = @Content(mediaType = DeclarationsApi.PROBLEM))
    public HttpResponse<?> current(HttpRequest<?> request, Caller caller,
                                   String finessEt, String week) {
        Finess et = Finess.parse(finessEt);
        IsoWeek w = IsoWeek.parse(week);
        if (!Fhir.asked(request)) {
            return HttpResponse.ok(declarations.current(caller, et, w));
        }
        Pui pui = declarations.readable(caller, et);
        List<Medicine> medicines = declarations.medicines(); // read once: the items due, then the answer's UCD codes
        Current c = declarations.current(pui, w, medicines);
        return Fhir.response(HttpStatus.OK, FhirDeclarations.report(c.finessEt(), c.week(), c.lines(), c.declaredAt(),
                c.declaredBy(), c.late(), c.missingItems(), DeclarationService.ucdsOfItems(medicines)), json);
    }

    /**
     * The week's earlier revisions, newest first: {@code limit} per page (default 20, at most 100),
     * {@code cursor} the {@code next} of the page before; 422 on a bad limit or cursor.
     */
    @Get("/v1/puis/{finessEt}/declarations/{week}/history")
    @ApiResponse(responseCode = "200", description = "a page of earlier revisions, newest first",
            content = @Content(schema = @Schema(implementation = History.class)))
    @ApiResponse(responseCode = "403", description = DeclarationsApi.NOT_READER,
            content = @Content(mediaType = DeclarationsApi.PROBLEM))
    @ApiResponse(responseCode = "404", description = "no such PUI, or the week is not declared",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = DeclarationsApi.WEEK_OF_PUI + ", limit not a whole number from 1 to"
            + " 100, or a cursor this route did not give (pointers `limit`, `cursor`)",
            content = @Content(mediaType = "application/problem+json"))
    public History history(Caller caller, String finessEt, String week,
                           @Parameter(description = "revisions per page", schema = @Schema(type = "integer",
                                   minimum = "1", maximum = "100", defaultValue = "20"))
                           @Nullable @QueryValue String limit,
                           @Parameter(description = "the next of the page before (opaque)")
                           @Nullable @QueryValue String cursor) {
        return declarations.history(caller, Finess.parse(finessEt), IsoWeek.parse(week), limit, cursor);
    }

    @Get("/v1/declarations/completeness")
    @ApiResponse(responseCode = "200", description = "the week's counts, the PUIs that have not declared, and the counts by `by`",
            content = @Content(schema = @Schema(implementation = Completeness.class)))
    @ApiResponse(responseCode = "403", description = "not an authority, or a region outside the account's",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "week missing or not an ISO week, region not a region code, "
            + "by not region, departement or puis (pointers `week`, `region`, `by`)",
            content = @Content(mediaType = "application/problem+json"))
    public Completeness completeness(Caller caller,
                                     @Parameter(description = "ISO week, e.g. 2026-W48", required = true)
                                     @Nullable @QueryValue String week,
                                     @Parameter(description = "INSEE region code; an ARS or OMEDIT reads its own")
                                     @Nullable @QueryValue String region,
                                     @Parameter(description = "rows by region, departement or puis (default: region "
                                             + "for the nation, departement within a region)",
                                             schema = @Schema(allowableValues = {"region", "departement", "puis"}))
                                     @Nullable @QueryValue String by) {
        return picture.completeness(caller, week, region, by);
    }

    @ApiResponse(responseCode = "200", description = "the item's totals in scope, its rows by `by` and its 8-week trend;"
            + " `totalStock` and `averageDailyConsumption` are null where no PUI declared the item (`pusDeclared` 0):"
            + " a missing line is not a zero",
            content = @Content(schema = @Schema(implementation = Overview.class)))
    @ApiResponse(responseCode = "403", description = "not an authority, the nation asked by a regional account, or a region outside the account's",
            content = @Content(mediaType = DeclarationsApi.PROBLEM))
    @ApiResponse(responseCode = "404", description = "no such tracked item",
            content = @Content(mediaType = DeclarationsApi.PROBLEM))
    @ApiResponse(responseCode = "422", description = "itemId missing, week missing or not an ISO week, region not a region code, by not region,"
            + " departement or puis (pointers `itemId`, `week`, `region`, `by`)",
            content = @Content(mediaType = DeclarationsApi.PROBLEM))
    @Get("/v1/stock/overview")
    public Overview overview(Caller caller, @Nullable @QueryValue String itemId, @Nullable @QueryValue String week,
                             @Nullable @QueryValue String region, @Nullable @QueryValue String by) {
        return picture.overview(caller, itemId, week, region, by);
    }
}
