package fr.dispostock.platform.register;

import fr.dispostock.domain.Cis;
import fr.dispostock.domain.register.SupplyStatus;
import fr.dispostock.domain.register.SupplyStatusStore;
import fr.dispostock.platform.dynamo.BatchCalls;
import fr.dispostock.platform.dynamo.Items;
import fr.dispostock.platform.dynamo.Tables;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static fr.dispostock.platform.dynamo.Items.s;

/**
 * The medicines agency's statuses in the RegistersTable, one item per CIS (DYNAMODB.md): read by
 * key for the CIS of the tracked items, listed from gsi1 for an import to compare with.
 */
@Singleton
@Requires(property = Tables.REGISTERS)
public class DynamoSupplyStatusStore implements SupplyStatusStore {
    private final DynamoDbClient dynamoDb;
    private final BatchCalls batches;
    private final String table;

    public DynamoSupplyStatusStore(DynamoDbClient dynamoDb, BatchCalls batches, Tables tables) {
        this.dynamoDb = dynamoDb;
        this.batches = batches;
        this.table = tables.registers();
    }

    @Override
    public Map<Cis, List<SupplyStatus>> supplyStatuses(Collection<Cis> cis) {
        Map<Cis, List<SupplyStatus>> found = new LinkedHashMap<>();
        batches.getAll(table, cis.stream().distinct()
                        .map(c -> Items.key(RegisterKeys.supplyStatuses(c), RegisterKeys.ROOT)).toList(), false)
                .forEach(i -> found.put(RegisterItems.supplyCis(i), RegisterItems.supplyStatuses(i)));
        return found;
    }

    @Override
    public Map<Cis, List<SupplyStatus>> allSupplyStatuses() {
        Map<Cis, List<SupplyStatus>> all = new LinkedHashMap<>();
        dynamoDb.queryPaginator(q -> q.tableName(table).indexName("gsi1").keyConditionExpression("gsi1pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", s(RegisterKeys.SUPPLY_STATUSES)))).items()
                .forEach(i -> all.put(RegisterItems.supplyCis(i), RegisterItems.supplyStatuses(i)));
        return all;
    }

    @Override
    public void writeSupplyStatuses(Map<Cis, List<SupplyStatus>> changed, Collection<Cis> ended) {
        batches.putAll(table, changed.entrySet().stream()
                .map(e -> RegisterItems.item(e.getKey(), e.getValue())).toList());
        batches.deleteAll(table, ended.stream()
                .map(c -> Items.key(RegisterKeys.supplyStatuses(c), RegisterKeys.ROOT)).toList());
    }
}
