package fr.dispostock.registers.supply;

import fr.dispostock.domain.Caller;
import fr.dispostock.domain.Limits;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** Route /v1/supply-statuses/import → {@link SupplyStatusService} → RegistersTable. National operator only. */
@Controller("/v1/supply-statuses")
public class SupplyStatusController {
    private final SupplyStatusService statuses;

    public SupplyStatusController(SupplyStatusService statuses) {
        this.statuses = statuses;
    }

    @Operation(summary = "Imports the medicines agency's shortage statuses: the public medicines database's"
            + " CIS_CIP_Dispo_Spec.txt as published (TAB-separated, no header, at most "
            + Limits.SUPPLY_STATUS_LINES_MAX + " lines, " + Limits.SUPPLY_STATUSES_PER_CIS_MAX + " statuses per CIS);"
            + " a CIS the file no longer lists loses its statuses; a bad line refuses the whole file, nothing written;"
            + " the same file again writes nothing")
    @ApiResponse(responseCode = "200", description = "What the import did by CIS")
    @ApiResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "403", description = "Not the national operator", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "An empty file, or more lines than the bound (pointer \"\"); or"
            + " every bad line (pointer /lines/N for line N + 1, the message starting \"line N + 1: \"), nothing written",
            content = @Content(mediaType = "application/problem+json"))
    @Post(value = "/import", consumes = {MediaType.TEXT_PLAIN, "text/tab-separated-values", "text/csv"})
    public SupplyStatusImport importFile(Caller caller, @Body String file) {
        return statuses.importFile(caller, file);
    }
}
