package fr.dispostock.registers.puis;

import fr.dispostock.registers.RegistersApi;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import fr.dispostock.domain.Caller;
import fr.dispostock.domain.Finess;
import fr.dispostock.domain.Versions;
import fr.dispostock.domain.register.AuditEntry;
import fr.dispostock.domain.register.Pui;
import fr.dispostock.platform.web.Versioned;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Put;

import java.util.List;

/** Routes /v1/puis/{finessEt} → {@link PuiService} → RegistersTable. */
@Controller("/v1/puis")
public class PuiController {
    private final PuiService puis;

    public PuiController(PuiService puis) {
        this.puis = puis;
    }

    @ApiResponse(responseCode = "403", description = "outside the account's scope (not the nation, its region's authorities nor its pharmacists)",
            content = @Content(mediaType = RegistersApi.PROBLEM))
    @ApiResponse(responseCode = "404", description = "no such PUI",
            content = @Content(mediaType = RegistersApi.PROBLEM))
    @ApiResponse(responseCode = "422", description = "finessEt " + RegistersApi.FINESS,
            content = @Content(mediaType = RegistersApi.PROBLEM))
    @Get("/{finessEt}")
    public HttpResponse<Pui> get(Caller caller, String finessEt) {
        Pui pui = puis.get(caller, Finess.parse(finessEt));
        return Versioned.ok(pui, pui.version());
    }

    @ApiResponse(responseCode = "403", description = "neither the national operator, the region's ARS nor a pharmacist of the establishment",
            content = @Content(mediaType = RegistersApi.PROBLEM))
    @ApiResponse(responseCode = "404", description = "no establishment /finessEj in the register",
            content = @Content(mediaType = RegistersApi.PROBLEM))
    @ApiResponse(responseCode = "412", description = Versioned.MISMATCH,
            content = @Content(mediaType = RegistersApi.PROBLEM))
    @ApiResponse(responseCode = "428", description = Versioned.REQUIRED,
            content = @Content(mediaType = RegistersApi.PROBLEM))
    @ApiResponse(responseCode = "409", description = Versioned.CONCURRENT,
            content = @Content(mediaType = RegistersApi.PROBLEM))
    @ApiResponse(responseCode = "422", description = "finessEt " + RegistersApi.FINESS + "; /finessEj, /finessEt, /name, /email, /phone, /deliveryAddress"
            + " (line1, line2, postalCode, city); " + RegistersApi.IF_MATCH,
            content = @Content(mediaType = RegistersApi.PROBLEM))
    @Put("/{finessEt}")
    public HttpResponse<Pui> put(Caller caller, String finessEt, @Body PuiBody body,
                                 @Nullable @Header("If-Match") String ifMatch) {
        Pui pui = puis.put(caller, Finess.parse(finessEt), body, Versions.ifMatch(ifMatch));
        return Versioned.saved(pui, pui.version());
    }

    @ApiResponse(responseCode = "403", description = "neither the national operator nor the ARS of the PUI's region",
            content = @Content(mediaType = RegistersApi.PROBLEM))
    @ApiResponse(responseCode = "404", description = "no such PUI",
            content = @Content(mediaType = RegistersApi.PROBLEM))
    @ApiResponse(responseCode = "422", description = "finessEt " + RegistersApi.FINESS,
            content = @Content(mediaType = RegistersApi.PROBLEM))
    @Get("/{finessEt}/audit")
    public List<AuditEntry> audit(Caller caller, String finessEt) {
        return puis.audit(caller, Finess.parse(finessEt));
    }
}
