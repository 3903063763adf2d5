package fr.dispostock.platform.dynamo;

import fr.dispostock.domain.HistoryPage;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;

import static fr.dispostock.platform.dynamo.Items.s;

/**
 * Records whose earlier revisions are items of their own (DYNAMODB.md, "Revisions"): the current
 * item stays small and carries {@code rev} (its revision number, the condition of the next write)
 * and {@code revs} (how many earlier revisions there are); revision n of a record is the item
 * {@code <revisions partition>/REV#<n, 10 digits>}, in a partition of its own so that no Query of
 * current items ever reads it, and with no index key so that no index holds it.
 *
 * <p>A first write is one conditional PutItem. A correction is one transaction: the new current
 * item on condition that it is still at the revision read, and the figures it replaces as a
 * revision item, so that two concurrent corrections keep one winner and lose nothing, and a
 * correction costs the same whatever came before. An item of the old shape (no {@code revs}: its
 * earlier figures inside it) fails that condition; its earlier figures are then written as
 * revision items (the same keys and content whoever does it, so a lost race leaves nothing wrong)
 * and the transaction is tried again on the revision alone, which leaves the item in the new shape.
 */
@Singleton
public class RevisionWriter {
    private static final String REVISION = "REV#";
    private final DynamoDbClient dynamoDb;
    private final BatchCalls batch;

    public RevisionWriter(DynamoDbClient dynamoDb, BatchCalls batch) {
        this.dynamoDb = dynamoDb;
        this.batch = batch;
    }

    /** The key of revision {@code n} of the record whose revisions are in partition {@code revisionsPk}. */
    public static Map<String, AttributeValue> revisionKey(String revisionsPk, int n) {
        return Items.key(revisionsPk, sortKey(n));
    }

    private static String sortKey(int n) {
        return REVISION + String.format("%010d", n);
    }

    /**
     * Writes {@code current}; with {@code earlier} (a correction), keeps it in the same transaction.
     *
     * @param expectedRevision the revision the record was read at (0: not written yet)
     * @param oldShape         the revision items of an item of the old shape (every one below its current revision)
     * @return whether it was written: false when the record moved meanwhile (someone else wrote)
     */
    public boolean write(String table, Map<String, AttributeValue> current, Map<String, AttributeValue> earlier,
                                     int expectedRevision,
                                     Function<Map<String, AttributeValue>, List<Map<String, AttributeValue>>> oldShape) {
        if (earlier == null) {
            try {
                dynamoDb.putItem(p -> p.tableName(table).item(current).conditionExpression("attribute_not_exists(pk)"));
                return true;
            } catch (ConditionalCheckFailedException e) {
                return false;
            }
        }
        Map<String, AttributeValue> revision = Map.of(":r", Items.n(expectedRevision));
        if (transact(table, current, earlier, "rev = :r AND attribute_exists(revs)", revision)) {
            return true;
        }
        Map<String, AttributeValue> read = dynamoDb.getItem(g -> g.tableName(table).consistentRead(true)
                .key(Map.of("pk", current.get("pk"), "sk", current.get("sk")))).item();
        if (read == null || read.containsKey("revs") || Items.number(read, "rev") != expectedRevision) {
            return false; // another write won
        }
        batch.putAll(table, oldShape.apply(read));
        return transact(table, current, earlier, "rev = :r", revision);
    }

    private boolean transact(String table, Map<String, AttributeValue> current,
                                         Map<String, AttributeValue> earlier, String condition,
                                         Map<String, AttributeValue> values) {
        try {
            dynamoDb.transactWriteItems(t -> t.transactItems(
                            TransactWriteItem.builder().put(p -> p.tableName(table).item(current)
                                    .conditionExpression(condition).expressionAttributeValues(values)).build(),
                            TransactWriteItem.builder().put(p -> p.tableName(table).item(earlier)).build()));
            return true;
        } catch (TransactionCanceledException e) {
            // the record moved (condition), or another write on it was under way (conflict): nothing was written
            if (e.cancellationReasons().stream().noneMatch(r -> "ConditionalCheckFailed".equals(r.code())
                    || "TransactionConflict".equals(r.code()))) {
                throw e;
            }
            return false;
        }
    }

    /**
     * Revisions numbered below {@code below}, newest first, at most {@code limit}: one Query of the
     * record's revisions partition (strongly consistent: a correction just answered is there).
     */
    public HistoryPage<Map<String, AttributeValue>> page(String table, String revisionsPk, int below, int limit) {
        if (below <= 1) {
            return new HistoryPage<>(List.of(), OptionalInt.empty());
        }
        List<Map<String, AttributeValue>> items = dynamoDb.query(q -> q.tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk AND sk < :below")
                .expressionAttributeValues(Map.of(":pk", s(revisionsPk), ":below", s(sortKey(below))))
                .scanIndexForward(false).limit(limit)).items();
        int lowest = items.isEmpty() ? 1 : number(items.get(items.size() - 1));
        return new HistoryPage<>(items, lowest > 1 ? OptionalInt.of(lowest) : OptionalInt.empty());
    }

    /** The revision number of a revision item. */
    public static int number(Map<String, AttributeValue> revisionItem) {
        return Integer.parseInt(Items.string(revisionItem, "sk").substring(REVISION.length()));
    }
}
