package fr.dispostock.campaigns;

import fr.dispostock.domain.mail.Campaign;
import fr.dispostock.domain.mail.Mailing;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** A campaign and its progress, as the API shows it. */
@Serdeable
public record CampaignView(String campaignId, String status, String subject, String audience, String region,
                           String departement, String week, int recipients, long sent, long failed, long bounced, long suppressed,
                           String createdBy, Instant createdAt) {
    static CampaignView of(Campaign c) {
        Mailing m = c.mailing();
        return new CampaignView(c.campaignId(), m.status().name(), m.subject(), c.audience().type(),
                c.audience().region(), c.audience().departement(), c.audience().week(), m.recipients(), m.sent(), m.failed(), m.bounced(),
                m.suppressed(), c.createdBy(), c.createdAt());
    }
}
