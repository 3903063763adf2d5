package fr.dispostock.reminders;

import fr.dispostock.embedded.CloudFormationYaml;
import fr.dispostock.embedded.DynamoDbLocalExtension;
import fr.dispostock.embedded.FakeLambdaContext;
import fr.dispostock.embedded.SesEmulator;
import fr.dispostock.embedded.TableDefinitions;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The reminders function as Lambda runs it: its handler class, invoked with the input its schedule
 * in template.yaml sends, on DynamoDB Local, mailing through the real SES v2 client to the SES
 * emulator.
 */
final class RemindersFunction {
    static final SesEmulator SES = SesEmulator.start();
    static final ReminderHandler HANDLER = new ReminderHandler(ApplicationContext.builder()
            .properties(Map.of("dispostock.dynamodb.endpoint", DynamoDbLocalExtension.dynamoDb().endpoint().toString(),
                    "dispostock.ses.endpoint", SES.endpoint().toString(),
                    "dispostock.mail.from", "Dispostock <no-reply@dispostock.invalid>"))
            .environments("function", "test"));
    static final JsonMapper JSON = HANDLER.getApplicationContext().getBean(JsonMapper.class);

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(SES::close));
    }

    private RemindersFunction() {
    }

    /** The input EventBridge Scheduler sends for this event of the template, fired at that instant. */
    @SuppressWarnings("unchecked")
    static Map<String, String> scheduledInput(String event, String scheduledTime) {
        Map<String, Object> resources = (Map<String, Object>) CloudFormationYaml.load(TableDefinitions.locateTemplate())
                .get("Resources");
        Map<String, Object> function = (Map<String, Object>) ((Map<String, Object>) resources.get("RemindersFunction"))
                .get("Properties");
        Map<String, Object> e = (Map<String, Object>) ((Map<String, Object>) function.get("Events")).get(event);
        String input = ((String) ((Map<String, Object>) e.get("Properties")).get("Input"))
                .replace("<aws.scheduler.scheduled-time>", scheduledTime);
        try {
            return JSON.readValue(input, Argument.mapOf(String.class, String.class));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static Map<String, Object> fire(String event, String scheduledTime) {
        return HANDLER.handleRequest(scheduledInput(event, scheduledTime), new FakeLambdaContext());
    }

    /** The recipients of the mails the emulator received, in order. */
    static List<String> recipients() {
        return SES.recipients();
    }
}
