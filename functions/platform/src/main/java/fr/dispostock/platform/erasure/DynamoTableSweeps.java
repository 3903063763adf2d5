package fr.dispostock.platform.erasure;

import fr.dispostock.domain.erasure.TableSweep;
import fr.dispostock.platform.dynamo.Items;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sweep of a table for an erased address: a parallel Scan (the only one of the platform: an erasure
 * is rare and an address may be anywhere in a trail, so no index could find it), every string of every
 * item (lists, maps and sets included, JSON documents as text) rewritten with the pseudonym. An item
 * whose key holds the address (a suppressed address) is put under the new key, then the old one deleted,
 * so that it never stops suppressing; any other is updated on the condition that the attributes rewritten
 * still hold what was read (a concurrent change is read again and rewritten). A versioned item gets a new
 * version, so that an update naming the version read before the erasure is refused.
 */
@Singleton
public class DynamoTableSweeps {
    private static final int SEGMENTS = 8;
    private static final int ATTEMPTS = 5;
    private static final List<String> KEY = List.of("pk", "sk");
    private final DynamoDbClient dynamoDb;

    public DynamoTableSweeps(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
    }

    /** The sweep of one table, the one the function writes. */
    public TableSweep of(String table) {
        return (email, pseudonym) -> replace(table, address(email), pseudonym);
    }

    /** The address in any case, never a part of a longer one ({@code ana@x.fr} is not in {@code joana@x.fr}). */
    static Pattern address(String email) {
        return Pattern.compile("(?<![\\w.!#$%&'*+/=?^`{|}~-])" + Pattern.quote(email.strip()) + "(?![\\w-]|\\.\\w)",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private int replace(String table, Pattern address, String pseudonym) {
        ExecutorService segments = Executors.newFixedThreadPool(SEGMENTS);
        try {
            List<Future<Integer>> running = new ArrayList<>();
            for (int i = 0; i < SEGMENTS; i++) {
                int segment = i;
                running.add(segments.submit(() -> sweepSegment(table, segment, address, pseudonym)));
            }
            int changed = 0;
            for (Future<Integer> f : running) {
                changed += f.get();
            }
            return changed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep of " + table + " interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            segments.shutdownNow();
        }
    }

    private int sweepSegment(String table, int segment, Pattern address, String pseudonym) {
        int changed = 0;
        for (Map<String, AttributeValue> item : dynamoDb.scanPaginator(s -> s.tableName(table)
                .segment(segment).totalSegments(SEGMENTS)).items()) {
            if (rewrite(table, item, address, pseudonym)) {
                changed++;
            }
        }
        return changed;
    }

    private boolean rewrite(String table, Map<String, AttributeValue> read, Pattern address, String pseudonym) {
        Map<String, AttributeValue> current = read;
        for (int attempt = 1; ; attempt++) {
            Map<String, AttributeValue> replaced = new LinkedHashMap<>();
            current.forEach((name, value) -> replaced.put(name, replace(value, address, pseudonym)));
            if (replaced.equals(current)) {
                return false;
            }
            // a new version: a form read before the erasure, saved with its If-Match, would write the address back
            if (current.containsKey("version")) {
                replaced.put("version", Items.n(Items.number(current, "version") + 1));
            }
            if (!key(replaced).equals(key(current))) {
                dynamoDb.putItem(p -> p.tableName(table).item(replaced));
                Map<String, AttributeValue> old = key(current);
                dynamoDb.deleteItem(d -> d.tableName(table).key(old));
                return true;
            }
            try {
                update(table, current, replaced);
                return true;
            } catch (ConditionalCheckFailedException changedMeanwhile) {
                if (attempt == ATTEMPTS) {
                    throw changedMeanwhile;
                }
                Map<String, AttributeValue> key = key(current);
                current = dynamoDb.getItem(g -> g.tableName(table).key(key).consistentRead(true)).item();
                if (current == null || current.isEmpty()) {
                    return false;
                }
            }
        }
    }

    /** SET of the attributes that changed, on the condition that each still holds what was read. */
    private void update(String table, Map<String, AttributeValue> current, Map<String, AttributeValue> replaced) {
        List<String> sets = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        int i = 0;
        for (Map.Entry<String, AttributeValue> e : replaced.entrySet()) {
            if (!e.getValue().equals(current.get(e.getKey()))) {
                names.put("#a" + i, e.getKey());
                values.put(":new" + i, e.getValue());
                values.put(":old" + i, current.get(e.getKey()));
                sets.add("#a" + i + " = :new" + i);
                conditions.add("#a" + i + " = :old" + i);
                i++;
            }
        }
        dynamoDb.updateItem(u -> u.tableName(table).key(key(current))
                .updateExpression("SET " + String.join(", ", sets))
                .conditionExpression(String.join(" AND ", conditions))
                .expressionAttributeNames(names).expressionAttributeValues(values));
    }

    private static AttributeValue replace(AttributeValue v, Pattern address, String pseudonym) {
        if (v.s() != null) {
            return AttributeValue.fromS(address.matcher(v.s()).replaceAll(Matcher.quoteReplacement(pseudonym)));
        }
        if (v.hasSs()) {
            return AttributeValue.fromSs(v.ss().stream()
                    .map(s -> address.matcher(s).replaceAll(Matcher.quoteReplacement(pseudonym))).distinct().toList());
        }
        if (v.hasL()) {
            return AttributeValue.fromL(v.l().stream().map(x -> replace(x, address, pseudonym)).toList());
        }
        if (v.hasM()) {
            Map<String, AttributeValue> m = new LinkedHashMap<>();
            v.m().forEach((k, x) -> m.put(k, replace(x, address, pseudonym)));
            return AttributeValue.fromM(m);
        }
        return v;
    }

    private static Map<String, AttributeValue> key(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = new HashMap<>();
        KEY.forEach(k -> key.put(k, item.get(k)));
        return key;
    }
}
