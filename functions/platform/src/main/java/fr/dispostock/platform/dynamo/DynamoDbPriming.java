package fr.dispostock.platform.dynamo;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.List;
import java.util.Map;

/**
 * SnapStart priming: before Lambda snapshots the initialised function, read a key that does
 * not exist in each table, so that the SDK's classes, marshallers and TLS are loaded and
 * JIT-warmed inside the snapshot rather than on a pharmacist's first request.
 * Only where Lambda initialises for a SnapStart snapshot (AWS_LAMBDA_INITIALIZATION_TYPE=snap-start).
 */
@Context
@Requires(property = "aws.lambda.initialization.type", value = "snap-start")
public class DynamoDbPriming implements Resource {
    private static final String VARIABLES = "DISPOSTOCK_TABLES_";
    private final DynamoDbClient dynamoDb;
    private final List<String> tables;

    public DynamoDbPriming(DynamoDbClient dynamoDb, Tables tables) {
        this.dynamoDb = dynamoDb;
        this.tables = given(System.getenv(), tables);
        Core.getGlobalContext().register(this);
    }

    /**
     * The tables the function's template entry gives it (its DISPOSTOCK_TABLES_* variables, all it may
     * read): the functions sharing a jar share its application.properties, which also names the tables
     * of the others (the campaigns jar's sender reads the MailTable only). Without such variables (not in
     * Lambda), the configured tables.
     */
    static List<String> given(Map<String, String> environment, Tables tables) {
        List<String> named = environment.entrySet().stream().filter(e -> e.getKey().startsWith(VARIABLES))
                .map(Map.Entry::getValue).sorted().toList();
        return named.isEmpty() ? tables.configured() : named;
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
