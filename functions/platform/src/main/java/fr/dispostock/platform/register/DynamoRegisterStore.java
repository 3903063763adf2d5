package fr.dispostock.platform.register;

import fr.dispostock.domain.Departement;
import fr.dispostock.domain.Finess;
import fr.dispostock.domain.Region;
import fr.dispostock.domain.Ucd;
import fr.dispostock.domain.register.Address;
import fr.dispostock.domain.register.AuditEntry;
import fr.dispostock.domain.register.Establishment;
import fr.dispostock.domain.register.Instruction;
import fr.dispostock.domain.register.Medicine;
import fr.dispostock.domain.register.Pui;
import fr.dispostock.domain.register.RegisterStore;
import fr.dispostock.domain.register.Site;
import fr.dispostock.platform.dynamo.AuditedWriter;
import fr.dispostock.platform.dynamo.BatchWriter;
import fr.dispostock.platform.dynamo.Items;
import fr.dispostock.platform.dynamo.Tables;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static fr.dispostock.platform.dynamo.Items.put;
import static fr.dispostock.platform.dynamo.Items.s;
import static fr.dispostock.platform.dynamo.Items.string;

/**
 * The registers in the RegistersTable (layout and access patterns: DYNAMODB.md). Reads by key are
 * strongly consistent; lists come from Query on the GSIs, never from a Scan.
 */
@Singleton
@Requires(property = Tables.REGISTERS)
public class DynamoRegisterStore implements RegisterStore {
    private static final int BATCH_GET_MAX = 100;
    private final DynamoDbClient dynamoDb;
    private final AuditedWriter writer;
    private final BatchWriter batches;
    private final String table;

    public DynamoRegisterStore(DynamoDbClient dynamoDb, AuditedWriter writer, BatchWriter batches,
                               Tables tables) {
        this.dynamoDb = dynamoDb;
        this.writer = writer;
        this.batches = batches;
        this.table = tables.registers();
    }

    // ---- keys: one place says how every register item is addressed

    static String establishmentPk(Finess ej) {
        return "EJ#" + ej.value();
    }

    static String puiPk(Finess et) {
        return "PUI#" + et.value();
    }

    static String medicinePk(String itemId) {
        return "ITEM#" + itemId;
    }

    static String ucdPk(Ucd ucd) {
        return "UCD#" + ucd.ucd13();
    }

    static String instructionPk(String id) {
        return "INSTRUCTION#" + id;
    }

    private static final String ROOT = "#";
    private static final String SITE = "SITE#";

    // ---- establishments

    @Override
    public Optional<Establishment> establishment(Finess ej) {
        return get(establishmentPk(ej), ROOT).map(item -> {
            List<Site> sites = query(QueryRequest.builder().tableName(table)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :s)")
                    .expressionAttributeValues(Map.of(":pk", s(establishmentPk(ej)), ":s", s(SITE)))
                    .consistentRead(true).build()).map(DynamoRegisterStore::site).toList();
            List<Finess> puis = query(QueryRequest.builder().tableName(table).indexName("gsi2")
                    .keyConditionExpression("gsi2pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", s(establishmentPk(ej) + "#PUI"))).build())
                    .map(i -> Finess.parse(string(i, "finessEt"))).toList();
            return establishment(item, puis, sites);
        });
    }

    @Override
    public List<Establishment> establishments(Region region) {
        return query(QueryRequest.builder().tableName(table).indexName("gsi1")
                .keyConditionExpression("gsi1pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s("REGION#" + region.code() + "#EJ"))).build())
                .map(i -> establishment(i, List.of(), List.of())).toList();
    }

    @Override
    public Establishment save(Establishment previous, Establishment next, String who) {
        long version = writer.write(table, previous == null ? null : item(previous), item(next), who,
                previous == null ? "CREATE" : "UPDATE", List.of());
        return withVersion(next, version);
    }

    @Override
    public Map<Finess, Establishment> establishments(Collection<Finess> finessEj) {
        Map<Finess, Establishment> found = new HashMap<>();
        batchGet(finessEj.stream().map(ej -> Items.key(establishmentPk(ej), ROOT)).toList())
                .forEach(i -> found.put(Finess.parse(string(i, "finessEj")), establishment(i, List.of(), List.of())));
        return found;
    }

    @Override
    public Map<Finess, Site> registeredSites(Collection<Site> sites) {
        Map<Finess, Site> found = new HashMap<>();
        batchGet(sites.stream().map(st -> Items.key(establishmentPk(st.finessEj()), SITE + st.finessEt().value())).toList())
                .forEach(i -> found.put(Finess.parse(string(i, "finessEt")), site(i)));
        return found;
    }

    @Override
    public Optional<Site> site(Finess finessEj, Finess finessEt) {
        return get(establishmentPk(finessEj), SITE + finessEt.value()).map(DynamoRegisterStore::site);
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
        return get(puiPk(et), ROOT).map(DynamoRegisterStore::pui);
    }

    @Override
    public Pui save(Pui previous, Pui next, String who) {
        long version = writer.write(table, previous == null ? null : item(previous), item(next), who,
                previous == null ? "CREATE" : "UPDATE", List.of());
        return new Pui(next.finessEt(), next.finessEj(), next.name(), next.email(), next.phone(),
                next.deliveryAddress(), next.region(), next.departement(), version);
    }

    @Override
    public List<Pui> puis(Region region) {
        return query(QueryRequest.builder().tableName(table).indexName("gsi1")
                .keyConditionExpression("gsi1pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s("REGION#" + region.code() + "#PUI"))).build())
                .map(DynamoRegisterStore::pui).toList();
    }

    // ---- medicines

    @Override
    public Optional<Medicine> medicine(String itemId) {
        return get(medicinePk(itemId), ROOT).map(DynamoRegisterStore::medicine);
    }

    @Override
    public List<Medicine> medicines() {
        return query(QueryRequest.builder().tableName(table).indexName("gsi1")
                .keyConditionExpression("gsi1pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s("ITEMS"))).build())
                .map(DynamoRegisterStore::medicine).toList();
    }

    @Override
    public Medicine save(Medicine previous, Medicine next, String who) {
        // A UCD belongs to one item: take the new codes (unless this item holds them), release the dropped ones.
        Set<Ucd> held = previous == null ? Set.of() : new HashSet<>(previous.ucds());
        List<TransactWriteItem> reservations = new ArrayList<>();
        for (Ucd ucd : next.ucds()) {
            if (!held.contains(ucd)) {
                reservations.add(TransactWriteItem.builder().put(p -> p.tableName(table)
                        .item(Map.of("pk", s(ucdPk(ucd)), "sk", s(ROOT), "itemId", s(next.itemId())))
                        .conditionExpression("attribute_not_exists(pk) OR itemId = :me")
                        .expressionAttributeValues(Map.of(":me", s(next.itemId())))).build());
            }
        }
        for (Ucd ucd : held) {
            if (!next.ucds().contains(ucd)) {
                reservations.add(TransactWriteItem.builder().delete(d -> d.tableName(table)
                        .key(Items.key(ucdPk(ucd), ROOT))).build());
            }
        }
        long version = writer.write(table, previous == null ? null : item(previous), item(next), who,
                previous == null ? "CREATE" : "UPDATE", reservations);
        return new Medicine(next.itemId(), next.label(), next.ucds(), next.priority(), next.trackingStart(),
                next.trackingEnd(), version);
    }

    @Override
    public Map<Ucd, String> ucdHolders(Collection<Ucd> ucds) {
        Map<Ucd, String> holders = new HashMap<>();
        batchGet(ucds.stream().distinct().map(u -> Items.key(ucdPk(u), ROOT)).toList())
                .forEach(i -> holders.put(Ucd.parse(string(i, "pk").substring(4)), string(i, "itemId")));
        return holders;
    }

    // ---- instructions

    @Override
    public Optional<Instruction> instruction(String id) {
        return get(instructionPk(id), ROOT).map(DynamoRegisterStore::instruction);
    }

    @Override
    public List<Instruction> instructions(Optional<Region> region) {
        Stream<String> partitions = Stream.concat(Stream.of("NATIONAL"), region.map(Region::code).stream());
        return partitions.flatMap(p -> query(QueryRequest.builder().tableName(table).indexName("gsi1")
                        .keyConditionExpression("gsi1pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", s("INSTRUCTIONS#" + p))).build()))
                .map(DynamoRegisterStore::instruction).toList();
    }

    @Override
    public Instruction save(Instruction previous, Instruction next, String who) {
        long version = writer.write(table, previous == null ? null : item(previous), item(next), who,
                previous == null ? "CREATE" : "UPDATE", List.of());
        return new Instruction(next.id(), next.title(), next.body(), next.region(), next.validFrom(), next.validTo(),
                version);
    }

    @Override
    public List<AuditEntry> audit(Kind kind, String id) {
        String pk = switch (kind) {
            case ESTABLISHMENT -> establishmentPk(Finess.parse(id));
            case PUI -> puiPk(Finess.parse(id));
            case MEDICINE -> medicinePk(id);
            case INSTRUCTION -> instructionPk(id);
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

    // ---- mapping

    private Map<String, AttributeValue> item(Establishment e) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", s(establishmentPk(e.finessEj())));
        item.put("sk", s(ROOT));
        item.put("gsi1pk", s("REGION#" + e.region().code() + "#EJ"));
        item.put("gsi1sk", s(e.finessEj().value()));
        item.put("finessEj", s(e.finessEj().value()));
        put(item, "ipe", s(e.ipe()));
        item.put("name", s(e.name()));
        item.put("region", s(e.region().code()));
        item.put("departement", s(e.departement().code()));
        put(item, "category", s(e.category()));
        item.put("status", s(e.status().name()));
        if (e.version() > 0) {
            item.put("version", Items.n(e.version()));
        }
        return item;
    }

    private static Establishment establishment(Map<String, AttributeValue> i, List<Finess> puis, List<Site> sites) {
        return new Establishment(Finess.parse(string(i, "finessEj")), string(i, "ipe"), string(i, "name"),
                Region.parse(string(i, "region")), Departement.parse(string(i, "departement")),
                string(i, "category"), Establishment.Status.valueOf(string(i, "status")), puis, sites,
                Items.number(i, "version"));
    }

    private static Establishment withVersion(Establishment e, long version) {
        return new Establishment(e.finessEj(), e.ipe(), e.name(), e.region(), e.departement(), e.category(),
                e.status(), e.puis(), e.sites(), version);
    }

    private Map<String, AttributeValue> item(Site st) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", s(establishmentPk(st.finessEj())));
        item.put("sk", s(SITE + st.finessEt().value()));
        item.put("finessEt", s(st.finessEt().value()));
        item.put("finessEj", s(st.finessEj().value()));
        item.put("name", s(st.name()));
        put(item, "category", s(st.category()));
        put(item, "categoryLabel", s(st.categoryLabel()));
        put(item, "address", s(st.address()));
        put(item, "postalCode", s(st.postalCode()));
        put(item, "city", s(st.city()));
        item.put("departement", s(st.departement().code()));
        return item;
    }

    private static Site site(Map<String, AttributeValue> i) {
        return new Site(Finess.parse(string(i, "finessEt")), Finess.parse(string(i, "finessEj")), string(i, "name"),
                string(i, "category"), string(i, "categoryLabel"), string(i, "address"), string(i, "postalCode"),
                string(i, "city"), Departement.parse(string(i, "departement")));
    }

    private Map<String, AttributeValue> item(Pui p) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", s(puiPk(p.finessEt())));
        item.put("sk", s(ROOT));
        item.put("gsi1pk", s("REGION#" + p.region().code() + "#PUI"));
        item.put("gsi1sk", s(p.finessEt().value()));
        item.put("gsi2pk", s(establishmentPk(p.finessEj()) + "#PUI"));
        item.put("gsi2sk", s(p.finessEt().value()));
        item.put("finessEt", s(p.finessEt().value()));
        item.put("finessEj", s(p.finessEj().value()));
        item.put("name", s(p.name()));
        item.put("email", s(p.email()));
        put(item, "phone", s(p.phone()));
        item.put("line1", s(p.deliveryAddress().line1()));
        put(item, "line2", s(p.deliveryAddress().line2()));
        item.put("postalCode", s(p.deliveryAddress().postalCode()));
        item.put("city", s(p.deliveryAddress().city()));
        item.put("region", s(p.region().code()));
        item.put("departement", s(p.departement().code()));
        if (p.version() > 0) {
            item.put("version", Items.n(p.version()));
        }
        return item;
    }

    private static Pui pui(Map<String, AttributeValue> i) {
        return new Pui(Finess.parse(string(i, "finessEt")), Finess.parse(string(i, "finessEj")), string(i, "name"),
                string(i, "email"), string(i, "phone"),
                new Address(string(i, "line1"), string(i, "line2"), string(i, "postalCode"), string(i, "city")),
                Region.parse(string(i, "region")), Departement.parse(string(i, "departement")),
                Items.number(i, "version"));
    }

    private Map<String, AttributeValue> item(Medicine m) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", s(medicinePk(m.itemId())));
        item.put("sk", s(ROOT));
        item.put("gsi1pk", s("ITEMS"));
        item.put("gsi1sk", s(m.itemId()));
        item.put("itemId", s(m.itemId()));
        item.put("label", s(m.label()));
        item.put("ucds", Items.list(m.ucds().stream().map(Ucd::ucd13).toList()));
        item.put("level", s(m.priority().level().name()));
        item.put("regions", Items.list(m.priority().regions().stream().map(Region::code).toList()));
        item.put("trackingStart", s(m.trackingStart().toString()));
        put(item, "trackingEnd", m.trackingEnd() == null ? null : s(m.trackingEnd().toString()));
        if (m.version() > 0) {
            item.put("version", Items.n(m.version()));
        }
        return item;
    }

    private static Medicine medicine(Map<String, AttributeValue> i) {
        String end = string(i, "trackingEnd");
        return new Medicine(string(i, "itemId"), string(i, "label"),
                Items.strings(i, "ucds").stream().map(Ucd::parse).toList(),
                new Medicine.Priority(Medicine.Level.valueOf(string(i, "level")),
                        Items.strings(i, "regions").stream().map(Region::parse).toList()),
                LocalDate.parse(string(i, "trackingStart")), end == null ? null : LocalDate.parse(end),
                Items.number(i, "version"));
    }

    private Map<String, AttributeValue> item(Instruction in) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", s(instructionPk(in.id())));
        item.put("sk", s(ROOT));
        item.put("gsi1pk", s("INSTRUCTIONS#" + (in.region() == null ? "NATIONAL" : in.region().code())));
        item.put("gsi1sk", s(in.validFrom() + "#" + in.id()));
        item.put("id", s(in.id()));
        item.put("title", s(in.title()));
        item.put("body", s(in.body()));
        put(item, "region", in.region() == null ? null : s(in.region().code()));
        item.put("validFrom", s(in.validFrom().toString()));
        put(item, "validTo", in.validTo() == null ? null : s(in.validTo().toString()));
        if (in.version() > 0) {
            item.put("version", Items.n(in.version()));
        }
        return item;
    }

    private static Instruction instruction(Map<String, AttributeValue> i) {
        String region = string(i, "region");
        String to = string(i, "validTo");
        return new Instruction(string(i, "id"), string(i, "title"), string(i, "body"),
                region == null ? null : Region.parse(region), LocalDate.parse(string(i, "validFrom")),
                to == null ? null : LocalDate.parse(to), Items.number(i, "version"));
    }

    // ---- plumbing

    private Optional<Map<String, AttributeValue>> get(String pk, String sk) {
        Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName(table).key(Items.key(pk, sk))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private Stream<Map<String, AttributeValue>> query(QueryRequest request) {
        return dynamoDb.queryPaginator(request).items().stream();
    }

    private List<Map<String, AttributeValue>> batchGet(List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += BATCH_GET_MAX) {
            Map<String, KeysAndAttributes> pending = Map.of(table, KeysAndAttributes.builder()
                    .keys(new ArrayList<>(new LinkedHashSet<>(keys.subList(from, Math.min(keys.size(), from + BATCH_GET_MAX)))))
                    .consistentRead(true).build());
            for (int attempt = 0; !pending.isEmpty(); attempt++) {
                BatchWriter.backOff(attempt);
                BatchGetItemResponse response = dynamoDb.batchGetItem(BatchGetItemRequest.builder().requestItems(pending).build());
                found.addAll(response.responses().getOrDefault(table, List.of()));
                pending = response.unprocessedKeys();
            }
        }
        return found;
    }
}
