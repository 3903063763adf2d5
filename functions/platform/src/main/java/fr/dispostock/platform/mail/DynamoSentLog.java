package fr.dispostock.platform.mail;

import fr.dispostock.domain.mail.SentLog;
import fr.dispostock.platform.dynamo.Items;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Claims in the MailTable: one item per run and recipient (address compared case-insensitively),
 * written only if absent, expired by DynamoDB's TTL after 90 days.
 */
@Singleton
public class DynamoSentLog implements SentLog {
    static final Duration KEPT = Duration.ofDays(90);
    private final DynamoDbClient dynamoDb;
    private final Clock clock;
    private final String table;

    public DynamoSentLog(DynamoDbClient dynamoDb, Clock clock,
                         @Value("${dispostock.tables.mail:MailTable}") String table) {
        this.dynamoDb = dynamoDb;
        this.clock = clock;
        this.table = table;
    }

    @Override
    public boolean claim(String run, String recipient) {
        try {
            dynamoDb.putItem(p -> p.tableName(table)
                    .item(Map.of("pk", Items.s("SENT#" + run), "sk", Items.s(recipient.toLowerCase(Locale.ROOT)),
                            "expiresAt", Items.n(clock.instant().plus(KEPT).getEpochSecond())))
                    .conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void release(String run, String recipient) {
        dynamoDb.deleteItem(d -> d.tableName(table)
                .key(Items.key("SENT#" + run, recipient.toLowerCase(Locale.ROOT))));
    }
}
