package fr.dispostock.platform.mail;

import fr.dispostock.domain.mail.MailingId;
import fr.dispostock.domain.mail.MailingQueue;
import fr.dispostock.platform.dynamo.Tables;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Duration;

/**
 * In AWS: a kick item written in the MailTable, whose stream (filtered on kicks) invokes the sender
 * function; the sender kicks again when its time runs out. Only DynamoDB, no other service.
 */
@Singleton
@Requires(property = Tables.MAIL)
@Requires(notEnv = "local")
public class DynamoMailingQueue implements MailingQueue {
    private final DynamoDbClient dynamoDb;
    private final Clock clock;
    private final String table;

    public DynamoMailingQueue(DynamoDbClient dynamoDb, Clock clock,
                              Tables tables) {
        this.dynamoDb = dynamoDb;
        this.clock = clock;
        this.table = tables.mail();
    }

    @Override
    public void kick(MailingId id) {
        dynamoDb.putItem(p -> p.tableName(table).item(MailItems.kick(id, clock.instant(),
                clock.instant().plus(Duration.ofDays(1)))));
    }
}
