package fr.dispostock.platform.declaration;

import fr.dispostock.domain.Finess;
import fr.dispostock.domain.HistoryPage;
import fr.dispostock.domain.IsoWeek;
import fr.dispostock.domain.Region;
import fr.dispostock.domain.declaration.Declaration;
import fr.dispostock.domain.declaration.DeclarationStore;
import fr.dispostock.domain.declaration.DeclaredLines;
import fr.dispostock.domain.declaration.Revision;
import fr.dispostock.platform.dynamo.Items;
import fr.dispostock.platform.dynamo.RevisionWriter;
import fr.dispostock.platform.dynamo.Tables;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static fr.dispostock.platform.dynamo.Items.s;

/**
 * Declarations in the DeclarationsTable (DYNAMODB.md): one item per PUI and week with the current
 * figures, in the partition of its region and week, so that a region's Monday is one Query; each
 * earlier revision is an item of its own in the PUI's and week's revisions partition
 * ({@link RevisionWriter}). The lines are packed in one compact attribute: a first declaration is
 * one conditional PutItem, a correction one transaction of two small items, whatever came before.
 * Keys: {@link DeclarationKeys}; items: {@link DeclarationItems}; here the queries and writes.
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

    @Override
    public Optional<Declaration> find(Region region, IsoWeek week, Finess finessEt) {
        return current(region, week, finessEt).map(item -> DeclarationItems.declaration(item, region, week));
    }

    private Optional<Map<String, AttributeValue>> current(Region region, IsoWeek week, Finess finessEt) {
        Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName(table).consistentRead(true)
                .key(Items.key(DeclarationKeys.week(region, week), DeclarationKeys.pui(finessEt)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    @Override
    public List<Declaration> ofRegion(Region region, IsoWeek week) {
        return weekOf(region, week, QueryRequest.builder()).map(i -> DeclarationItems.declaration(i, region, week))
                .toList();
    }

    @Override
    public List<DeclaredLines> linesOfRegion(Region region, IsoWeek week) {
        return weekOf(region, week, QueryRequest.builder().projectionExpression(DeclarationItems.LINES_PROJECTION)
                .expressionAttributeNames(DeclarationItems.LINES_NAMES)).map(DeclarationItems::declaredLines).toList();
    }

    /** The items of a region's week (every page). */
    private Stream<Map<String, AttributeValue>> weekOf(Region region, IsoWeek week, QueryRequest.Builder request) {
        return dynamoDb.queryPaginator(request.tableName(table).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(DeclarationKeys.week(region, week)))).build()).items().stream();
    }

    @Override
    public boolean save(Declaration previous, Declaration next) {
        Map<String, AttributeValue> earlier = previous == null ? null
                : DeclarationItems.revisionItemOf(previous.week(), previous.finessEt(), previous.revision(),
                previous.current());
        return writer.write(table, DeclarationItems.itemOf(next), earlier, previous == null ? 0 : previous.revision(),
                DeclarationItems::oldShapeRevisions);
    }

    @Override
    public Optional<HistoryPage<Revision>> history(Region region, IsoWeek week, Finess finessEt,
                                                   HistoryPage.Request page) {
        return current(region, week, finessEt).map(item -> {
            int below = page.below((int) Items.number(item, "rev"));
            if (!item.containsKey("revs")) { // old shape: the earlier figures are inside the item
                return HistoryPage.of(DeclarationItems.oldShapeHistory(item), below, page.limit());
            }
            return writer.page(table, DeclarationKeys.revisions(week, finessEt), below, page.limit())
                    .map(DeclarationItems::revision);
        });
    }

    public String table() {
        return table;
    }
}
