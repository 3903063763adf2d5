package fr.dispostock.insights;

import fr.dispostock.domain.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** Route /v1/insights/disparities: coverage days by region and département against the nation's. */
@Controller
public class DisparityController {
    private final DisparityService disparities;

    public DisparityController(DisparityService disparities) {
        this.disparities = disparities;
    }

    @Get("/v1/insights/disparities")
    @ApiResponse(responseCode = "200", description = "the nation's median coverage days, and each region and"
            + " département in scope against it with the items on which it falls behind",
            content = @Content(schema = @Schema(implementation = DisparitiesView.class)))
    @ApiResponse(responseCode = "403", description = "not an authority, or a region outside the account's",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "no week given and no run done yet, or no run of the week asked",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "week not an ISO week, region not a region code (pointers"
            + " `week`, `region`)", content = @Content(mediaType = "application/problem+json"))
    public DisparitiesView disparities(Caller caller,
                                       @Parameter(description = "ISO week, e.g. 2026-W48; default: the last run's")
                                       @Nullable @QueryValue String week,
                                       @Parameter(description = "INSEE region code; an ARS or OMEDIT reads its own, the"
                                               + " national operator every region without it")
                                       @Nullable @QueryValue String region) {
        return disparities.disparities(caller, week, region);
    }
}
