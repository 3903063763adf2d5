package fr.dispostock.reminders;

import fr.dispostock.campaigns.MailingSenderHandler;
import fr.dispostock.embedded.DynamoDbLocalExtension;
import fr.dispostock.embedded.FakeLambdaContext;
import fr.dispostock.embedded.LambdaEvents;
import fr.dispostock.embedded.Schedules;
import fr.dispostock.embedded.SecretsManagerEmulator;
import fr.dispostock.embedded.SesEmulator;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reminders function as Lambda runs it: its handler class, invoked with the input its schedule
 * in template.yaml sends, on DynamoDB Local; then the sender function's handler, invoked with the
 * MailTable stream's records of the kick items the run wrote, mailing through the real SES v2 client
 * to the SES emulator (whose account says 1,000 mails per second).
 */
final class RemindersFunction {
    static final SesEmulator SES = SesEmulator.withMaxSendRate(1000);
    static final Map<String, Object> PROPERTIES = SecretsManagerEmulator.withPseudonymKeySecret(Map.of(
            "dispostock.dynamodb.endpoint", DynamoDbLocalExtension.dynamoDb().endpoint().toString(),
            "dispostock.ses.endpoint", SES.endpoint().toString(),
            "dispostock.mail.from", "Dispostock <no-reply@dispostock.invalid>"));
    static final ReminderHandler HANDLER = new ReminderHandler(ApplicationContext.builder()
            .properties(PROPERTIES).environments("function", "test"));
    static final MailingSenderHandler SENDER = sender(Map.of());

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(SES::close));
    }

    private RemindersFunction() {
    }

    /** The sender function (it sends mail), on the same DynamoDB and SES unless overridden. */
    static MailingSenderHandler sender(Map<String, Object> overrides) {
        Map<String, Object> all = new LinkedHashMap<>(PROPERTIES);
        all.putAll(overrides);
        all.put("dispostock.mail.enabled", "true");
        return new MailingSenderHandler(ApplicationContext.builder().properties(all).environments("function", "test"));
    }

    /** The schedule fires: the reminders function's answer (the run's report). */
    static Map<String, Object> fire(String event, String scheduledTime) {
        return HANDLER.handleRequest(Schedules.input("RemindersFunction", event, scheduledTime), new FakeLambdaContext());
    }

    /**
     * The MailTable's stream delivers the kick items written so far (as its filter in template.yaml
     * keeps them: inserts of {@code KICK#} items) to the sender function; consumed, they are deleted.
     * How many kicks were delivered.
     */
    static int deliverKicks(MailingSenderHandler sender) {
        DynamoDbClient dynamoDb = HANDLER.getApplicationContext().getBean(DynamoDbClient.class);
        List<Map<String, AttributeValue>> kicks = dynamoDb.scan(s -> s.tableName("MailTable")
                .filterExpression("begins_with(pk, :kick)")
                .expressionAttributeValues(Map.of(":kick", AttributeValue.fromS("KICK#")))).items();
        if (kicks.isEmpty()) {
            return 0;
        }
        StringBuilder event = new StringBuilder("{\"Records\":[");
        for (Map<String, AttributeValue> kick : kicks) {
            dynamoDb.deleteItem(d -> d.tableName("MailTable").key(Map.of("pk", kick.get("pk"), "sk", kick.get("sk"))));
            event.append(event.charAt(event.length() - 1) == '[' ? "" : ",").append(String.format("""
                    {"eventName":"INSERT","eventSource":"aws:dynamodb","dynamodb":{\
                    "Keys":{"pk":{"S":"%1$s"},"sk":{"S":"%2$s"}},\
                    "NewImage":{"pk":{"S":"%1$s"},"sk":{"S":"%2$s"},"mailing":{"S":"%3$s"},"expiresAt":{"N":"%4$s"}},\
                    "StreamViewType":"NEW_IMAGE"}}""", kick.get("pk").s(), kick.get("sk").s(), kick.get("mailing").s(),
                    kick.get("expiresAt").n()));
        }
        // read as the Lambda runtime reads it for the sender (its LambdaJson)
        Map<String, Object> records = LambdaEvents.fromJson(event.append("]}").toString(),
                Argument.mapOf(String.class, Object.class).asType());
        sender.handleRequest(records, new FakeLambdaContext());
        return kicks.size();
    }

    /** The recipients of the mails the emulator received, in order. */
    static List<String> recipients() {
        return SES.recipients();
    }
}
