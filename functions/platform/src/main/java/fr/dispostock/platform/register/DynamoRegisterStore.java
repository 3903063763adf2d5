package fr.dispostock.platform.register;

import fr.dispostock.domain.Finess;
import fr.dispostock.domain.Region;
import fr.dispostock.domain.Ucd;
import fr.dispostock.domain.register.AuditEntry;
import fr.dispostock.domain.register.Establishment;
import fr.dispostock.domain.register.Instruction;
import fr.dispostock.domain.register.Medicine;
import fr.dispostock.domain.register.Pui;
import fr.dispostock.domain.register.RegisterStore;
import fr.dispostock.domain.register.Site;
import fr.dispostock.platform.dynamo.AuditedWriter;
import fr.dispostock.platform.dynamo.BatchCalls;
import fr.dispostock.platform.dynamo.Items;
import fr.dispostock.platform.dynamo.Tables;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static fr.dispostock.platform.dynamo.Items.s;
import static fr.dispostock.platform.register.RegisterItems.item;
import static fr.dispostock.platform.dynamo.Items.string;

/**
 * The registers in the RegistersTable (layout and access patterns: DYNAMODB.md). Reads by key are
 * strongly consistent; lists come from Query on the GSIs, never from a Scan.
 */
@Singleton
@Requires(property = Tables.REGISTERS)
public class DynamoRegisterStore implements RegisterStore {
    private final DynamoDbClient dynamoDb;
    private final AuditedWriter writer;
    private final BatchCalls batches;
    private final String table;

    public DynamoRegisterStore(DynamoDbClient dynamoDb, AuditedWriter writer, BatchCalls batches,
                               Tables tables) {
        this.dynamoDb = dynamoDb;
        this.writer = writer;
        this.batches = batches;
        this.table = tables.registers();
    }

    // ---- establishments

    @Override
    public Optional<Establishment> establishment(Finess ej) {
        return get(RegisterKeys.establishment(ej), RegisterKeys.ROOT).map(item -> {
            List<Site> sites = query(QueryRequest.builder().tableName(table)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :s)")
                    .expressionAttributeValues(Map.of(":pk", s(RegisterKeys.establishment(ej)), ":s", s(RegisterKeys.SITE)))
                    .consistentRead(true).build()).map(RegisterItems::site).toList();
            List<Finess> puis = query(QueryRequest.builder().tableName(table).indexName("gsi2")
                    .keyConditionExpression("gsi2pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", s(RegisterKeys.puisOf(ej)))).build())
                    .map(i -> Finess.parse(string(i, "finessEt"))).toList();
            return RegisterItems.establishment(item, puis, sites);
        });
    }

    @Override
    public List<Establishment> establishments(Region region) {
        return query(QueryRequest.builder().tableName(table).indexName("gsi1")
                .keyConditionExpression("gsi1pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(RegisterKeys.establishmentsOf(region)))).build())
                .map(i -> RegisterItems.establishment(i, List.of(), List.of())).toList();
    }

    @Override
    public List<Site> sites(Region region) {
        return query(QueryRequest.builder().tableName(table).indexName("gsi1")
                .keyConditionExpression("gsi1pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(RegisterKeys.sitesOf(region)))).build())
                .map(RegisterItems::site).toList();
    }

    @Override
    public Establishment save(Establishment previous, Establishment next, String who) {
        long version = versioned(previous == null ? null : item(previous), item(next), who, List.of());
        return withVersion(next, version);
    }

    @Override
    public Map<Finess, Establishment> establishments(Collection<Finess> finessEj) {
        Map<Finess, Establishment> found = new HashMap<>();
        batchGet(finessEj.stream().map(ej -> Items.key(RegisterKeys.establishment(ej), RegisterKeys.ROOT)).toList())
                .forEach(i -> found.put(Finess.parse(string(i, "finessEj")),
                        RegisterItems.establishment(i, List.of(), List.of())));
        return found;
    }

    @Override
    public Map<Finess, Site> registeredSites(Collection<Site> sites) {
        Map<Finess, Site> found = new HashMap<>();
        batchGet(sites.stream().map(st -> Items.key(RegisterKeys.establishment(st.finessEj()),
                        RegisterKeys.site(st.finessEt()))).toList())
                .forEach(i -> found.put(Finess.parse(string(i, "finessEt")), RegisterItems.site(i)));
        return found;
    }

    @Override
    public Optional<Site> site(Finess finessEj, Finess finessEt) {
        return get(RegisterKeys.establishment(finessEj), RegisterKeys.site(finessEt)).map(RegisterItems::site);
    }

    @Override
    public void writeImport(List<Establishment> newEstablishments, List<SiteChange> siteChanges, String who) {
        List<Map<String, AttributeValue>> writes = new ArrayList<>();
        for (Establishment e : newEstablishments) {
            Map<String, AttributeValue> item = item(e);
            item.put("version", Items.n(1));
            writes.add(item);
            writes.add(AuditedWriter.auditEntry(item, null, who, "IMPORT"));
        }
        for (SiteChange change : siteChanges) {
            Map<String, AttributeValue> after = item(change.after());
            writes.add(after);
            writes.add(AuditedWriter.auditEntry(after, change.before() == null ? null : item(change.before()),
                    who, "IMPORT"));
        }
        batches.putAll(table, writes);
    }

    // ---- PUIs

    @Override
    public Optional<Pui> pui(Finess et) {
        return get(RegisterKeys.pui(et), RegisterKeys.ROOT).map(RegisterItems::pui);
    }

    @Override
    public Pui save(Pui previous, Pui next, String who) {
        long version = versioned(previous == null ? null : item(previous), item(next), who, List.of());
        return new Pui(next.finessEt(), next.finessEj(), next.name(), next.email(), next.phone(),
                next.deliveryAddress(), next.region(), next.departement(), version);
    }

    @Override
    public List<Pui> puis(Region region) {
        return query(QueryRequest.builder().tableName(table).indexName("gsi1")
                .keyConditionExpression("gsi1pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(RegisterKeys.puisOf(region)))).build())
                .map(RegisterItems::pui).toList();
    }

    // ---- medicines

    @Override
    public Optional<Medicine> medicine(String itemId) {
        return get(RegisterKeys.medicine(itemId), RegisterKeys.ROOT).map(RegisterItems::medicine);
    }

    @Override
    public List<Medicine> medicines() {
        return query(QueryRequest.builder().tableName(table).indexName("gsi1")
                .keyConditionExpression("gsi1pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(RegisterKeys.MEDICINES))).build())
                .map(RegisterItems::medicine).toList();
    }

    @Override
    public Medicine save(Medicine previous, Medicine next, String who) {
        // A UCD belongs to one item: take the new codes (unless this item holds them), release the dropped ones.
        Set<Ucd> held = previous == null ? Set.of() : new HashSet<>(previous.ucds());
        List<TransactWriteItem> reservations = new ArrayList<>();
        for (Ucd ucd : next.ucds()) {
            if (!held.contains(ucd)) {
                reservations.add(TransactWriteItem.builder().put(p -> p.tableName(table)
                        .item(RegisterItems.reservation(ucd, next.itemId()))
                        .conditionExpression("attribute_not_exists(pk) OR itemId = :me")
                        .expressionAttributeValues(Map.of(":me", s(next.itemId())))).build());
            }
        }
        for (Ucd ucd : held) {
            if (!next.ucds().contains(ucd)) {
                reservations.add(TransactWriteItem.builder().delete(d -> d.tableName(table)
                        .key(Items.key(RegisterKeys.ucd(ucd), RegisterKeys.ROOT))).build());
            }
        }
        long version = versioned(previous == null ? null : item(previous), item(next), who, reservations);
        return new Medicine(next.itemId(), next.label(), next.ucds(), next.cis(), next.priority(), next.trackingStart(),
                next.trackingEnd(), version);
    }

    @Override
    public Map<Ucd, String> ucdHolders(Collection<Ucd> ucds) {
        Map<Ucd, String> holders = new HashMap<>();
        batchGet(ucds.stream().distinct().map(u -> Items.key(RegisterKeys.ucd(u), RegisterKeys.ROOT)).toList())
                .forEach(i -> holders.put(RegisterItems.reservedUcd(i), string(i, "itemId")));
        return holders;
    }

    // ---- instructions

    @Override
    public Optional<Instruction> instruction(String id) {
        return get(RegisterKeys.instruction(id), RegisterKeys.ROOT).map(RegisterItems::instruction);
    }

    @Override
    public List<Instruction> instructions(Optional<Region> region) {
        Stream<Region> partitions = Stream.concat(Stream.of((Region) null), region.stream());
        return partitions.flatMap(r -> query(QueryRequest.builder().tableName(table).indexName("gsi1")
                        .keyConditionExpression("gsi1pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", s(RegisterKeys.instructionsOf(r)))).build()))
                .map(RegisterItems::instruction).toList();
    }

    @Override
    public Instruction save(Instruction previous, Instruction next, String who) {
        long version = versioned(previous == null ? null : item(previous), item(next), who, List.of());
        return new Instruction(next.id(), next.title(), next.body(), next.region(), next.validFrom(), next.validTo(),
                version);
    }

    @Override
    public List<AuditEntry> audit(Kind kind, String id) {
        String pk = switch (kind) {
            case ESTABLISHMENT -> RegisterKeys.establishment(Finess.parse(id));
            case PUI -> RegisterKeys.pui(Finess.parse(id));
            case MEDICINE -> RegisterKeys.medicine(id);
            case INSTRUCTION -> RegisterKeys.instruction(id);
        };
        return writer.trail(table, pk, 200).stream()
                .map(e -> new AuditEntry((String) e.get("at"), (String) e.get("by"), (String) e.get("action"),
                        map(e.get("before")), map(e.get("after"))))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    private static Establishment withVersion(Establishment e, long version) {
        return new Establishment(e.finessEj(), e.ipe(), e.name(), e.region(), e.departement(), e.category(),
                e.status(), e.puis(), e.sites(), version);
    }

    // ---- plumbing

    /** A versioned write of a record with its audit entry (and these other writes), in one transaction. */
    private long versioned(Map<String, AttributeValue> previous, Map<String, AttributeValue> next, String who,
                           List<TransactWriteItem> others) {
        return writer.write(table, previous, next, who, previous == null ? "CREATE" : "UPDATE", others);
    }

    private Optional<Map<String, AttributeValue>> get(String pk, String sk) {
        Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName(table).key(Items.key(pk, sk))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private Stream<Map<String, AttributeValue>> query(QueryRequest request) {
        return dynamoDb.queryPaginator(request).items().stream();
    }

    private List<Map<String, AttributeValue>> batchGet(List<Map<String, AttributeValue>> keys) {
        return batches.getAll(table, keys, true);
    }
}
