package fr.dispostock.embedded;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One DynamoDB Local per test JVM, its tables created from template.yaml, stopped when the JVM
 * ends. Test classes that store anything use it: {@code @ExtendWith(DynamoDbLocalExtension.class)}.
 */
public final class DynamoDbLocalExtension implements BeforeAllCallback {
    private static EmbeddedDynamoDb instance;

    @Override
    public void beforeAll(ExtensionContext context) {
        dynamoDb();
    }

    public static synchronized EmbeddedDynamoDb dynamoDb() {
        if (instance == null) {
            EmbeddedDynamoDb db = EmbeddedDynamoDb.startInMemory();
            db.createTablesFromTemplate();
            Runtime.getRuntime().addShutdownHook(new Thread(db::close));
            instance = db;
        }
        return instance;
    }
}
