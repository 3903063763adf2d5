package fr.dispostock.platform.register;

import fr.dispostock.domain.Finess;
import fr.dispostock.domain.Region;
import fr.dispostock.domain.Role;
import fr.dispostock.domain.register.Account;
import fr.dispostock.domain.register.AccountStore;
import fr.dispostock.platform.dynamo.BatchWriter;
import fr.dispostock.platform.dynamo.Items;
import fr.dispostock.platform.dynamo.Tables;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static fr.dispostock.platform.dynamo.Items.s;
import static fr.dispostock.platform.dynamo.Items.string;

/** Accounts in the RegistersTable: {@code ACCOUNT#<sub>}, listed through gsi1 {@code ACCOUNTS}. */
@Singleton
@Requires(property = Tables.REGISTERS)
public class DynamoAccountStore implements AccountStore {
    private final DynamoDbClient dynamoDb;
    private final BatchWriter batches;
    private final String table;

    public DynamoAccountStore(DynamoDbClient dynamoDb, BatchWriter batches,
                              Tables tables) {
        this.dynamoDb = dynamoDb;
        this.batches = batches;
        this.table = tables.registers();
    }

    @Override
    public void rememberIfNew(Account account) {
        try {
            dynamoDb.putItem(p -> p.tableName(table).item(item(account)).conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException known) {
            // seen before
        }
    }

    @Override
    public int importAll(List<Account> accounts) {
        List<Map<String, AttributeValue>> items = accounts.stream().map(this::item).toList();
        batches.putAll(table, items);
        return items.size();
    }

    @Override
    public List<Account> all() {
        List<Account> accounts = new ArrayList<>();
        dynamoDb.queryPaginator(q -> q.tableName(table).indexName("gsi1").keyConditionExpression("gsi1pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", s("ACCOUNTS"))))
                .items().forEach(i -> accounts.add(new Account(string(i, "sub"), string(i, "email"),
                        Items.strings(i, "roles").stream().map(Role::valueOf).collect(Collectors.toSet()),
                        Items.strings(i, "finessEj").stream().map(Finess::parse).collect(Collectors.toSet()),
                        string(i, "region") == null ? null : Region.parse(string(i, "region")))));
        return accounts;
    }

    private Map<String, AttributeValue> item(Account a) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s("ACCOUNT#" + a.subject()));
        item.put("sk", s("#"));
        item.put("gsi1pk", s("ACCOUNTS"));
        item.put("gsi1sk", s(a.subject()));
        item.put("sub", s(a.subject()));
        item.put("email", s(a.email()));
        item.put("roles", Items.list(a.roles().stream().map(Role::name).sorted().toList()));
        item.put("finessEj", Items.list(a.establishments().stream().map(Finess::value).sorted().toList()));
        Items.put(item, "region", a.region() == null ? null : s(a.region().code()));
        return item;
    }
}
