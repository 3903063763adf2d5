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
    @ApiResponse(responseCode = "403", description = InsightsApi.NOT_IN_SCOPE,
            content = @Content(mediaType = InsightsApi.PROBLEM))
    @ApiResponse(responseCode = "404", description = InsightsApi.NO_RUN + ", or no run of the week asked",
            content = @Content(mediaType = InsightsApi.PROBLEM))
    @ApiResponse(responseCode = "422", description = "week not an ISO week, region not a region code (pointers"
            + " `week`, `region`)", content = @Content(mediaType = InsightsApi.PROBLEM))
    public DisparitiesView disparities(Caller caller,
                                       @Parameter(description = InsightsApi.WEEK)
                                       @Nullable @QueryValue String week,
                                       @Parameter(description = InsightsApi.REGION)
                                       @Nullable @QueryValue String region) {
        return disparities.disparities(caller, week, region);
    }
}
