package fr.dispostock.platform.dynamo;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.List;

/**
 * SnapStart priming: before Lambda snapshots the initialised function, read a key that does
 * not exist in each table, so that the SDK's classes, marshallers and TLS are loaded and
 * JIT-warmed inside the snapshot rather than on a pharmacist's first request.
 * Only where Lambda initialises for a SnapStart snapshot (AWS_LAMBDA_INITIALIZATION_TYPE=snap-start).
 */
@Context
@Requires(property = "aws.lambda.initialization.type", value = "snap-start")
public class DynamoDbPriming implements Resource {
    private final DynamoDbClient dynamoDb;
    private final List<String> tables;

    public DynamoDbPriming(DynamoDbClient dynamoDb, Tables tables) {
        this.dynamoDb = dynamoDb;
        this.tables = tables.configured();
        Core.getGlobalContext().register(this);
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        tables.forEach(table -> dynamoDb.getItem(g -> g.tableName(table).key(Items.key("#PRIME", "#PRIME"))));
    }

    /** The tables read before the snapshot. */
    public List<String> primedTables() {
        return tables;
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // nothing to refresh: credentials come from the environment of the restored sandbox
    }
}
