package fr.dispostock.platform.statestock;

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
import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static fr.dispostock.platform.dynamo.Items.s;
import static fr.dispostock.platform.dynamo.Items.string;

/**
 * The State stock in the StateStockTable (DYNAMODB.md): the earlier revisions of a Thursday's lots
 * and idempotency keys are items of their own, the keys expired by DynamoDB's TTL. Keys:
 * {@link StateStockKeys}; items (one JSON document each): {@link StateStockItems}; here the queries,
 * conditions and transactions.
 */
@Singleton
@Requires(property = Tables.STATE_STOCK)
public class DynamoStateStockStore implements StateStockStore {
    /** How long a retried order request is recognised. */
    static final Duration IDEMPOTENCY_WINDOW = Duration.ofDays(7);
    private final DynamoDbClient dynamoDb;
    private final AuditedWriter audited;
    private final RevisionWriter revisions;
    private final StateStockItems items;
    private final String table;

    public DynamoStateStockStore(DynamoDbClient dynamoDb, AuditedWriter audited, RevisionWriter revisions,
                                 JsonMapper json, Tables tables) {
        this.dynamoDb = dynamoDb;
        this.audited = audited;
        this.revisions = revisions;
        this.items = new StateStockItems(json);
        this.table = tables.stateStock();
    }

    // ---- catalogue

    @Override
    public List<Product> products() {
        return query(QueryRequest.builder().tableName(table).indexName("gsi1").keyConditionExpression("gsi1pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(StateStockKeys.PRODUCTS))).build(), Product.class);
    }

    @Override
    public Optional<Product> product(String code) {
        return get(StateStockKeys.product(code), Product.class);
    }

    @Override
    public Product save(Product previous, Product next, String who) {
        long version = previous == null ? 1 : previous.version() + 1;
        Product saved = new Product(next.code(), next.name(), next.kind(), next.unit(), next.packSize(), next.devices(),
                next.orderable(), version);
        Map<String, AttributeValue> before = previous == null ? null : items.product(previous, previous.version());
        audited.write(table, before, items.product(saved, null), who, previous == null ? "CREATE" : "UPDATE", List.of());
        return saved;
    }

    // ---- Thursday lot declarations: one item per PUI and Thursday, in its region-date partition,
    //      and each earlier revision an item of its own (RevisionWriter)

    @Override
    public Optional<LotDeclaration> lots(Region region, LocalDate date, Finess finessEt) {
        return lotsItem(region, date, finessEt).map(items::lotDeclaration);
    }

    private Optional<Map<String, AttributeValue>> lotsItem(Region region, LocalDate date, Finess finessEt) {
        Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName(table).consistentRead(true)
                .key(Items.key(StateStockKeys.lots(region, date), StateStockKeys.pui(finessEt)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    @Override
    public List<LotDeclaration> lots(Region region, LocalDate date) {
        return dynamoDb.queryPaginator(QueryRequest.builder().tableName(table).keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", s(StateStockKeys.lots(region, date)))).build())
                .items().stream().map(items::lotDeclaration).toList();
    }

    @Override
    public boolean save(LotDeclaration previous, LotDeclaration next) {
        Map<String, AttributeValue> earlier = previous == null ? null
                : items.lotRevisionItemOf(previous.date(), previous.finessEt(), previous.revision(), previous.current());
        return revisions.write(table, items.lotsItemOf(next), earlier, previous == null ? 0 : previous.revision(),
                items::oldShapeLotRevisions);
    }

    @Override
    public Optional<HistoryPage<LotDeclaration.Revision>> lotHistory(Region region, LocalDate date, Finess finessEt,
                                                                     HistoryPage.Request page) {
        return lotsItem(region, date, finessEt).map(item -> {
            int below = page.below((int) Items.number(item, "rev"));
            if (!item.containsKey("revs")) { // old shape: the earlier lots are inside the document
                return HistoryPage.of(items.read(item, StateStockItems.OldShapeLots.class).history(), below, page.limit());
            }
            return revisions.page(table, StateStockKeys.lotRevisions(date, finessEt), below, page.limit())
                    .map(r -> items.read(r, LotDeclaration.Revision.class));
        });
    }

    public String table() {
        return table;
    }

    /** The items as this store writes them (public: seeds build items the same way). */
    public StateStockItems items() {
        return items;
    }

    // ---- orders

    @Override
    public Optional<Remembered> create(Order order, String idempotencyKey, String fingerprint) {
        Map<String, AttributeValue> remembered = items.remembered(idempotencyKey, order.orderId(), fingerprint,
                order.createdAt().plus(IDEMPOTENCY_WINDOW).getEpochSecond());
        try {
            dynamoDb.transactWriteItems(t -> t.transactItems(
                    TransactWriteItem.builder().put(p -> p.tableName(table).item(remembered)
                            .conditionExpression("attribute_not_exists(pk)")).build(),
                    TransactWriteItem.builder().put(p -> p.tableName(table).item(items.orderItem(order))
                            .conditionExpression("attribute_not_exists(pk)")).build()));
            return Optional.empty();
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            if (reasons.isEmpty() || !"ConditionalCheckFailed".equals(reasons.get(0).code())) {
                throw e;
            }
            Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName(table).consistentRead(true)
                    .key(Items.key(StateStockKeys.idempotency(idempotencyKey), StateStockKeys.ROOT))).item();
            return Optional.of(new Remembered(string(item, "orderId"), string(item, "fingerprint")));
        }
    }

    @Override
    public Optional<Order> order(String orderId) {
        return get(StateStockKeys.order(orderId), Order.class);
    }

    @Override
    public boolean update(Order order, long expectedVersion) {
        try {
            dynamoDb.putItem(p -> p.tableName(table).item(items.orderItem(order))
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
                .expressionAttributeValues(Map.of(":pk", s(StateStockKeys.ordersOf(finessEt)))).build(), Order.class);
    }

    @Override
    public List<Order> ordersOfRegion(Region region) {
        return query(QueryRequest.builder().tableName(table).indexName("gsi1").keyConditionExpression("gsi1pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(StateStockKeys.ordersOf(region)))).build(), Order.class);
    }

    // ---- availability of an order day

    @Override
    public Optional<Availability> availability(LocalDate orderDay) {
        return get(StateStockKeys.availability(orderDay), Availability.class);
    }

    @Override
    public void save(Availability availability) {
        dynamoDb.putItem(p -> p.tableName(table).item(items.availability(availability)));
    }

    // ---- plumbing

    private <T> Optional<T> get(String pk, Class<T> type) {
        Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName(table).consistentRead(true)
                .key(Items.key(pk, StateStockKeys.ROOT))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(items.read(item, type));
    }

    private <T> List<T> query(QueryRequest request, Class<T> type) {
        return dynamoDb.queryPaginator(request).items().stream().map(i -> items.read(i, type)).toList();
    }
}
