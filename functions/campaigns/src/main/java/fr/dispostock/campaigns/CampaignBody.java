package fr.dispostock.campaigns;

import io.micronaut.serde.annotation.Serdeable;

/** A campaign as its author sends it. */
@Serdeable
public record CampaignBody(String subject, String bodyText, String bodyHtml, AudienceBody audience) {
    @Serdeable
    public record AudienceBody(String type, String region, String departement, String week) {
    }
}
