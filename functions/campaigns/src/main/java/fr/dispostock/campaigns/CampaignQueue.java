package fr.dispostock.campaigns;

/**
 * Gets a campaign's sending going in the background (or going on, after an invocation ran out of
 * time): an asynchronous invocation of the sender function in AWS, a thread on the local platform.
 */
public interface CampaignQueue {
    void kick(String campaignId);
}
