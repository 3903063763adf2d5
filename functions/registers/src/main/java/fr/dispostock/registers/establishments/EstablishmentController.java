package fr.dispostock.registers.establishments;

import fr.dispostock.registers.RegistersApi;
import fr.dispostock.domain.Caller;
import fr.dispostock.domain.Finess;
import fr.dispostock.domain.Versions;
import fr.dispostock.domain.register.AuditEntry;
import fr.dispostock.domain.register.Establishment;
import fr.dispostock.platform.web.Versioned;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.util.List;

/** Routes /v1/establishments → {@link EstablishmentService} → RegistersTable. */
@Controller("/v1/establishments")
public class EstablishmentController {
    private final EstablishmentService establishments;

    public EstablishmentController(EstablishmentService establishments) {
        this.establishments = establishments;
    }

    @ApiResponse(responseCode = "403", description = "not an authority, the nation asked by a regional account, or a region outside the account's",
            content = @Content(mediaType = RegistersApi.PROBLEM))
    @ApiResponse(responseCode = "422", description = "region not an INSEE region code (pointer `region`)",
            content = @Content(mediaType = RegistersApi.PROBLEM))
    @Get
    public List<Establishment> list(Caller caller, @Nullable @QueryValue String region) {
        return establishments.list(caller, region);
    }

    @ApiResponse(responseCode = "403", description = "outside the account's scope (not the nation, its region's authorities nor its pharmacists)",
            content = @Content(mediaType = RegistersApi.PROBLEM))
    @ApiResponse(responseCode = "404", description = "no such establishment",
            content = @Content(mediaType = RegistersApi.PROBLEM))
    @ApiResponse(responseCode = "422", description = "finessEj " + RegistersApi.FINESS,
            content = @Content(mediaType = RegistersApi.PROBLEM))
    @Get("/{finessEj}")
    public HttpResponse<Establishment> get(Caller caller, String finessEj) {
        Establishment e = establishments.get(caller, Finess.parse(finessEj));
        return Versioned.ok(e, e.version());
    }

    @ApiResponse(responseCode = "403", description = "neither the national operator nor the ARS of the establishment's region",
            content = @Content(mediaType = RegistersApi.PROBLEM))
    @ApiResponse(responseCode = "412", description = Versioned.MISMATCH,
            content = @Content(mediaType = RegistersApi.PROBLEM))
    @ApiResponse(responseCode = "428", description = Versioned.REQUIRED,
            content = @Content(mediaType = RegistersApi.PROBLEM))
    @ApiResponse(responseCode = "409", description = Versioned.CONCURRENT,
            content = @Content(mediaType = RegistersApi.PROBLEM))
    @ApiResponse(responseCode = "422", description = "finessEj " + RegistersApi.FINESS + "; /name missing or over 200 characters, /ipe over 20, /region or"
            + " /departement not the number's, /category over 100, /status not OPEN or CLOSED, /finessEj not the path's; "
            + RegistersApi.IF_MATCH,
            content = @Content(mediaType = RegistersApi.PROBLEM))
    @Put("/{finessEj}")
    public HttpResponse<Establishment> put(Caller caller, String finessEj, @Body EstablishmentBody body,
                                           @Nullable @Header("If-Match") String ifMatch) {
        Establishment e = establishments.put(caller, Finess.parse(finessEj), body, Versions.ifMatch(ifMatch));
        return Versioned.saved(e, e.version());
    }

    @Post(value = "/import", consumes = {"text/csv", MediaType.TEXT_PLAIN})
    @ApiResponse(responseCode = "200", description = "sites created, updated, unchanged; each refused line with why"
            + " (a bad FINESS, another region's row, coordinates out of range or given half)",
            content = @Content(schema = @Schema(implementation = ImportReport.class)))
    @ApiResponse(responseCode = "403", description = "neither an ARS nor the national operator",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "the header lacks a required column (pointer `/header`)",
            content = @Content(mediaType = "application/problem+json"))
    public ImportReport importFiness(Caller caller, @RequestBody(content = @Content(mediaType = "text/csv",
            schema = @Schema(type = "string", description = "the FINESS extract, `;`, official column names: nofinesset,"
                    + " nofinessej, rs, code_departement required; categetab, libcategetab, libcategagretab, adresse,"
                    + " code_postal, commune, code_region optional; latitude (WGS84 degrees, -90 to 90) and longitude"
                    + " (-180 to 180) optional, both or neither on a line"))) @Body String csv) {
        return establishments.importFiness(caller, csv);
    }

    @ApiResponse(responseCode = "403", description = "neither the national operator nor the ARS of the establishment's region",
            content = @Content(mediaType = RegistersApi.PROBLEM))
    @ApiResponse(responseCode = "404", description = "no such establishment",
            content = @Content(mediaType = RegistersApi.PROBLEM))
    @ApiResponse(responseCode = "422", description = "finessEj " + RegistersApi.FINESS,
            content = @Content(mediaType = RegistersApi.PROBLEM))
    @Get("/{finessEj}/audit")
    public List<AuditEntry> audit(Caller caller, String finessEj) {
        return establishments.audit(caller, Finess.parse(finessEj));
    }
}
