package fr.dispostock.platform.register;

import fr.dispostock.domain.register.Account;
import fr.dispostock.domain.register.AccountStore;
import fr.dispostock.platform.dynamo.BatchCalls;
import fr.dispostock.platform.dynamo.Items;
import fr.dispostock.platform.dynamo.Tables;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static fr.dispostock.platform.dynamo.Items.s;

/** Accounts in the RegistersTable: {@code ACCOUNT#<sub>}, listed through gsi1 {@code ACCOUNTS}. */
@Singleton
@Requires(property = Tables.REGISTERS)
public class DynamoAccountStore implements AccountStore {
    private final DynamoDbClient dynamoDb;
    private final BatchCalls batches;
    private final String table;

    public DynamoAccountStore(DynamoDbClient dynamoDb, BatchCalls batches,
                              Tables tables) {
        this.dynamoDb = dynamoDb;
        this.batches = batches;
        this.table = tables.registers();
    }

    @Override
    public void rememberIfNew(Account account) {
        try {
            dynamoDb.putItem(p -> p.tableName(table).item(RegisterItems.item(account))
                    .conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException known) {
            // seen before
        }
    }

    @Override
    public int importAll(List<Account> accounts) {
        List<Map<String, AttributeValue>> items = accounts.stream().map(RegisterItems::item).toList();
        batches.putAll(table, items);
        return items.size();
    }

    @Override
    public void forget(String subject) {
        dynamoDb.deleteItem(d -> d.tableName(table).key(Items.key(RegisterKeys.account(subject), RegisterKeys.ROOT)));
    }

    @Override
    public List<Account> all() {
        List<Account> accounts = new ArrayList<>();
        dynamoDb.queryPaginator(q -> q.tableName(table).indexName("gsi1").keyConditionExpression("gsi1pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", s(RegisterKeys.ACCOUNTS))))
                .items().forEach(i -> accounts.add(RegisterItems.account(i)));
        return accounts;
    }
}
