package fr.dispostock.domain.mail;

import java.time.Instant;

/** A mail campaign: who wrote it, to which audience (frozen into recipients when it is created), and its mailing. */
public record Campaign(String campaignId, Audience audience, String createdBy, Instant createdAt, Mailing mailing) {

    /**
     * ALL (every PUI), REGION (the PUIs of a region), NON_DECLARERS (those that have not declared a week, of a
     * region or of one of its départements when {@code departement} is set).
     */
    public record Audience(String type, String region, String departement, String week) {
    }
}
