package fr.dispostock.platform.mail;

import fr.dispostock.domain.mail.Campaign;
import fr.dispostock.domain.mail.Mailing;
import fr.dispostock.domain.mail.MailingId;
import fr.dispostock.domain.mail.Recipient;
import fr.dispostock.domain.mail.ReminderKind;
import fr.dispostock.domain.mail.ReminderRun;
import fr.dispostock.platform.dynamo.Items;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static fr.dispostock.platform.dynamo.Items.n;
import static fr.dispostock.platform.dynamo.Items.put;
import static fr.dispostock.platform.dynamo.Items.s;
import static fr.dispostock.platform.dynamo.Items.string;

/** Mailings, campaigns, reminder runs, recipients and kicks as MailTable items and back (keys from {@link MailKeys}). */
final class MailItems {
    private MailItems() {
    }

    /** A mailing's own item as created: PREPARING, no batch sent yet (what is proper to a campaign or a run added by the caller). */
    static Map<String, AttributeValue> created(Mailing m) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(MailKeys.mailing(m.id())));
        item.put("sk", s(MailKeys.ROOT));
        item.put("subject", s(m.subject()));
        item.put("bodyText", s(m.text()));
        put(item, "bodyHtml", s(m.html()));
        item.put("delivery", s(m.delivery().name()));
        item.put("status", s(Mailing.Status.PREPARING.name()));
        item.put("recipients", n(m.recipients()));
        item.put("batches", n(m.batches()));
        item.put("nextBatch", n(0));
        item.put("sent", n(0));
        item.put("failed", n(0));
        item.put("bounced", n(0));
        item.put("suppressed", n(m.suppressed()));
        item.put("leaseUntil", n(0));
        return item;
    }

    /** What is proper to a campaign, on its mailing's item. */
    static void putCampaign(Map<String, AttributeValue> item, Campaign c) {
        item.put("audienceType", s(c.audience().type()));
        put(item, "audienceRegion", s(c.audience().region()));
        put(item, "audienceDepartement", s(c.audience().departement()));
        put(item, "audienceWeek", s(c.audience().week()));
        item.put("createdBy", s(c.createdBy()));
        item.put("createdAt", s(c.createdAt().toString()));
        item.put("gsi1pk", s(MailKeys.CAMPAIGNS));
        item.put("gsi1sk", s(MailKeys.campaign(c.createdAt(), c.campaignId())));
    }

    /** What is proper to a reminder run, on its mailing's item. */
    static void putRun(Map<String, AttributeValue> item, ReminderRun run) {
        item.put("kind", s(run.kind().slug()));
        item.put("scheduledFor", s(run.scheduledFor().toString()));
        item.put("startedAt", s(run.startedAt().toString()));
        item.put("gsi1pk", s(MailKeys.RUNS));
        item.put("gsi1sk", s(MailKeys.run(run.scheduledFor(), run.kind())));
    }

    /** Batch {@code b} of a mailing's recipients, with their template data; expiring at {@code expiresAt} if not null. */
    static Map<String, AttributeValue> batch(MailingId id, int b, List<Recipient> recipients, Instant expiresAt) {
        Map<String, AttributeValue> batch = new HashMap<>();
        batch.put("pk", s(MailKeys.mailing(id)));
        batch.put("sk", s(MailKeys.batch(b)));
        batch.put("to", Items.list(recipients.stream().map(Recipient::email).toList()));
        batch.put("data", AttributeValue.fromL(recipients.stream().map(r -> {
            Map<String, AttributeValue> data = new HashMap<>();
            r.data().forEach((k, v) -> data.put(k, s(v)));
            return AttributeValue.fromM(data);
        }).toList()));
        if (expiresAt != null) {
            batch.put("expiresAt", n(expiresAt.getEpochSecond()));
        }
        return batch;
    }

    static List<Recipient> recipients(Map<String, AttributeValue> batch) {
        List<String> to = Items.strings(batch, "to");
        AttributeValue data = batch.get("data");
        List<Recipient> recipients = new ArrayList<>();
        for (int r = 0; r < to.size(); r++) {
            Map<String, String> values = new HashMap<>();
            if (data != null && data.hasL()) { // campaigns created before per-recipient data have none
                data.l().get(r).m().forEach((k, v) -> values.put(k, v.s()));
            }
            recipients.add(new Recipient(to.get(r), values));
        }
        return recipients;
    }

    static Mailing mailing(Map<String, AttributeValue> i) {
        String delivery = string(i, "delivery");
        return new Mailing(MailingId.ofKey(string(i, "pk")), string(i, "subject"), string(i, "bodyText"),
                string(i, "bodyHtml"), delivery == null ? Mailing.Delivery.AT_LEAST_ONCE : Mailing.Delivery.valueOf(delivery),
                Mailing.Status.valueOf(string(i, "status")), (int) Items.number(i, "recipients"),
                (int) Items.number(i, "batches"), (int) Items.number(i, "nextBatch"), Items.number(i, "sent"),
                Items.number(i, "failed"), Items.number(i, "bounced"), Items.number(i, "suppressed"));
    }

    static ReminderRun run(Map<String, AttributeValue> i) {
        return new ReminderRun(ReminderKind.parse(string(i, "kind")), Instant.parse(string(i, "scheduledFor")),
                Instant.parse(string(i, "startedAt")), mailing(i));
    }

    static Campaign campaign(Map<String, AttributeValue> i) {
        return new Campaign(MailingId.ofKey(string(i, "pk")).value(),
                new Campaign.Audience(string(i, "audienceType"), string(i, "audienceRegion"),
                        string(i, "audienceDepartement"), string(i, "audienceWeek")),
                string(i, "createdBy"), Instant.parse(string(i, "createdAt")), mailing(i));
    }

    static Map<String, AttributeValue> suppressed(String email, String reason, Instant at) {
        return Map.of("pk", s(MailKeys.SUPPRESSED), "sk", s(MailKeys.suppressed(email)), "reason", s(reason),
                "at", s(at.toString()));
    }

    /** A kick of a mailing's sender, expired by the TTL at {@code expiresAt}. */
    static Map<String, AttributeValue> kick(MailingId id, Instant at, Instant expiresAt) {
        return Map.of("pk", s(MailKeys.kick(id)), "sk", s(MailKeys.kickedAt(at)), "mailing", s(MailKeys.mailing(id)),
                "expiresAt", n(expiresAt.getEpochSecond()));
    }
}
