package fr.dispostock.campaigns;

import fr.dispostock.domain.mail.Campaign;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** A campaign and its progress, as the API shows it. */
@Serdeable
public record CampaignView(String campaignId, String status, String subject, String audience, String region,
                           String week, int recipients, long sent, long failed, long bounced, long suppressed,
                           String createdBy, Instant createdAt) {
    static CampaignView of(Campaign c) {
        return new CampaignView(c.campaignId(), c.status().name(), c.subject(), c.audience().type(),
                c.audience().region(), c.audience().week(), c.recipients(), c.sent(), c.failed(), c.bounced(),
                c.suppressed(), c.createdBy(), c.createdAt());
    }
}
