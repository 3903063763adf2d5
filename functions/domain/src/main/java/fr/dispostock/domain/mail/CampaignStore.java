package fr.dispostock.domain.mail;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Where campaigns, their recipients and the suppressed addresses are kept (port). */
public interface CampaignStore {

    /** Stores the campaign and its recipients, in batches (the order they will be sent in). */
    void create(Campaign campaign, List<List<String>> batches);

    Optional<Campaign> campaign(String campaignId);

    /** DRAFT → SENDING; false if it was not a draft. */
    boolean startSending(String campaignId);

    /**
     * Takes the campaign's sending lease until that instant, if no other sender holds one: only one
     * sender works on a campaign at a time.
     */
    boolean lease(String campaignId, Instant now, Instant until);

    List<String> batch(String campaignId, int batch);

    /**
     * Records that a batch went out (sent and failed counts) and moves the checkpoint past it, in one
     * write, only if the checkpoint is still at that batch; the last batch marks the campaign SENT.
     */
    boolean checkpoint(String campaignId, int batch, int sent, int failed, boolean last);

    /** Which of these addresses bounced or complained before (lower case). */
    Set<String> suppressed(Collection<String> emails);

    void suppress(String email, String reason);

    /** Counts a bounce or complaint against the campaign the mail came from. */
    void countBounce(String campaignId);
}
