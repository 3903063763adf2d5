package fr.dispostock.campaigns;

import fr.dispostock.domain.Caller;
import fr.dispostock.platform.auth.AuthenticationFilter;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;

/** Routes /v1/campaigns → {@link CampaignService} → MailTable (the sending: {@link MailingSender}). */
@Controller("/v1/campaigns")
public class CampaignController {
    private final CampaignService campaigns;

    public CampaignController(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @Post
    public HttpResponse<CampaignView> create(@RequestAttribute(AuthenticationFilter.CALLER) Caller caller,
                                             @Body CampaignBody body) {
        return HttpResponse.created(CampaignView.of(campaigns.create(caller, body)));
    }

    @Post("/{campaignId}/send")
    public HttpResponse<CampaignView> send(@RequestAttribute(AuthenticationFilter.CALLER) Caller caller,
                                           String campaignId) {
        return HttpResponse.accepted().body(CampaignView.of(campaigns.send(caller, campaignId)));
    }

    @Get("/{campaignId}")
    public CampaignView get(@RequestAttribute(AuthenticationFilter.CALLER) Caller caller, String campaignId) {
        return CampaignView.of(campaigns.get(caller, campaignId));
    }
}
