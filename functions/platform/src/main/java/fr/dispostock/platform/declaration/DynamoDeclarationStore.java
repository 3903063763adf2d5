package fr.dispostock.platform.declaration;

import fr.dispostock.domain.Departement;
import fr.dispostock.domain.Finess;
import fr.dispostock.domain.IsoWeek;
import fr.dispostock.domain.Region;
import fr.dispostock.domain.declaration.Declaration;
import fr.dispostock.domain.declaration.DeclarationStore;
import fr.dispostock.domain.declaration.Line;
import fr.dispostock.domain.declaration.Revision;
import fr.dispostock.platform.dynamo.Items;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

import static fr.dispostock.platform.dynamo.Items.s;
import static fr.dispostock.platform.dynamo.Items.string;

/**
 * Declarations in the DeclarationsTable (DYNAMODB.md): one item per PUI and week, in the
 * partition of its region and week, so that a region's Monday is one Query. The lines are packed
 * in one compact attribute and the earlier figures of the week ride in the same item: a
 * declaration is one conditional PutItem, atomic, and costs the write units of its bytes and no
 * more (no transaction, no index).
 */
@Singleton
public class DynamoDeclarationStore implements DeclarationStore {
    private final DynamoDbClient dynamoDb;
    private final String table;
    private final LongAdder writes = new LongAdder();
    private final LongAdder bytesWritten = new LongAdder();
    private final DoubleAdder capacityConsumed = new DoubleAdder();
    private final LongAdder minimumCapacity = new LongAdder();

    public DynamoDeclarationStore(DynamoDbClient dynamoDb,
                                  @Value("${dispostock.tables.declarations:DeclarationsTable}") String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    static String partition(Region region, IsoWeek week) {
        return "WEEK#" + week + "#REGION#" + region.code();
    }

    @Override
    public Optional<Declaration> find(Region region, IsoWeek week, Finess finessEt) {
        Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName(table).consistentRead(true)
                .key(Items.key(partition(region, week), "PUI#" + finessEt.value()))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(declaration(item, region, week));
    }

    @Override
    public List<Declaration> ofRegion(Region region, IsoWeek week) {
        return dynamoDb.queryPaginator(QueryRequest.builder().tableName(table)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", s(partition(region, week))))
                        .build())
                .items().stream().map(i -> declaration(i, region, week)).toList();
    }

    /**
     * The items a declaration is kept as, as {@link #save} writes them: for bulk loads of past weeks
     * (the local platform's seed), which must store what the function would.
     */
    public List<Map<String, AttributeValue>> items(Declaration d) {
        return List.of(item(d));
    }

    public String table() {
        return table;
    }

    private static Map<String, AttributeValue> item(Declaration d) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(partition(d.region(), d.week())));
        item.put("sk", s("PUI#" + d.finessEt().value()));
        item.put("ej", s(d.finessEj().value()));
        item.put("dep", s(d.departement().code()));
        item.put("rev", Items.n(d.revision()));
        item.put("cur", revision(d.current()));
        if (!d.history().isEmpty()) {
            item.put("hist", AttributeValue.fromL(d.history().stream().map(DynamoDeclarationStore::revision).toList()));
        }
        return item;
    }

    @Override
    public boolean save(Declaration d, int expectedRevision) {
        Map<String, AttributeValue> item = item(d);
        PutItemRequest.Builder put = PutItemRequest.builder().tableName(table).item(item)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
        if (expectedRevision == 0) {
            put.conditionExpression("attribute_not_exists(pk)");
        } else {
            put.conditionExpression("rev = :r").expressionAttributeValues(Map.of(":r", Items.n(expectedRevision)));
        }
        try {
            var response = dynamoDb.putItem(put.build());
            writes.increment();
            long size = Items.size(item);
            bytesWritten.add(size);
            minimumCapacity.add((size + 1023) / 1024); // one write unit per started KB: the least a write of these bytes costs
            if (response.consumedCapacity() != null && response.consumedCapacity().capacityUnits() != null) {
                capacityConsumed.add(response.consumedCapacity().capacityUnits());
            }
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** What the declarations written by this instance cost: for the write-cost benchmark. */
    public record WriteCost(long writes, long bytes, double capacityUnits, long minimumCapacityUnits) {
    }

    public WriteCost writeCost() {
        return new WriteCost(writes.sum(), bytesWritten.sum(), capacityConsumed.sum(), minimumCapacity.sum());
    }

    // ---- mapping: lines as "itemId=stock:cmj|…" (item ids never hold '=', ':' or '|')

    private static AttributeValue revision(Revision r) {
        StringBuilder lines = new StringBuilder();
        for (Line l : r.lines()) {
            if (!lines.isEmpty()) {
                lines.append('|');
            }
            lines.append(l.itemId()).append('=').append(l.stock()).append(':')
                    .append(l.averageDailyConsumption().stripTrailingZeros().toPlainString());
        }
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("at", s(r.declaredAt().toString()));
        m.put("by", s(r.declaredBy()));
        m.put("late", AttributeValue.fromBool(r.late()));
        m.put("lines", s(lines.toString()));
        return AttributeValue.fromM(m);
    }

    private static Revision revision(AttributeValue v) {
        Map<String, AttributeValue> m = v.m();
        List<Line> lines = new ArrayList<>();
        String packed = m.get("lines").s();
        if (!packed.isEmpty()) {
            for (String part : packed.split("\\|")) {
                int eq = part.indexOf('=');
                int colon = part.indexOf(':', eq);
                lines.add(new Line(part.substring(0, eq), Long.parseLong(part.substring(eq + 1, colon)),
                        new BigDecimal(part.substring(colon + 1))));
            }
        }
        return new Revision(Instant.parse(m.get("at").s()), m.get("by").s(), m.get("late").bool(), lines);
    }

    private static Declaration declaration(Map<String, AttributeValue> item, Region region, IsoWeek week) {
        List<Revision> history = item.containsKey("hist")
                ? item.get("hist").l().stream().map(DynamoDeclarationStore::revision).toList() : List.of();
        return new Declaration(Finess.parse(string(item, "sk").substring(4)), Finess.parse(string(item, "ej")),
                region, Departement.parse(string(item, "dep")), week, revision(item.get("cur")), history);
    }
}
