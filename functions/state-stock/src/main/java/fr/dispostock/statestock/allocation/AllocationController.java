package fr.dispostock.statestock.allocation;

import fr.dispostock.domain.Caller;
import fr.dispostock.domain.statestock.Availability;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** Routes /v1/state-stock/availability and /v1/state-stock/allocation → {@link AllocationService} → StateStockTable. */
@Controller("/v1/state-stock")
public class AllocationController {
    private final AllocationService allocation;

    public AllocationController(AllocationService allocation) {
        this.allocation = allocation;
    }

    @Operation(summary = "The supplier declares the units it can deliver for an order day, by product (replaces the"
            + " day's earlier declaration)")
    @ApiResponse(responseCode = "200", description = "The declaration as kept")
    @ApiResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "403", description = "Neither the supplier nor the national operator",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "orderDay not a first Thursday of a month (pointer `orderDay`); a product"
            + " not in the catalogue or twice (`/lines/N/productCode`); available not a whole number from 0 to 100,000,000"
            + " (`/lines/N/available`); no line, or more than 100 (`/lines`)", content = @Content(mediaType = "application/problem+json"))
    @Put("/availability/{orderDay}")
    public Availability declare(Caller caller, String orderDay,
                                @Body AllocationViews.AvailabilityBody body) {
        return allocation.declare(caller, orderDay, body);
    }

    @Operation(summary = "The fair share proposed for an order day: for each product the supplier declared, the units"
            + " that bring every PUI to the same coverage in days when the orders ask more than available (never"
            + " below 0, never above what was asked, whole packs); the ARS decides in its review")
    @ApiResponse(responseCode = "200", description = "The proposal for the region's orders still to review (all of them"
            + " for the national operator without region); no product when the supplier declared nothing")
    @ApiResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "403", description = "Neither the region's ARS nor the national operator",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "orderDay missing or not a first Thursday of a month (pointer"
            + " `orderDay`), region not an INSEE region code (`region`)", content = @Content(mediaType = "application/problem+json"))
    @Get("/allocation")
    public AllocationViews.Proposal propose(Caller caller,
                                            @Nullable @QueryValue String orderDay, @Nullable @QueryValue String region) {
        return allocation.propose(caller, orderDay, region);
    }
}
