package fr.dispostock.platform.erasure;

import fr.dispostock.domain.erasure.Erasure;
import fr.dispostock.domain.erasure.ErasureStore;
import fr.dispostock.platform.dynamo.Items;
import fr.dispostock.platform.dynamo.Tables;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static fr.dispostock.platform.dynamo.Items.s;
import static fr.dispostock.platform.dynamo.Items.string;

/** Erasures in the RegistersTable: {@code ERASURE#<pseudonym>} / {@code #}, written once. */
@Singleton
@Requires(property = Tables.REGISTERS)
public class DynamoErasureStore implements ErasureStore {
    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoErasureStore(DynamoDbClient dynamoDb, Tables tables) {
        this.dynamoDb = dynamoDb;
        this.table = tables.registers();
    }

    @Override
    public boolean recordOnce(Erasure erasure) {
        try {
            dynamoDb.putItem(p -> p.tableName(table).conditionExpression("attribute_not_exists(pk)").item(Map.of(
                    "pk", s(key(erasure.pseudonym())), "sk", s("#"), "pseudonym", s(erasure.pseudonym()),
                    "at", s(erasure.erasedAt().toString()), "by", s(erasure.erasedBy()))));
            return true;
        } catch (ConditionalCheckFailedException recorded) {
            return false;
        }
    }

    @Override
    public Optional<Erasure> find(String pseudonym) {
        Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName(table).consistentRead(true)
                .key(Items.key(key(pseudonym), "#"))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(new Erasure(string(item, "pseudonym"),
                Instant.parse(string(item, "at")), string(item, "by")));
    }

    private static String key(String pseudonym) {
        return "ERASURE#" + pseudonym;
    }
}
