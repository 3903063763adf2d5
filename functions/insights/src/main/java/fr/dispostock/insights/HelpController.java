package fr.dispostock.insights;

import fr.dispostock.domain.Caller;
import fr.dispostock.domain.Identifiers;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * Routes /v1/puis/{finessEt}/insights/lenders (help between PUIs) and /v1/insights/expiry (State-stock
 * expiry risk), for the health authorities. Proposals: a person calls the pharmacies and decides.
 */
@Controller
public class HelpController {
    private final LendingService lending;
    private final ExpiryService expiry;

    public HelpController(LendingService lending, ExpiryService expiry) {
        this.lending = lending;
        this.expiry = expiry;
    }

    @Get("/v1/puis/{finessEt}/insights/lenders")
    @ApiResponse(responseCode = "200", description = "what the PUI lacks to cover 14 days of the item and at most 5 PUIs"
            + " that could lend it and keep 14 days of their own, those of its region first, nearest first",
            content = @Content(schema = @Schema(implementation = LendingView.class)))
    @ApiResponse(responseCode = "403", description = "not the ARS or OMEDIT of the PUI's region nor the national operator"
            + " (pharmacists and software included)", content = @Content(mediaType = InsightsApi.PROBLEM))
    @ApiResponse(responseCode = "404", description = "no such PUI; no week given and no run done yet; the item not"
            + " assessed for the PUI that week; the PUI's site without FINESS coordinates",
            content = @Content(mediaType = InsightsApi.PROBLEM))
    @ApiResponse(responseCode = "422", description = "finessEt not a FINESS number, itemId missing or not an item id"
            + " (letters, digits, `.`, `_`, `-`, at most 64), week not an ISO week (pointers `finessEt`, `itemId`, `week`)",
            content = @Content(mediaType = InsightsApi.PROBLEM))
    public LendingView lenders(Caller caller,
                               @Parameter(description = "FINESS of the PUI's site (9 characters)") @PathVariable String finessEt,
                               @Parameter(description = "the tracked item, required (422 without it)",
                                       schema = @Schema(type = "string", pattern = Identifiers.ID_REGEX))
                               @Nullable @QueryValue String itemId,
                               @Parameter(description = InsightsApi.WEEK) @Nullable @QueryValue String week) {
        return lending.lenders(caller, finessEt, itemId, week);
    }

    @Get("/v1/insights/expiry")
    @ApiResponse(responseCode = "200", description = "State-stock units declared that Thursday and those expected to expire"
            + " unused (first expiry first out at each PUI's use of the product, measured from its Thursday lots and the"
            + " shipments to it over the last 8 weeks; units whose use is unknown are counted apart, in `unknownUse`),"
            + " by region and by PUI, each lot with at most 3 PUIs of its region that would use its units in time",
            content = @Content(schema = @Schema(implementation = ExpiryView.class)))
    @ApiResponse(responseCode = "403", description = InsightsApi.NOT_IN_SCOPE,
            content = @Content(mediaType = InsightsApi.PROBLEM))
    @ApiResponse(responseCode = "422", description = "region not a region code, date not a Thursday from 2000-01-01 to"
            + " 2099-12-31, week not an ISO week (pointers `region`, `date`, `week`)", content = @Content(mediaType = InsightsApi.PROBLEM))
    public ExpiryView expiry(Caller caller,
                             @Parameter(description = InsightsApi.REGION) @Nullable @QueryValue String region,
                             @Parameter(description = "the Thursday of the lots; default: the last Thursday (today's"
                                     + " included, Paris)", schema = @Schema(type = "string", format = "date"))
                             @Nullable @QueryValue String date,
                             @Parameter(description = "deprecated, echoed in the answer: the use no longer comes from a"
                                     + " weekly run; an ISO week (422 otherwise)", deprecated = true)
                             @Nullable @QueryValue String week) {
        return expiry.expiry(caller, region, date, week);
    }
}
