package fr.dispostock.insights;

import fr.dispostock.domain.Caller;
import fr.dispostock.domain.Identifiers;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.util.List;

/**
 * Routes /v1/insights/risks and /v1/puis/{finessEt}/insights: the shortage risks the last run (or
 * the week asked) computed, each with its reasons. A decision aid: a person decides.
 */
@Controller
public class RiskController {
    private final RiskService risks;

    public RiskController(RiskService risks) {
        this.risks = risks;
    }

    /** How many alerts the query found, of which the answer carries the nearest {@code limit}. */
    static final String TOTAL = "X-Total-Count";

    @Get("/v1/insights/risks")
    @ApiResponse(responseCode = "200", description = "the region's (or the nation's) PUI × items at risk within the"
            + " horizon, nearest stock-out first; every assessed PUI × item without horizon; at most `limit` of them,"
            + " the header " + TOTAL + " saying how many there are in all",
            headers = @Header(name = TOTAL, description = "how many alerts the query found (the answer carries at most `limit`)",
                    schema = @Schema(type = "integer")),
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = RiskView.class))))
    @ApiResponse(responseCode = "403", description = InsightsApi.NOT_IN_SCOPE,
            content = @Content(mediaType = InsightsApi.PROBLEM))
    @ApiResponse(responseCode = "404", description = InsightsApi.NO_RUN + ", or no run of the week asked (an empty"
            + " list would read as no risk)", content = @Content(mediaType = InsightsApi.PROBLEM))
    @ApiResponse(responseCode = "422", description = "week not an ISO week, region not a region code, horizon not 7,"
            + " 14 or 28, itemId not an item id (letters, digits, `.`, `_`, `-`, at most 64), limit not from 1 to "
            + RiskService.MAX_LIMIT + " (pointers `week`, `region`, `horizon`, `itemId`, `limit`)",
            content = @Content(mediaType = InsightsApi.PROBLEM))
    public HttpResponse<List<RiskView>> region(Caller caller,
                                 @Parameter(description = InsightsApi.WEEK)
                                 @Nullable @QueryValue String week,
                                 @Parameter(description = InsightsApi.REGION)
                                 @Nullable @QueryValue String region,
                                 @Parameter(description = "only the stock-outs at risk within this many days",
                                         schema = @Schema(allowableValues = {"7", "14", "28"}))
                                 @Nullable @QueryValue String horizon,
                                 @Parameter(description = "only the assessments of this tracked item (the header "
                                         + TOTAL + " then counts them alone)",
                                         schema = @Schema(type = "string", pattern = Identifiers.ID_REGEX))
                                 @Nullable @QueryValue String itemId,
                                 @Parameter(description = "at most this many alerts, the nearest stock-outs first (default "
                                         + RiskService.DEFAULT_LIMIT + ")", schema = @Schema(type = "integer", minimum = "1",
                                         maximum = "" + RiskService.MAX_LIMIT, defaultValue = "" + RiskService.DEFAULT_LIMIT))
                                 @Nullable @QueryValue String limit) {
        RiskService.Risks found = risks.region(caller, week, region, horizon, itemId, limit);
        return HttpResponse.ok(found.nearest()).header(TOTAL, Integer.toString(found.total()));
    }

    @Get("/v1/puis/{finessEt}/insights")
    @ApiResponse(responseCode = "200", description = "every item of the PUI assessed for the week, nearest stock-out first",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = RiskView.class))))
    @ApiResponse(responseCode = "403", description = "a PUI outside the account's scope",
            content = @Content(mediaType = InsightsApi.PROBLEM))
    @ApiResponse(responseCode = "404", description = "no such PUI, or " + InsightsApi.NO_RUN,
            content = @Content(mediaType = InsightsApi.PROBLEM))
    @ApiResponse(responseCode = "422", description = "finessEt not a FINESS number, week not an ISO week (pointers"
            + " `finessEt`, `week`)", content = @Content(mediaType = InsightsApi.PROBLEM))
    public List<RiskView> pui(Caller caller,
                              @Parameter(description = "FINESS of the PUI's site (9 characters)") @PathVariable String finessEt,
                              @Parameter(description = InsightsApi.WEEK)
                              @Nullable @QueryValue String week) {
        return risks.pui(caller, finessEt, week);
    }
}
