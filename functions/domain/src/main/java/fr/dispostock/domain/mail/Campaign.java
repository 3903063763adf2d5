package fr.dispostock.domain.mail;

import java.time.Instant;

/**
 * A mail campaign: its message, its audience frozen into batches of recipients when it is created,
 * and its progress. {@code nextBatch} is the checkpoint: the batches before it were sent.
 */
public record Campaign(String campaignId, String subject, String bodyText, String bodyHtml, Audience audience,
                       Status status, int recipients, int batches, int nextBatch, long sent, long failed,
                       long bounced, long suppressed, String createdBy, Instant createdAt) {

    public enum Status { DRAFT, SENDING, SENT }

    /** ALL (every PUI), REGION (the PUIs of a region), NON_DECLARERS (those that have not declared a week). */
    public record Audience(String type, String region, String week) {
    }
}
