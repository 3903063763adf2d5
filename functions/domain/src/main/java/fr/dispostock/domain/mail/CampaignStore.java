package fr.dispostock.domain.mail;

import fr.dispostock.domain.Region;

import java.util.List;
import java.util.Optional;

/** Where campaigns are kept (port); their sending goes through the {@link MailingStore}. */
public interface CampaignStore {

    /** Stores the campaign and its recipients, in batches (the order they will be sent in). */
    void create(Campaign campaign, List<List<Recipient>> batches);

    Optional<Campaign> campaign(String campaignId);

    /** The latest campaigns, newest first, at most {@code limit}; only those of {@code region} when given. */
    List<Campaign> latest(Optional<Region> region, int limit);

    /** DRAFT → SENDING; false if it was not a draft. */
    boolean startSending(String campaignId);
}
