package fr.dispostock.campaigns;

import fr.dispostock.domain.Caller;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.util.List;

/** Routes /v1/campaigns → {@link CampaignService} → MailTable (the sending: {@link MailingSender}). */
@Controller("/v1/campaigns")
public class CampaignController {
    private final CampaignService campaigns;

    public CampaignController(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @ApiResponse(responseCode = "403", description = "neither the national operator nor an ARS, or an ARS writing beyond its region",
            content = @Content(mediaType = CampaignsApi.PROBLEM))
    @ApiResponse(responseCode = "422", description = "/subject missing or over 200 characters, /bodyText missing or too long, /bodyHtml too long,"
            + " /audience/type not ALL, REGION or NON_DECLARERS, /audience/region not a region code or missing for"
            + " REGION, /audience/week not an ISO week or missing for NON_DECLARERS, /audience/departement not a département"
            + " code, given for another audience than NON_DECLARERS, or not in the region written to",
            content = @Content(mediaType = CampaignsApi.PROBLEM))
    @Post
    public HttpResponse<CampaignView> create(Caller caller,
                                             @Body CampaignBody body) {
        return HttpResponse.created(CampaignView.of(campaigns.create(caller, body)));
    }

    @ApiResponse(responseCode = "403", description = CampaignsApi.NOT_IN_SCOPE,
            content = @Content(mediaType = CampaignsApi.PROBLEM))
    @ApiResponse(responseCode = "404", description = "no such campaign",
            content = @Content(mediaType = CampaignsApi.PROBLEM))
    @ApiResponse(responseCode = "409", description = "the campaign is no longer a draft (sending or sent): nothing sent twice",
            content = @Content(mediaType = CampaignsApi.PROBLEM))
    @Post("/{campaignId}/send")
    public HttpResponse<CampaignView> send(Caller caller,
                                           String campaignId) {
        return HttpResponse.accepted().body(CampaignView.of(campaigns.send(caller, campaignId)));
    }

    @Get
    @Operation(summary = "The latest campaigns, newest first (national operator: all; an ARS: its region's)")
    @ApiResponse(responseCode = "200", description = "The campaigns with their progress")
    @ApiResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "403", description = "Neither the national operator nor an ARS",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "`limit` not a whole number from 1 to 100 (pointer `limit`)",
            content = @Content(mediaType = "application/problem+json"))
    public List<CampaignView> latest(Caller caller,
                                     @Parameter(description = "campaigns to list", schema = @Schema(type = "integer",
                                             minimum = "1", maximum = "100", defaultValue = "20"))
                                     @Nullable @QueryValue String limit) {
        return campaigns.latest(caller, limit).stream().map(CampaignView::of).toList();
    }

    @ApiResponse(responseCode = "403", description = CampaignsApi.NOT_IN_SCOPE,
            content = @Content(mediaType = CampaignsApi.PROBLEM))
    @ApiResponse(responseCode = "404", description = "no such campaign",
            content = @Content(mediaType = CampaignsApi.PROBLEM))
    @Get("/{campaignId}")
    public CampaignView get(Caller caller, String campaignId) {
        return CampaignView.of(campaigns.get(caller, campaignId));
    }
}
