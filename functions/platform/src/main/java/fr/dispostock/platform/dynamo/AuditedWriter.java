package fr.dispostock.platform.dynamo;

import fr.dispostock.domain.ConflictException;
import fr.dispostock.domain.ConflictException.Kind;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a register item under optimistic locking and its audit entry (who, when, before,
 * after) in one transaction: the change and its trace exist together or not at all.
 * The audit entry lives in the item's own partition, so reading an item's history is one Query.
 */
@Singleton
public class AuditedWriter {
    public static final String AUDIT_PREFIX = "AUDIT#";
    private final DynamoDbClient dynamoDb;

    public AuditedWriter(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
    }

    /**
     * @param before the item as read, or null to create it
     * @param after  the new item, keys included, without its version (set here)
     * @param extra  further writes that must happen atomically with it (each with its own condition)
     * @return the new version
     */
    public long write(String table, Map<String, AttributeValue> before, Map<String, AttributeValue> after,
                      String who, String action, List<TransactWriteItem> extra) {
        long version = before == null ? 1 : Items.number(before, "version") + 1;
        Map<String, AttributeValue> item = new HashMap<>(after);
        item.put("version", Items.n(version));
        Put.Builder put = Put.builder().tableName(table).item(item);
        if (before == null) {
            put.conditionExpression("attribute_not_exists(pk)");
        } else {
            put.conditionExpression("version = :v")
                    .expressionAttributeValues(Map.of(":v", before.get("version")));
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(put.build()).build());
        writes.add(TransactWriteItem.builder().put(p -> p.tableName(table)
                .item(auditEntry(item, before, who, action))).build());
        writes.addAll(extra);
        try {
            dynamoDb.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(writes).build());
        } catch (TransactionCanceledException e) {
            throw conflict(e, before == null);
        }
        return version;
    }

    private static ConflictException conflict(TransactionCanceledException e, boolean creating) {
        List<CancellationReason> reasons = e.cancellationReasons();
        boolean itemLost = !reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.get(0).code());
        if (itemLost) {
            return creating
                    ? new ConflictException(Kind.CONFLICT, "It was created by someone else meanwhile; read it and retry with If-Match.")
                    : new ConflictException(Kind.VERSION_MISMATCH, "It was changed by someone else meanwhile; read it again and retry with its new version.");
        }
        boolean otherCondition = reasons.stream().anyMatch(r -> "ConditionalCheckFailed".equals(r.code()));
        if (otherCondition) {
            return new ConflictException(Kind.CONFLICT, "A related record changed meanwhile; retry.");
        }
        return new ConflictException(Kind.CONFLICT, "A concurrent change won; retry.");
    }

    /** The audit entry of a change; public for batch writers (an import) that write it themselves. */
    public static Map<String, AttributeValue> auditEntry(Map<String, AttributeValue> after,
                                                         Map<String, AttributeValue> before, String who, String action) {
        Instant at = Instant.now();
        Map<String, AttributeValue> entry = new HashMap<>();
        entry.put("pk", after.get("pk"));
        entry.put("sk", Items.s(AUDIT_PREFIX + at + "#" + UUID.randomUUID().toString().substring(0, 8)));
        entry.put("at", Items.s(at.toString()));
        entry.put("by", Items.s(who));
        entry.put("action", Items.s(action));
        entry.put("after", AttributeValue.fromM(withoutKeys(after)));
        entry.put("before", before == null ? AttributeValue.fromNul(true) : AttributeValue.fromM(withoutKeys(before)));
        return entry;
    }

    private static Map<String, AttributeValue> withoutKeys(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> m = new HashMap<>(item);
        m.keySet().removeIf(k -> k.equals("pk") || k.equals("sk") || k.startsWith("gsi"));
        return m;
    }

    /** The item's audit trail, newest first. */
    public List<Map<String, Object>> trail(String table, String pk, int limit) {
        return dynamoDb.query(QueryRequest.builder().tableName(table)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :a)")
                        .expressionAttributeValues(Map.of(":pk", Items.s(pk), ":a", Items.s(AUDIT_PREFIX)))
                        .scanIndexForward(false).limit(limit).build())
                .items().stream()
                .map(i -> {
                    Map<String, Object> e = Items.plain(i);
                    e.remove("pk");
                    e.remove("sk");
                    return e;
                })
                .toList();
    }
}
