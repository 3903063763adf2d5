package fr.dispostock.registers.medicines;

import fr.dispostock.registers.RegistersApi;
import fr.dispostock.domain.Caller;
import fr.dispostock.domain.Versions;
import fr.dispostock.domain.register.AuditEntry;
import fr.dispostock.domain.register.Medicine;
import fr.dispostock.platform.web.Versioned;
import fr.dispostock.registers.supply.SupplyStatusService;
import fr.dispostock.registers.supply.SupplyStatusView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.util.List;

/** Routes /v1/medicines → {@link MedicineService} → RegistersTable. Every role reads them. */
@Controller("/v1/medicines")
public class MedicineController {
    private final MedicineService medicines;
    private final SupplyStatusService supply;

    public MedicineController(MedicineService medicines, SupplyStatusService supply) {
        this.medicines = medicines;
        this.supply = supply;
    }

    @ApiResponse(responseCode = "422", description = "activeOn not a date, region not an INSEE region code (pointers `activeOn`, `region`)",
            content = @Content(mediaType = RegistersApi.PROBLEM))
    @Get
    public List<Medicine> list(Caller caller, @Nullable @QueryValue String activeOn, @Nullable @QueryValue String region) {
        return medicines.list(activeOn, region);
    }

    @ApiResponse(responseCode = "404", description = "no such tracked item (whatever the id's shape)",
            content = @Content(mediaType = RegistersApi.PROBLEM))
    @Get("/{itemId}")
    public HttpResponse<Medicine> get(Caller caller, String itemId) {
        Medicine m = medicines.get(itemId);
        return Versioned.ok(m, m.version());
    }

    @ApiResponse(responseCode = "403", description = "a national item kept by someone other than the national operator, or a regional one outside"
            + " the ARS's region",
            content = @Content(mediaType = RegistersApi.PROBLEM))
    @ApiResponse(responseCode = "412", description = Versioned.MISMATCH,
            content = @Content(mediaType = RegistersApi.PROBLEM))
    @ApiResponse(responseCode = "428", description = Versioned.REQUIRED,
            content = @Content(mediaType = RegistersApi.PROBLEM))
    @ApiResponse(responseCode = "409", description = Versioned.CONCURRENT,
            content = @Content(mediaType = RegistersApi.PROBLEM))
    @ApiResponse(responseCode = "422", description = "itemId (path) not an item id, /itemId not the path's, /label, /ucds (at least one, each a UCD code, not another item's), /cis, /trackingStart,"
            + " /trackingEnd, /priority/level, /priority/regions; " + RegistersApi.IF_MATCH,
            content = @Content(mediaType = RegistersApi.PROBLEM))
    @Put("/{itemId}")
    public HttpResponse<Medicine> put(Caller caller, String itemId, @Body MedicineBody body,
                                      @Nullable @Header("If-Match") String ifMatch) {
        Medicine m = medicines.put(caller, itemId, body, Versions.ifMatch(ifMatch));
        return Versioned.saved(m, m.version());
    }

    @Operation(summary = "The medicines agency's shortage and supply-tension statuses of the item's CIS codes,"
            + " as last imported (every role)")
    @ApiResponse(responseCode = "200", description = "The statuses, in the order of the item's CIS codes; none when the agency lists none")
    @ApiResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "No such tracked item", content = @Content(mediaType = "application/problem+json"))
    @Get("/{itemId}/supply-statuses")
    public List<SupplyStatusView> supplyStatuses(Caller caller, String itemId) {
        return supply.of(medicines.get(itemId));
    }

    @ApiResponse(responseCode = "403", description = "a national item asked by someone other than the national operator, or a regional one"
            + " outside the ARS's region",
            content = @Content(mediaType = RegistersApi.PROBLEM))
    @ApiResponse(responseCode = "404", description = "no such tracked item",
            content = @Content(mediaType = RegistersApi.PROBLEM))
    @Get("/{itemId}/audit")
    public List<AuditEntry> audit(Caller caller, String itemId) {
        return medicines.audit(caller, itemId);
    }
}
