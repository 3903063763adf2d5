package fr.dispostock.platform.mail;

import fr.dispostock.domain.mail.Campaign;
import fr.dispostock.domain.mail.CampaignStore;
import fr.dispostock.platform.dynamo.BatchWriter;
import fr.dispostock.platform.dynamo.Items;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

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

import static fr.dispostock.platform.dynamo.Items.n;
import static fr.dispostock.platform.dynamo.Items.put;
import static fr.dispostock.platform.dynamo.Items.s;
import static fr.dispostock.platform.dynamo.Items.string;

/**
 * Campaigns in the MailTable (DYNAMODB.md): the campaign item holds the checkpoint and the counters
 * (updated in place, atomically); recipients are items of 50 addresses each; suppressed addresses
 * are items of their own.
 */
@Singleton
public class DynamoCampaignStore implements CampaignStore {
    private static final String ROOT = "#";
    private final DynamoDbClient dynamoDb;
    private final BatchWriter batches;
    private final String table;

    public DynamoCampaignStore(DynamoDbClient dynamoDb, BatchWriter batches,
                               @Value("${dispostock.tables.mail:MailTable}") String table) {
        this.dynamoDb = dynamoDb;
        this.batches = batches;
        this.table = table;
    }

    private static String pk(String id) {
        return "CAMPAIGN#" + id;
    }

    private static String batchKey(int batch) {
        return String.format("BATCH#%06d", batch);
    }

    @Override
    public void create(Campaign c, List<List<String>> recipients) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int b = 0; b < recipients.size(); b++) {
            items.add(Map.of("pk", s(pk(c.campaignId())), "sk", s(batchKey(b)), "to", Items.ss(recipients.get(b))));
        }
        batches.putAll(table, items); // before the campaign item: a campaign that exists has all its recipients
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(pk(c.campaignId())));
        item.put("sk", s(ROOT));
        item.put("subject", s(c.subject()));
        item.put("bodyText", s(c.bodyText()));
        put(item, "bodyHtml", s(c.bodyHtml()));
        item.put("audienceType", s(c.audience().type()));
        put(item, "audienceRegion", s(c.audience().region()));
        put(item, "audienceWeek", s(c.audience().week()));
        item.put("status", s(c.status().name()));
        item.put("recipients", n(c.recipients()));
        item.put("batches", n(c.batches()));
        item.put("nextBatch", n(0));
        item.put("sent", n(0));
        item.put("failed", n(0));
        item.put("bounced", n(0));
        item.put("suppressed", n(c.suppressed()));
        item.put("leaseUntil", n(0));
        item.put("createdBy", s(c.createdBy()));
        item.put("createdAt", s(c.createdAt().toString()));
        dynamoDb.putItem(p -> p.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
    }

    @Override
    public Optional<Campaign> campaign(String id) {
        Map<String, AttributeValue> i = dynamoDb.getItem(g -> g.tableName(table).consistentRead(true)
                .key(Items.key(pk(id), ROOT))).item();
        if (i == null || i.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Campaign(id, string(i, "subject"), string(i, "bodyText"), string(i, "bodyHtml"),
                new Campaign.Audience(string(i, "audienceType"), string(i, "audienceRegion"), string(i, "audienceWeek")),
                Campaign.Status.valueOf(string(i, "status")), (int) Items.number(i, "recipients"),
                (int) Items.number(i, "batches"), (int) Items.number(i, "nextBatch"), Items.number(i, "sent"),
                Items.number(i, "failed"), Items.number(i, "bounced"), Items.number(i, "suppressed"),
                string(i, "createdBy"), Instant.parse(string(i, "createdAt"))));
    }

    @Override
    public boolean startSending(String id) {
        return update(id, "SET #st = :sending", "#st = :draft",
                Map.of(":sending", s("SENDING"), ":draft", s("DRAFT")));
    }

    @Override
    public boolean lease(String id, Instant now, Instant until) {
        return update(id, "SET leaseUntil = :until", "leaseUntil < :now",
                Map.of(":until", n(until.toEpochMilli()), ":now", n(now.toEpochMilli())));
    }

    @Override
    public List<String> batch(String id, int batch) {
        return Items.strings(dynamoDb.getItem(g -> g.tableName(table).consistentRead(true)
                .key(Items.key(pk(id), batchKey(batch)))).item(), "to");
    }

    @Override
    public boolean checkpoint(String id, int batch, int sent, int failed, boolean last) {
        return update(id, "SET nextBatch = :next, #st = :st ADD sent :sent, failed :failed", "nextBatch = :batch",
                Map.of(":next", n(batch + 1L), ":st", s(last ? "SENT" : "SENDING"), ":sent", n(sent),
                        ":failed", n(failed), ":batch", n(batch)));
    }

    @Override
    public Set<String> suppressed(Collection<String> emails) {
        Set<String> found = new HashSet<>();
        List<String> all = emails.stream().map(e -> e.toLowerCase(Locale.ROOT)).distinct().toList();
        for (int from = 0; from < all.size(); from += 100) {
            Map<String, KeysAndAttributes> pending = Map.of(table, KeysAndAttributes.builder().keys(
                    all.subList(from, Math.min(all.size(), from + 100)).stream()
                            .map(e -> Items.key("SUPPRESSED", e)).toList()).build());
            for (int attempt = 0; !pending.isEmpty(); attempt++) {
                BatchWriter.backOff(attempt);
                Map<String, KeysAndAttributes> request = pending;
                var response = dynamoDb.batchGetItem(b -> b.requestItems(request));
                response.responses().getOrDefault(table, List.of()).forEach(i -> found.add(string(i, "sk")));
                pending = response.unprocessedKeys();
            }
        }
        return found;
    }

    @Override
    public void suppress(String email, String reason) {
        dynamoDb.putItem(p -> p.tableName(table).item(Map.of("pk", s("SUPPRESSED"),
                "sk", s(email.toLowerCase(Locale.ROOT)), "reason", s(reason), "at", s(Instant.now().toString()))));
    }

    @Override
    public void countBounce(String id) {
        update(id, "ADD bounced :one", "attribute_exists(pk)", Map.of(":one", n(1)));
    }

    private boolean update(String id, String set, String condition, Map<String, AttributeValue> values) {
        try {
            dynamoDb.updateItem(u -> {
                u.tableName(table).key(Items.key(pk(id), ROOT)).updateExpression(set).conditionExpression(condition)
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
