package fr.dispostock.declarations;

import fr.dispostock.declarations.DeclarationViews.Completeness;
import fr.dispostock.declarations.DeclarationViews.Declared;
import fr.dispostock.declarations.Spreadsheet.Sheet;
import fr.dispostock.domain.Caller;
import fr.dispostock.domain.Departement;
import fr.dispostock.domain.Finess;
import fr.dispostock.domain.InvalidRequestException;
import fr.dispostock.domain.IsoWeek;
import fr.dispostock.domain.Limits;
import fr.dispostock.domain.Violations;
import fr.dispostock.domain.register.Pui;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Spreadsheets both ways: a PUI's week as an xlsx template to fill and send back ({@link DeclarationSpreadsheet}
 * → {@link DeclarationService}, the same rule as JSON and CSV), and the authorities' screens as CSV or xlsx
 * ({@link Exports} of {@link StockPictureService}'s answers).
 */
@Controller
public class SpreadsheetController {
    private static final String FORMAT = "csv or xlsx (default xlsx)";
    private final DeclarationService declarations;
    private final StockPictureService picture;

    public SpreadsheetController(DeclarationService declarations, StockPictureService picture) {
        this.declarations = declarations;
        this.picture = picture;
    }

    /** The items the PUI must declare that week, last week's figures beside them, two cells to fill per item. */
    @Get(value = "/v1/puis/{finessEt}/declarations/{week}/spreadsheet", produces = Spreadsheet.XLSX)
    @ApiResponse(responseCode = "200", description = "the week's template: sheet 'Déclaration' (PUI in B1, week in B2, "
            + "titles in row 4, an item per row; columns F stock and G averageDailyConsumption to fill), sheet 'Consignes'",
            content = @Content(mediaType = Spreadsheet.XLSX, schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "403", description = "not a pharmacist of the PUI's establishment nor one of its authorities",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "no such PUI", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = DeclarationsApi.WEEK_OF_PUI,
            content = @Content(mediaType = DeclarationsApi.PROBLEM))
    public HttpResponse<byte[]> template(Caller caller,
                                         String finessEt, String week) {
        byte[] file = DeclarationSpreadsheet.template(declarations.expected(caller, Finess.parse(finessEt),
                IsoWeek.parse(week)));
        return attachment(file, Spreadsheet.XLSX, "declaration-" + finessEt + "-" + week + ".xlsx");
    }

    /**
     * The template filled: all lines or none, as {@code PUT …/declarations/{week}}; a row whose two cells are
     * empty is not declared (the answer's missingItems), never a zero. Errors name sheet, row and column.
     */
    @Put(value = "/v1/puis/{finessEt}/declarations/{week}/spreadsheet",
            consumes = {Spreadsheet.XLSX, MediaType.APPLICATION_OCTET_STREAM})
    @ApiResponse(responseCode = "200", description = "the week as now declared",
            content = @Content(schema = @Schema(implementation = Declared.class)))
    @ApiResponse(responseCode = "403", description = "not a pharmacist of the PUI's establishment",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "no such PUI", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "not an xlsx workbook, over " + DeclarationSpreadsheet.MAX_BYTES
            + " bytes or unpacking to more than " + DeclarationSpreadsheet.MAX_UNPACKED_BYTES + ", without sheet "
            + "'Déclaration' or its titles, the template of another PUI or week, more than " + Limits.DECLARATION_LINES_MAX
            + " items filled, or any line refused as in JSON: each error's message starts with the sheet, row and "
            + "column (\"sheet 'Déclaration', row 7, column F: …\"), its pointer is the JSON one (/lines/N/stock)",
            content = @Content(mediaType = "application/problem+json"))
    public Declared upload(Caller caller, String finessEt, String week,
                           @RequestBody(description = "the template of this PUI and week, filled", content =
                           @Content(mediaType = Spreadsheet.XLSX, schema = @Schema(type = "string", format = "binary",
                                   maxLength = DeclarationSpreadsheet.MAX_BYTES)))
                           @Nullable @Body byte[] body) {
        Pui pui = declarations.declarant(caller, Finess.parse(finessEt));
        IsoWeek isoWeek = IsoWeek.parse(week);
        Violations v = new Violations();
        DeclarationSpreadsheet.Upload upload = DeclarationSpreadsheet.read(body, pui.finessEt().value(), isoWeek.toString(), v);
        try {
            return declarations.declare(caller, pui, isoWeek, upload.lines(), v);
        } catch (InvalidRequestException e) {
            throw upload.located(e);
        }
    }

    @Get("/v1/exports/completeness")
    @ApiResponse(responseCode = "200", description = "the completeness counts by `by`, one row each (as the "
            + "completeness route's rows)", content = {
            @Content(mediaType = Spreadsheet.XLSX, schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "403", description = "not an authority, or a region outside the account's",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "as the completeness route, or format not csv or xlsx (pointer `format`)",
            content = @Content(mediaType = "application/problem+json"))
    public HttpResponse<byte[]> completeness(Caller caller,
                                             @Parameter(description = "ISO week, e.g. 2026-W48", required = true)
                                             @Nullable @QueryValue String week,
                                             @Parameter(description = "INSEE region code; an ARS or OMEDIT reads its own")
                                             @Nullable @QueryValue String region,
                                             @Parameter(description = "rows by region, departement or puis",
                                                     schema = @Schema(allowableValues = {"region", "departement", "puis"}))
                                             @Nullable @QueryValue String by,
                                             @Parameter(description = FORMAT, schema = @Schema(allowableValues = {"csv", "xlsx"}))
                                             @Nullable @QueryValue String format) {
        boolean csv = csv(format);
        Completeness c = picture.completeness(caller, week, region, by);
        return export(csv, List.of(Exports.completeness(c)), "completude-" + c.week() + suffix(c.region()));
    }

    @Get("/v1/exports/non-declarers")
    @ApiResponse(responseCode = "200", description = "the PUIs that have not declared the week, with their contact details",
            content = {
                    @Content(mediaType = Spreadsheet.XLSX, schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "403", description = "not an authority, or a region outside the account's",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "week missing or not an ISO week, region not a region code, "
            + "departement not a département code, format not csv or xlsx (pointers `week`, `region`, `departement`, `format`)",
            content = @Content(mediaType = "application/problem+json"))
    public HttpResponse<byte[]> nonDeclarers(Caller caller,
                                             @Parameter(description = "ISO week, e.g. 2026-W48", required = true)
                                             @Nullable @QueryValue String week,
                                             @Parameter(description = "INSEE region code; an ARS or OMEDIT reads its own")
                                             @Nullable @QueryValue String region,
                                             @Parameter(description = "only the PUIs of this département (code, e.g. 01, 2A, 974)")
                                             @Nullable @QueryValue String departement,
                                             @Parameter(description = FORMAT, schema = @Schema(allowableValues = {"csv", "xlsx"}))
                                             @Nullable @QueryValue String format) {
        boolean csv = csv(format);
        Violations v = new Violations();
        Departement only = v.parseOptional("departement", departement, Departement::parse);
        v.throwIfAny("Invalid query");
        Completeness c = picture.completeness(caller, week, region, null);
        return export(csv, List.of(Exports.nonDeclarers(c, only)), "non-declarants-" + c.week() + suffix(c.region())
                + (only == null ? "" : "-" + only.code()));
    }

    @Get("/v1/exports/stock")
    @ApiResponse(responseCode = "200", description = "an item's stock picture by `by` (as the overview route's rows); "
            + "the workbook has its 8-week trend on a second sheet", content = {
            @Content(mediaType = Spreadsheet.XLSX, schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "403", description = "not an authority, or a region outside the account's",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "no such item", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "as the overview route, or format not csv or xlsx (pointer `format`)",
            content = @Content(mediaType = "application/problem+json"))
    public HttpResponse<byte[]> stock(Caller caller,
                                      @Parameter(required = true) @Nullable @QueryValue String itemId,
                                      @Parameter(description = "ISO week, e.g. 2026-W48", required = true)
                                      @Nullable @QueryValue String week,
                                      @Nullable @QueryValue String region, @Nullable @QueryValue String by,
                                      @Parameter(description = FORMAT, schema = @Schema(allowableValues = {"csv", "xlsx"}))
                                      @Nullable @QueryValue String format) {
        boolean csv = csv(format);
        DeclarationViews.Overview o = picture.overview(caller, itemId, week, region, by);
        List<Sheet> sheets = Exports.stock(o);
        return export(csv, csv ? sheets.subList(0, 1) : sheets,
                "stock-" + o.itemId() + "-" + o.week() + suffix(o.region()));
    }

    /** true for csv, false for xlsx (the default); anything else is a 422 before anything is read. */
    private static boolean csv(String format) {
        if (format == null || format.equals("xlsx")) {
            return false;
        }
        if (format.equals("csv")) {
            return true;
        }
        Violations v = new Violations();
        v.add("format", "must be csv or xlsx");
        v.throwIfAny("Invalid query");
        return false;
    }

    private static String suffix(String region) {
        return region == null ? "" : "-" + region;
    }

    private static HttpResponse<byte[]> export(boolean csv, List<Sheet> sheets, String name) {
        return csv ? attachment(Spreadsheet.csv(sheets.get(0)).getBytes(StandardCharsets.UTF_8), Spreadsheet.CSV, name + ".csv")
                : attachment(Spreadsheet.xlsx(sheets), Spreadsheet.XLSX, name + ".xlsx");
    }

    private static HttpResponse<byte[]> attachment(byte[] file, String type, String filename) {
        return HttpResponse.ok(file).contentType(type)
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    }
}
