package fr.dispostock.platform.mail;

import fr.dispostock.domain.Region;
import fr.dispostock.domain.erasure.Pseudonyms;
import fr.dispostock.domain.mail.Campaign;
import fr.dispostock.domain.mail.CampaignStore;
import fr.dispostock.domain.mail.Mailing;
import fr.dispostock.domain.mail.MailingId;
import fr.dispostock.domain.mail.MailingStore;
import fr.dispostock.domain.mail.Recipient;
import fr.dispostock.domain.mail.ReminderKind;
import fr.dispostock.domain.mail.ReminderRun;
import fr.dispostock.domain.mail.ReminderRunStore;
import fr.dispostock.platform.dynamo.BatchCalls;
import fr.dispostock.platform.dynamo.Items;
import fr.dispostock.platform.dynamo.Tables;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import static fr.dispostock.platform.dynamo.Items.n;
import static fr.dispostock.platform.dynamo.Items.s;
import static fr.dispostock.platform.dynamo.Items.string;

/**
 * Mailings in the MailTable (DYNAMODB.md), campaigns and reminder runs alike: the mailing's item
 * holds the checkpoint and the counters (updated in place, atomically) beside what is proper to a
 * campaign or a run; recipients are items of 50 each, with their template data; suppressed
 * addresses are items of their own. Reminder runs are also in the index {@code gsi1} under
 * {@code RUNS}, by the instant they were scheduled for, and campaigns under {@code CAMPAIGNS}. Keys:
 * {@link MailKeys}; items: {@link MailItems}; here the conditions, queries and updates.
 */
@Singleton
@Requires(property = Tables.MAIL)
public class DynamoMailingStore implements MailingStore, CampaignStore, ReminderRunStore {
    /** How long a reminder run's recipients (addresses) are kept; the run's report stays. */
    static final Duration RUN_RECIPIENTS_KEPT = Duration.ofDays(90);
    private final DynamoDbClient dynamoDb;
    private final BatchCalls batches;
    private final Clock clock;
    private final String table;
    /** Only the functions that fix recipients (reminders, campaigns) look an address up: only they hold the key (resolved when used). */
    private final BeanProvider<Pseudonyms> pseudonyms;

    public DynamoMailingStore(DynamoDbClient dynamoDb, BatchCalls batches, Clock clock,
                              Tables tables, BeanProvider<Pseudonyms> pseudonyms) {
        this.dynamoDb = dynamoDb;
        this.batches = batches;
        this.clock = clock;
        this.table = tables.mail();
        this.pseudonyms = pseudonyms;
    }

    // ---- creating: the mailing's item first (its identity, conditionally), then its recipients, then ready

    /**
     * Writes the mailing's item in PREPARING if it does not exist, then its batches, then its status:
     * a second creation of the same mailing (a schedule delivered twice) writes nothing, and no sender
     * ever reads a mailing whose recipients are not all written.
     */
    private boolean create(Mailing m, Consumer<Map<String, AttributeValue>> proper, List<List<Recipient>> recipients,
                           Instant recipientsExpireAt) {
        Map<String, AttributeValue> item = MailItems.created(m);
        proper.accept(item);
        try {
            dynamoDb.putItem(p -> p.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int b = 0; b < recipients.size(); b++) {
            items.add(MailItems.batch(m.id(), b, recipients.get(b), recipientsExpireAt));
        }
        batches.putAll(table, items);
        update(m.id(), "SET #st = :st", "#st = :preparing",
                Map.of(":st", s(m.status().name()), ":preparing", s(Mailing.Status.PREPARING.name())));
        return true;
    }

    @Override
    public void create(Campaign c, List<List<Recipient>> recipients) {
        if (!create(c.mailing(), item -> MailItems.putCampaign(item, c), recipients, null)) {
            throw new IllegalStateException("campaign " + c.campaignId() + " exists already");
        }
    }

    @Override
    public boolean create(ReminderRun run, List<List<Recipient>> recipients) {
        return create(run.mailing(), item -> MailItems.putRun(item, run), recipients, clock.instant().plus(RUN_RECIPIENTS_KEPT));
    }

    // ---- reading

    private Optional<Map<String, AttributeValue>> root(MailingId id) {
        Map<String, AttributeValue> i = dynamoDb.getItem(g -> g.tableName(table).consistentRead(true)
                .key(Items.key(MailKeys.mailing(id), MailKeys.ROOT))).item();
        return i == null || i.isEmpty() ? Optional.empty() : Optional.of(i);
    }

    @Override
    public Optional<Mailing> mailing(MailingId id) {
        return root(id).map(MailItems::mailing);
    }

    @Override
    public Optional<Campaign> campaign(String campaignId) {
        return root(MailingId.campaign(campaignId)).map(MailItems::campaign);
    }

    /** Query gsi1 {@code CAMPAIGNS} newest first; an ARS's only, filtered on the region (campaigns are few). */
    @Override
    public List<Campaign> latest(Optional<Region> region, int limit) {
        List<Campaign> found = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            Map<String, AttributeValue> values = new HashMap<>(Map.of(":campaigns", s(MailKeys.CAMPAIGNS)));
            region.ifPresent(r -> values.put(":region", s(r.code())));
            QueryResponse page = dynamoDb.query(q -> q.tableName(table).indexName("gsi1")
                    .keyConditionExpression("gsi1pk = :campaigns").scanIndexForward(false)
                    .filterExpression(region.isPresent() ? "audienceRegion = :region" : null)
                    .expressionAttributeValues(values).limit(limit).exclusiveStartKey(from));
            page.items().stream().limit(limit - found.size()).forEach(i -> found.add(MailItems.campaign(i)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && found.size() < limit);
        return found;
    }

    @Override
    public Optional<ReminderRun> run(ReminderKind kind, Instant scheduledFor) {
        return root(MailingId.reminderRun(kind, scheduledFor)).map(MailItems::run);
    }

    @Override
    public List<ReminderRun> since(Instant since) {
        List<ReminderRun> runs = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamoDb.query(q -> q.tableName(table).indexName("gsi1")
                    .keyConditionExpression("gsi1pk = :runs AND gsi1sk >= :since")
                    .expressionAttributeValues(Map.of(":runs", s(MailKeys.RUNS), ":since", s(since.toString())))
                    .exclusiveStartKey(from));
            page.items().forEach(i -> runs.add(MailItems.run(i)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return runs;
    }

    @Override
    public List<Recipient> batch(MailingId id, int batch) {
        return MailItems.recipients(dynamoDb.getItem(g -> g.tableName(table).consistentRead(true)
                .key(Items.key(MailKeys.mailing(id), MailKeys.batch(batch)))).item());
    }

    // ---- sending

    @Override
    public boolean startSending(String campaignId) {
        return update(MailingId.campaign(campaignId), "SET #st = :sending", "#st = :draft",
                Map.of(":sending", s("SENDING"), ":draft", s("DRAFT")));
    }

    @Override
    public boolean lease(MailingId id, String holder, Instant now, Instant until) {
        return update(id, "SET leaseUntil = :until, leaseHolder = :holder", "leaseUntil < :now OR leaseHolder = :holder",
                Map.of(":until", n(until.toEpochMilli()), ":now", n(now.toEpochMilli()), ":holder", s(holder)));
    }

    @Override
    public void release(MailingId id, String holder) {
        update(id, "SET leaseUntil = :free", "leaseHolder = :holder", Map.of(":free", n(0), ":holder", s(holder)));
    }

    @Override
    public boolean claim(MailingId id, int batch) {
        return update(id, "SET claimed = :batch", "nextBatch = :batch AND (attribute_not_exists(claimed) OR claimed <> :batch)",
                Map.of(":batch", n(batch)));
    }

    @Override
    public boolean checkpoint(MailingId id, int batch, int sent, int failed, boolean last) {
        return update(id, "SET nextBatch = :next, #st = :st ADD sent :sent, failed :failed", "nextBatch = :batch",
                Map.of(":next", n(batch + 1L), ":st", s(last ? "SENT" : "SENDING"), ":sent", n(sent),
                        ":failed", n(failed), ":batch", n(batch)));
    }

    @Override
    public Set<String> suppressed(Collection<String> emails) {
        // an erased address is suppressed under its pseudonym (DynamoTableSweeps): looked up under both
        Map<String, String> addressOf = new HashMap<>();
        for (String email : emails) {
            String address = email.toLowerCase(Locale.ROOT);
            addressOf.put(address, address);
            addressOf.put(pseudonyms.get().of(address), address);
        }
        Set<String> found = new HashSet<>();
        batches.getAll(table, addressOf.keySet().stream().map(k -> Items.key(MailKeys.SUPPRESSED, k)).toList(), false)
                .forEach(i -> found.add(addressOf.get(string(i, "sk"))));
        return found;
    }

    @Override
    public void suppress(String email, String reason) {
        dynamoDb.putItem(p -> p.tableName(table).item(MailItems.suppressed(email, reason, clock.instant())));
    }

    @Override
    public boolean countBounceOrComplaint(MailingId id, String event) {
        // the event's marker and the count in one transaction: a redelivered event finds its marker and adds nothing
        Map<String, AttributeValue> marker = Map.of("pk", s(MailKeys.mailing(id)), "sk", s(MailKeys.sesEvent(event)),
                "expiresAt", n(clock.instant().plus(Duration.ofDays(30)).getEpochSecond()));
        try {
            dynamoDb.transactWriteItems(t -> t.transactItems(
                    w -> w.put(p -> p.tableName(table).item(marker).conditionExpression("attribute_not_exists(pk)")),
                    w -> w.update(u -> u.tableName(table).key(Items.key(MailKeys.mailing(id), MailKeys.ROOT)).updateExpression("ADD bounced :one")
                            .conditionExpression("attribute_exists(pk)").expressionAttributeValues(Map.of(":one", n(1))))));
            return true;
        } catch (TransactionCanceledException e) {
            // counted before, or no such mailing (it expired, or came from another platform)
            return false;
        }
    }

    private boolean update(MailingId id, String set, String condition, Map<String, AttributeValue> values) {
        try {
            dynamoDb.updateItem(u -> {
                u.tableName(table).key(Items.key(MailKeys.mailing(id), MailKeys.ROOT)).updateExpression(set).conditionExpression(condition)
                        .expressionAttributeValues(values);
                if (set.contains("#st") || condition.contains("#st")) {
                    u.expressionAttributeNames(Map.of("#st", "status"));
                }
            });
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
