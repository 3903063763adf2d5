package fr.dispostock.template;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The permissions no emulator judges and no function's own call shows: the sender reading the MailTable's
 * stream, the scheduler invoking the reminders, EventBridge invoking the mail-event handler. SAM generates
 * them from each function's Events. AWS's offline validator (AwsValidator) runs the SAM transform to
 * validate, but gives no transformed template (its TemplateModel and diagnostic model list the resources as
 * written), so these tests assert, on template.yaml as written, the conditions under which SAM's own rules
 * generate them (aws/serverless-application-model at 7000d0a3, samtranslator/model):
 * <ul>
 * <li>eventsources/pull.py, {@code DynamoDB.get_policy_arn}: a DynamoDB event adds the managed policy
 * AWSLambdaDynamoDBExecutionRole (stream read) to the role SAM makes for the function, and an
 * EventSourceMapping on its {@code Stream};</li>
 * <li>eventsources/scheduler.py, {@code _construct_execution_role}: a ScheduleV2 event without
 * {@code RoleArn} gets a role allowed to invoke the function;</li>
 * <li>eventsources/push.py, {@code EventBridgeRule}: an EventBridgeRule event gets a rule targeting the
 * function and the Lambda permission for EventBridge to invoke it;</li>
 * <li>sam_resources.py: SAM makes the function's role, and attaches what the events need, only when the
 * function names no {@code Role} of its own.</li>
 * </ul>
 */
class SamInvocationsTest {

    @Test
    void sam_generates_the_senders_stream_read_the_schedules_invocations_and_eventbridges_invocation() {
        // given template.yaml
        SamTemplate template = SamTemplate.load();

        // when SAM's rules are applied to its functions' events
        List<String> problems = problems(template);

        // then each invocation edge is generated
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void a_function_with_its_own_role_or_a_schedule_with_its_own_role_is_reported(@TempDir Path dir) throws Exception {
        // given the sender with a role of its own, and a schedule with a role of its own
        String original = Files.readString(SamTemplate.FILE);
        String broken = original
                .replaceFirst("(\n      Handler: fr\\.dispostock\\.campaigns\\.MailingSenderHandler\n)",
                        "$1      Role: arn:aws:iam::123456789012:role/elsewhere\n")
                .replaceFirst("(\n            ScheduleExpressionTimezone: Europe/Paris\n)",
                        "$1            RoleArn: arn:aws:iam::123456789012:role/elsewhere\n");
        assertNotEquals(original, broken);
        SamTemplate template = SamTemplate.load(Files.writeString(dir.resolve("template.yaml"), broken));

        // when checked
        List<String> problems = problems(template);

        // then both are reported
        assertEquals(2, problems.size(), String.join("\n", problems));
        assertTrue(problems.get(0).startsWith("CampaignSenderFunction names its own Role"), problems.get(0));
        assertTrue(problems.get(1).startsWith("RemindersFunction WeeklyDeclarationMorning: RoleArn"), problems.get(1));
    }

    private static List<String> problems(SamTemplate template) {
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, Object>> functions = template.resources("AWS::Serverless::Function");
        // the sender reads the MailTable's stream: SAM adds AWSLambdaDynamoDBExecutionRole to its role
        Map<String, Map<String, Object>> kicks = SamTemplate.events(functions.get("CampaignSenderFunction"), "DynamoDB");
        // SAM makes each function's role, with its Policies and what its events need, unless it names its own
        functions.forEach((id, function) -> Optional.ofNullable(function.get("Role")).ifPresent(role -> problems.add(
                id + " names its own Role " + role + ": SAM then attaches neither its Policies nor what its events need")));
        if (kicks.size() != 1) {
            problems.add("CampaignSenderFunction has " + kicks.size() + " DynamoDB events, not one: " + kicks.keySet());
        }
        kicks.forEach((name, properties) -> {
            Object stream = properties.get("Stream");
            if (!String.valueOf(stream).equals("!GetAtt MailTable.StreamArn")) {
                problems.add("CampaignSenderFunction " + name + ": Stream is " + stream + ", not !GetAtt MailTable.StreamArn");
            }
            Map<String, Object> mailTable = template.resources("AWS::DynamoDB::Table").get("MailTable");
            if (!(mailTable.get("StreamSpecification") instanceof Map<?, ?> spec) || spec.get("StreamViewType") == null) {
                problems.add("MailTable has no StreamSpecification: the sender's " + name + " has no stream to read");
            }
        });
        // the scheduler invokes the reminders: one role per schedule, made by SAM, for each kind
        Map<String, Object> reminders = functions.get("RemindersFunction");
        Map<String, Map<String, Object>> schedules = SamTemplate.events(reminders, "ScheduleV2");
        Set<String> kinds = new TreeSet<>();
        schedules.forEach((name, properties) -> {
            if (properties.containsKey("RoleArn")) {
                problems.add("RemindersFunction " + name + ": RoleArn " + properties.get("RoleArn")
                        + " replaces the role SAM makes to invoke the function (scheduler.py): remove it");
            }
            if ("DISABLED".equals(properties.get("State"))) {
                problems.add("RemindersFunction " + name + " is DISABLED");
            }
            String input = String.valueOf(properties.get("Input"));
            kinds.add(input.replaceAll(".*\"kind\":\"([a-z-]+)\".*", "$1"));
        });
        if (!kinds.equals(Set.of("order-day", "state-stock", "weekly-declaration"))) {
            problems.add("RemindersFunction's schedules run the kinds " + kinds
                    + ", not order-day, state-stock and weekly-declaration");
        }
        // EventBridge invokes the mail-event handler with the SES events of the configuration set
        Map<String, Map<String, Object>> rules = SamTemplate.events(functions.get("MailEventsFunction"), "EventBridgeRule");
        if (rules.size() != 1) {
            problems.add("MailEventsFunction has " + rules.size() + " EventBridgeRule events, not one: " + rules.keySet());
        }
        rules.forEach((name, properties) -> {
            Map<?, ?> pattern = properties.get("Pattern") instanceof Map<?, ?> p ? p : Map.of();
            if (!List.of("aws.ses").equals(pattern.get("source"))) {
                problems.add("MailEventsFunction " + name + ": source is " + pattern.get("source") + ", not [aws.ses]");
            }
            Object detailTypes = pattern.get("detail-type");
            for (String published : publishedDetailTypes(template)) {
                if (!(detailTypes instanceof List<?> l) || !l.contains(published)) {
                    problems.add("MailEventsFunction " + name + ": the configuration set publishes \"" + published
                            + "\", which its detail-type " + detailTypes + " leaves out");
                }
            }
            if (properties.get("EventBusName") != null) {
                problems.add("MailEventsFunction " + name + ": EventBusName " + properties.get("EventBusName")
                        + ", but SES publishes to the default bus (MailEventsToEventBridge)");
            }
        });
        return problems;
    }

    /** SES's EventBridge detail-type of each event type the configuration set's destination publishes. */
    @SuppressWarnings("unchecked")
    private static List<String> publishedDetailTypes(SamTemplate template) {
        Map<String, String> detailType = Map.of("bounce", "Email Bounced", "complaint", "Email Complaint Received",
                "delivery", "Email Delivered", "reject", "Email Rejected", "send", "Email Sent");
        Map<String, Object> destination = template.resources("AWS::SES::ConfigurationSetEventDestination")
                .get("MailEventsToEventBridge");
        List<String> types = (List<String>) ((Map<String, Object>) destination.get("EventDestination"))
                .get("MatchingEventTypes");
        return types.stream().map(t -> detailType.getOrDefault(t, "(" + t + ")")).toList();
    }
}
