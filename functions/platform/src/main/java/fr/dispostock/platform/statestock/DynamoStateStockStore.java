package fr.dispostock.platform.statestock;

import fr.dispostock.domain.Departement;
import fr.dispostock.domain.Finess;
import fr.dispostock.domain.HistoryPage;
import fr.dispostock.domain.Region;
import fr.dispostock.domain.statestock.Availability;
import fr.dispostock.domain.statestock.LotDeclaration;
import fr.dispostock.domain.statestock.Order;
import fr.dispostock.domain.statestock.Product;
import fr.dispostock.domain.statestock.StateStockStore;
import fr.dispostock.platform.dynamo.AuditedWriter;
import fr.dispostock.platform.dynamo.Items;
import fr.dispostock.platform.dynamo.RevisionWriter;
import fr.dispostock.platform.dynamo.Tables;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static fr.dispostock.platform.dynamo.Items.s;
import static fr.dispostock.platform.dynamo.Items.string;

/**
 * The State stock in the StateStockTable (DYNAMODB.md). Each record is kept as one JSON document
 * ({@code doc}) beside the keys, indexes and the attributes conditions test ({@code version},
 * {@code rev}, {@code revs}); the earlier revisions of a Thursday's lots and idempotency keys are
 * items of their own, the keys expired by DynamoDB's TTL.
 */
@Singleton
@Requires(property = Tables.STATE_STOCK)
public class DynamoStateStockStore implements StateStockStore {
    /** How long a retried order request is recognised. */
    static final Duration IDEMPOTENCY_WINDOW = Duration.ofDays(7);
    private static final String ROOT = "#";
    private final DynamoDbClient dynamoDb;
    private final AuditedWriter audited;
    private final RevisionWriter revisions;
    private final JsonMapper json;
    private final String table;

    public DynamoStateStockStore(DynamoDbClient dynamoDb, AuditedWriter audited, RevisionWriter revisions,
                                 JsonMapper json, Tables tables) {
        this.dynamoDb = dynamoDb;
        this.audited = audited;
        this.revisions = revisions;
        this.json = json;
        this.table = tables.stateStock();
    }

    // ---- catalogue

    @Override
    public List<Product> products() {
        return query(QueryRequest.builder().tableName(table).indexName("gsi1").keyConditionExpression("gsi1pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s("PRODUCTS"))).build(), Product.class);
    }

    @Override
    public Optional<Product> product(String code) {
        return get("PRODUCT#" + code, Product.class);
    }

    @Override
    public Product save(Product previous, Product next, String who) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s("PRODUCT#" + next.code()));
        item.put("sk", s(ROOT));
        item.put("gsi1pk", s("PRODUCTS"));
        item.put("gsi1sk", s(next.code()));
        long version = previous == null ? 1 : previous.version() + 1;
        Product saved = new Product(next.code(), next.name(), next.kind(), next.unit(), next.packSize(), next.devices(),
                next.orderable(), version);
        item.put("doc", s(write(saved)));
        Map<String, AttributeValue> before = null;
        if (previous != null) {
            before = new HashMap<>(item);
            before.put("doc", s(write(previous)));
            before.put("version", Items.n(previous.version()));
        }
        audited.write(table, before, item, who, previous == null ? "CREATE" : "UPDATE", List.of());
        return saved;
    }

    // ---- Thursday lot declarations: one item per PUI and Thursday, in its region-date partition,
    //      and each earlier revision an item of its own (RevisionWriter)

    private static String lotsPartition(Region region, LocalDate date) {
        return "LOTS#" + date + "#REGION#" + region.code();
    }

    private static String lotRevisionsPartition(LocalDate date, Finess finessEt) {
        return "REVISIONS#LOTS#" + date + "#PUI#" + finessEt.value();
    }

    @Override
    public Optional<LotDeclaration> lots(Region region, LocalDate date, Finess finessEt) {
        return lotsItem(region, date, finessEt).map(this::lotDeclaration);
    }

    private Optional<Map<String, AttributeValue>> lotsItem(Region region, LocalDate date, Finess finessEt) {
        Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName(table).consistentRead(true)
                .key(Items.key(lotsPartition(region, date), "PUI#" + finessEt.value()))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    @Override
    public List<LotDeclaration> lots(Region region, LocalDate date) {
        return dynamoDb.queryPaginator(QueryRequest.builder().tableName(table).keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", s(lotsPartition(region, date)))).build())
                .items().stream().map(this::lotDeclaration).toList();
    }

    @Override
    public boolean save(LotDeclaration previous, LotDeclaration next) {
        Map<String, AttributeValue> earlier = previous == null ? null
                : lotRevisionItemOf(previous.date(), previous.finessEt(), previous.revision(), previous.current());
        return revisions.write(table, lotsItemOf(next), earlier, previous == null ? 0 : previous.revision(),
                this::oldShapeLotRevisions);
    }

    @Override
    public Optional<HistoryPage<LotDeclaration.Revision>> lotHistory(Region region, LocalDate date, Finess finessEt,
                                                                     HistoryPage.Request page) {
        return lotsItem(region, date, finessEt).map(item -> {
            int below = page.below((int) Items.number(item, "rev"));
            if (!item.containsKey("revs")) { // old shape: the earlier lots are inside the document
                return HistoryPage.of(read(item, OldShapeLots.class).history(), below, page.limit());
            }
            return revisions.page(table, lotRevisionsPartition(date, finessEt), below, page.limit())
                    .map(r -> read(r, LotDeclaration.Revision.class));
        });
    }

    public String table() {
        return table;
    }

    /** The item of a Thursday's current lots, as this store writes it (public: seeds build items the same way). */
    public Map<String, AttributeValue> lotsItemOf(LotDeclaration d) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(lotsPartition(d.region(), d.date())));
        item.put("sk", s("PUI#" + d.finessEt().value()));
        item.put("rev", Items.n(d.revision()));
        item.put("revs", Items.n(d.earlierRevisions()));
        item.put("doc", s(write(d)));
        return item;
    }

    /** The item of revision {@code number} of a PUI's Thursday (public: seeds build items the same way). */
    public Map<String, AttributeValue> lotRevisionItemOf(LocalDate date, Finess finessEt, int number,
                                                         LotDeclaration.Revision r) {
        Map<String, AttributeValue> item = new HashMap<>(RevisionWriter.revisionKey(lotRevisionsPartition(date, finessEt), number));
        item.put("doc", s(write(r)));
        return item;
    }

    /** The document of an item of the old shape: the earlier lots inside it, oldest first. */
    @Serdeable
    public record OldShapeLots(Finess finessEt, Finess finessEj, Region region, Departement departement,
                               LocalDate date, LotDeclaration.Revision current,
                               @Nullable List<LotDeclaration.Revision> history) {
        public OldShapeLots {
            history = history == null ? List.of() : history; // written without empty lists
        }
    }

    private LotDeclaration lotDeclaration(Map<String, AttributeValue> item) {
        if (item.containsKey("revs")) {
            return read(item, LotDeclaration.class);
        }
        OldShapeLots old = read(item, OldShapeLots.class);
        return new LotDeclaration(old.finessEt(), old.finessEj(), old.region(), old.departement(), old.date(),
                old.current(), old.history().size());
    }

    private List<Map<String, AttributeValue>> oldShapeLotRevisions(Map<String, AttributeValue> item) {
        OldShapeLots old = read(item, OldShapeLots.class);
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < old.history().size(); i++) {
            items.add(lotRevisionItemOf(old.date(), old.finessEt(), i + 1, old.history().get(i)));
        }
        return items;
    }

    // ---- orders

    @Override
    public Optional<Remembered> create(Order order, String idempotencyKey, String fingerprint) {
        Map<String, AttributeValue> remembered = Map.of(
                "pk", s("IDEMPOTENCY#" + idempotencyKey), "sk", s(ROOT),
                "orderId", s(order.orderId()), "fingerprint", s(fingerprint),
                "expiresAt", Items.n(order.createdAt().plus(IDEMPOTENCY_WINDOW).getEpochSecond()));
        try {
            dynamoDb.transactWriteItems(t -> t.transactItems(
                    TransactWriteItem.builder().put(p -> p.tableName(table).item(remembered)
                            .conditionExpression("attribute_not_exists(pk)")).build(),
                    TransactWriteItem.builder().put(p -> p.tableName(table).item(orderItem(order))
                            .conditionExpression("attribute_not_exists(pk)")).build()));
            return Optional.empty();
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            if (reasons.isEmpty() || !"ConditionalCheckFailed".equals(reasons.get(0).code())) {
                throw e;
            }
            Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName(table).consistentRead(true)
                    .key(Items.key("IDEMPOTENCY#" + idempotencyKey, ROOT))).item();
            return Optional.of(new Remembered(string(item, "orderId"), string(item, "fingerprint")));
        }
    }

    @Override
    public Optional<Order> order(String orderId) {
        return get("ORDER#" + orderId, Order.class);
    }

    @Override
    public boolean update(Order order, long expectedVersion) {
        try {
            dynamoDb.putItem(p -> p.tableName(table).item(orderItem(order))
                    .conditionExpression("version = :v")
                    .expressionAttributeValues(Map.of(":v", Items.n(expectedVersion))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public List<Order> ordersOfPui(Finess finessEt) {
        return query(QueryRequest.builder().tableName(table).indexName("gsi2").keyConditionExpression("gsi2pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s("PUI#" + finessEt.value() + "#ORDERS"))).build(), Order.class);
    }

    @Override
    public List<Order> ordersOfRegion(Region region) {
        return query(QueryRequest.builder().tableName(table).indexName("gsi1").keyConditionExpression("gsi1pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s("REGION#" + region.code() + "#ORDERS"))).build(), Order.class);
    }

    // ---- availability of an order day

    @Override
    public Optional<Availability> availability(LocalDate orderDay) {
        return get("AVAILABILITY#" + orderDay, Availability.class);
    }

    @Override
    public void save(Availability availability) {
        dynamoDb.putItem(p -> p.tableName(table).item(Map.of("pk", s("AVAILABILITY#" + availability.orderDay()),
                "sk", s(ROOT), "doc", s(write(availability)))));
    }

    /** The item an order is kept as: also for bulk loads of past orders (the local platform's seed). */
    public Map<String, AttributeValue> orderItem(Order o) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s("ORDER#" + o.orderId()));
        item.put("sk", s(ROOT));
        item.put("gsi1pk", s("REGION#" + o.region().code() + "#ORDERS"));
        item.put("gsi1sk", s(o.createdAt() + "#" + o.orderId()));
        item.put("gsi2pk", s("PUI#" + o.finessEt().value() + "#ORDERS"));
        item.put("gsi2sk", s(o.createdAt() + "#" + o.orderId()));
        item.put("status", s(o.status().name()));
        item.put("version", Items.n(o.version()));
        item.put("doc", s(write(o)));
        return item;
    }

    // ---- plumbing

    private <T> Optional<T> get(String pk, Class<T> type) {
        Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName(table).consistentRead(true)
                .key(Items.key(pk, ROOT))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(read(item, type));
    }

    private <T> List<T> query(QueryRequest request, Class<T> type) {
        return dynamoDb.queryPaginator(request).items().stream().map(i -> read(i, type)).toList();
    }

    private <T> T read(Map<String, AttributeValue> item, Class<T> type) {
        try {
            return json.readValue(string(item, "doc"), type);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable " + type.getSimpleName() + " " + string(item, "pk"), e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
