package fr.dispostock.platform.declaration;

import fr.dispostock.domain.Departement;
import fr.dispostock.domain.Finess;
import fr.dispostock.domain.HistoryPage;
import fr.dispostock.domain.IsoWeek;
import fr.dispostock.domain.Region;
import fr.dispostock.domain.declaration.Declaration;
import fr.dispostock.domain.declaration.DeclarationStore;
import fr.dispostock.domain.declaration.Line;
import fr.dispostock.domain.declaration.Revision;
import fr.dispostock.platform.dynamo.Items;
import fr.dispostock.platform.dynamo.RevisionWriter;
import fr.dispostock.platform.dynamo.Tables;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static fr.dispostock.platform.dynamo.Items.s;
import static fr.dispostock.platform.dynamo.Items.string;

/**
 * Declarations in the DeclarationsTable (DYNAMODB.md): one item per PUI and week with the current
 * figures, in the partition of its region and week, so that a region's Monday is one Query; each
 * earlier revision is an item of its own in the PUI's and week's revisions partition
 * ({@link RevisionWriter}). The lines are packed in one compact attribute: a first declaration is
 * one conditional PutItem, a correction one transaction of two small items, whatever came before.
 */
@Singleton
@Requires(property = Tables.DECLARATIONS)
public class DynamoDeclarationStore implements DeclarationStore {
    private final DynamoDbClient dynamoDb;
    private final RevisionWriter writer;
    private final String table;

    public DynamoDeclarationStore(DynamoDbClient dynamoDb, RevisionWriter writer,
                                  Tables tables) {
        this.dynamoDb = dynamoDb;
        this.writer = writer;
        this.table = tables.declarations();
    }

    static String partition(Region region, IsoWeek week) {
        return "WEEK#" + week + "#REGION#" + region.code();
    }

    /** The partition of a PUI's earlier revisions of a week. */
    static String revisionsPartition(IsoWeek week, Finess finessEt) {
        return "REVISIONS#WEEK#" + week + "#PUI#" + finessEt.value();
    }

    @Override
    public Optional<Declaration> find(Region region, IsoWeek week, Finess finessEt) {
        return current(region, week, finessEt).map(item -> declaration(item, region, week));
    }

    private Optional<Map<String, AttributeValue>> current(Region region, IsoWeek week, Finess finessEt) {
        Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName(table).consistentRead(true)
                .key(Items.key(partition(region, week), "PUI#" + finessEt.value()))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    @Override
    public List<Declaration> ofRegion(Region region, IsoWeek week) {
        return dynamoDb.queryPaginator(QueryRequest.builder().tableName(table)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", s(partition(region, week))))
                        .build())
                .items().stream().map(i -> declaration(i, region, week)).toList();
    }

    @Override
    public boolean save(Declaration previous, Declaration next) {
        Map<String, AttributeValue> earlier = previous == null ? null
                : revisionItemOf(previous.week(), previous.finessEt(), previous.revision(), previous.current());
        return writer.write(table, itemOf(next), earlier, previous == null ? 0 : previous.revision(),
                DynamoDeclarationStore::oldShapeRevisions);
    }

    @Override
    public Optional<HistoryPage<Revision>> history(Region region, IsoWeek week, Finess finessEt,
                                                   HistoryPage.Request page) {
        return current(region, week, finessEt).map(item -> {
            int below = page.below((int) Items.number(item, "rev"));
            if (!item.containsKey("revs")) { // old shape: the earlier figures are inside the item
                return HistoryPage.of(oldShapeHistory(item), below, page.limit());
            }
            return writer.page(table, revisionsPartition(week, finessEt), below, page.limit())
                    .map(r -> revision(r.get("at"), r.get("by"), r.get("late"), r.get("lines")));
        });
    }

    /**
     * The items a week declared several times is kept as, as {@link #save} leaves them: the current
     * figures and each earlier revision ({@code earlier}, oldest first). For bulk loads of past weeks
     * (the local platform's seed), which must store what the function would.
     */
    public static List<Map<String, AttributeValue>> items(Declaration d, List<Revision> earlier) {
        if (earlier.size() != d.earlierRevisions()) {
            throw new IllegalArgumentException("a declaration of " + d.earlierRevisions() + " earlier revisions, given " + earlier.size());
        }
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        items.add(itemOf(d));
        for (int n = 1; n <= earlier.size(); n++) {
            items.add(revisionItemOf(d.week(), d.finessEt(), n, earlier.get(n - 1)));
        }
        return items;
    }

    public String table() {
        return table;
    }

    // ---- mapping: lines as "itemId=stock:cmj|…" (item ids never hold '=', ':' or '|')

    /** The item of a declaration's current figures, as this store writes it (public: seeds build items the same way). */
    public static Map<String, AttributeValue> itemOf(Declaration d) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(partition(d.region(), d.week())));
        item.put("sk", s("PUI#" + d.finessEt().value()));
        item.put("ej", s(d.finessEj().value()));
        item.put("dep", s(d.departement().code()));
        item.put("rev", Items.n(d.revision()));
        item.put("revs", Items.n(d.earlierRevisions()));
        item.put("late", AttributeValue.fromBool(d.late()));
        item.put("cur", AttributeValue.fromM(figures(d.current())));
        return item;
    }

    /** The item of revision {@code number} of a PUI's week (public: seeds build items the same way). */
    public static Map<String, AttributeValue> revisionItemOf(IsoWeek week, Finess finessEt, int number, Revision r) {
        Map<String, AttributeValue> item = new HashMap<>(RevisionWriter.revisionKey(revisionsPartition(week, finessEt), number));
        item.putAll(figures(r));
        return item;
    }

    private static Map<String, AttributeValue> figures(Revision r) {
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
        return m;
    }

    private static Revision revision(AttributeValue at, AttributeValue by, AttributeValue late, AttributeValue packed) {
        List<Line> lines = new ArrayList<>();
        if (!packed.s().isEmpty()) {
            for (String part : packed.s().split("\\|")) {
                int eq = part.indexOf('=');
                int colon = part.indexOf(':', eq);
                lines.add(new Line(part.substring(0, eq), Long.parseLong(part.substring(eq + 1, colon)),
                        new BigDecimal(part.substring(colon + 1))));
            }
        }
        return new Revision(Instant.parse(at.s()), by.s(), late.bool(), lines);
    }

    private static Revision revision(AttributeValue figures) {
        Map<String, AttributeValue> m = figures.m();
        return revision(m.get("at"), m.get("by"), m.get("late"), m.get("lines"));
    }

    private static Declaration declaration(Map<String, AttributeValue> item, Region region, IsoWeek week) {
        Revision current = revision(item.get("cur"));
        Finess finessEt = Finess.parse(string(item, "sk").substring(4));
        Finess finessEj = Finess.parse(string(item, "ej"));
        Departement departement = Departement.parse(string(item, "dep"));
        if (!item.containsKey("revs")) { // old shape: the week's lateness is its first revision's
            List<Revision> earlier = oldShapeHistory(item);
            return new Declaration(finessEt, finessEj, region, departement, week, current, earlier.size(),
                    earlier.isEmpty() ? current.late() : earlier.get(0).late());
        }
        return new Declaration(finessEt, finessEj, region, departement, week, current,
                (int) Items.number(item, "revs"), item.get("late").bool());
    }

    /** Items of the old shape carry their earlier figures, oldest first, in {@code hist}. */
    private static List<Revision> oldShapeHistory(Map<String, AttributeValue> item) {
        return item.containsKey("hist") ? item.get("hist").l().stream().map(DynamoDeclarationStore::revision).toList()
                : List.of();
    }

    private static List<Map<String, AttributeValue>> oldShapeRevisions(Map<String, AttributeValue> item) {
        IsoWeek week = IsoWeek.parse(string(item, "pk").split("#")[1]);
        Finess finessEt = Finess.parse(string(item, "sk").substring(4));
        List<Revision> earlier = oldShapeHistory(item);
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < earlier.size(); i++) {
            items.add(revisionItemOf(week, finessEt, i + 1, earlier.get(i)));
        }
        return items;
    }
}
