package fr.dispostock.template;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static fr.dispostock.template.SamTemplate.list;
import static fr.dispostock.template.SamTemplate.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Failures that recover by themselves: the stream the sender reads retries a bounded number of times,
 * splits a failing batch, and sets aside what still fails; the schedules and the SES events rule retry
 * their delivery and set aside what they cannot deliver; Lambda retries the functions they invoke
 * asynchronously and sets aside what still fails; the HTTP API limits its rate. What is set aside goes
 * to an encrypted queue of the template (AlarmsTest: an alarm watches each).
 * <p>
 * Who may write there, which IamTest (calls made by the functions' code) does not see, since Lambda,
 * the scheduler and EventBridge write, not the code: SAM grants it from the events as written
 * (aws/serverless-application-model at 7000d0a3, samtranslator/model), asserted here as in
 * SamInvocationsTest:
 * <ul>
 * <li>eventsources/pull.py, {@code PullEventSource.to_cloudformation}: a stream event's
 * {@code DestinationConfig.OnFailure} with {@code Type: SQS} adds sqs:SendMessage on its
 * {@code Destination} to the function's role (without {@code Type}, nothing);</li>
 * <li>sam_resources.py, {@code _validate_and_inject_resource}: {@code EventInvokeConfig}'s
 * {@code OnFailure} with {@code Type: SQS} and a {@code Destination} adds sqs:SendMessage on it to the
 * function's role;</li>
 * <li>eventsources/scheduler.py, {@code _construct_execution_role}: a ScheduleV2's
 * {@code DeadLetterConfig.Arn} adds sqs:SendMessage on it to the role SAM makes for the schedule (not
 * when the schedule names its own {@code RoleArn});</li>
 * <li>eventbridge_utils.py, {@code get_dlq_queue_arn_and_resources}: an EventBridgeRule's
 * {@code DeadLetterConfig.Arn} gets no permission from SAM: the queue's own policy must let
 * events.amazonaws.com send, from that rule only (named by the event's {@code RuleName}: AWS's offline
 * validator knows no resource SAM makes, so a {@code !GetAtt} of the rule fails it).</li>
 * </ul>
 * (Checked once by hand with aws-sam-translator: each of the four roles or policies appears in the
 * transformed template.)
 */
class RecoveryTest {
    /** DynamoDB Streams keeps a record 24 hours: past that age it is lost, not set aside. */
    private static final int STREAM_RETENTION_SECONDS = 86_400;
    /** Types of events whose invocation of the function is asynchronous (Lambda retries it, then EventInvokeConfig). */
    private static final List<String> ASYNCHRONOUS = List.of("ScheduleV2", "Schedule", "EventBridgeRule", "SNS", "S3");

    @Test
    void streams_schedules_rules_and_asynchronous_invocations_retry_a_bounded_number_of_times_then_set_aside() {
        // given template.yaml
        SamTemplate template = SamTemplate.load();

        // when each function's events are read
        List<String> problems = problems(template);

        // then each has bounded retries and a dead-letter destination SAM or a queue policy lets it write
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void the_http_api_limits_its_rate_with_the_stacks_parameters() {
        // given the HTTP API and the template's parameters
        SamTemplate template = SamTemplate.load();
        Map<String, Object> api = template.resources("AWS::Serverless::HttpApi").get("HttpApi");

        // when its default route settings are read
        Map<String, Object> settings = map(api.get("DefaultRouteSettings"));

        // then the rate and the burst are the parameters', which have a default and a positive minimum
        assertEquals("ApiThrottlingRateLimit", SamTemplate.ref(settings.get("ThrottlingRateLimit")).orElse(null), settings.toString());
        assertEquals("ApiThrottlingBurstLimit", SamTemplate.ref(settings.get("ThrottlingBurstLimit")).orElse(null), settings.toString());
        for (String name : List.of("ApiThrottlingRateLimit", "ApiThrottlingBurstLimit")) {
            Map<String, Object> parameter = template.parameter(name);
            assertTrue(parameter.get("Default") instanceof Number d && d.intValue() > 0, name + ": " + parameter);
            assertTrue(parameter.get("MinValue") instanceof Number min && min.intValue() >= 1, name + ": " + parameter);
        }
    }

    @Test
    void a_stream_whose_failures_sam_grants_nothing_a_schedule_without_dead_letters_and_a_rule_without_queue_policy_are_reported(
            @TempDir Path dir) {
        // given the stream's destination without its Type, the order-day schedule without dead letters, and the
        // SES events' queue without its policy
        SamTemplate template = SamTemplate.changed(dir, original -> {
            String orderDay = SamTemplate.block(original, "\n        OrderDay:");
            return original
                    .replace("                Type: SQS\n                Destination: !GetAtt MailingKickFailures.Arn\n",
                            "                Destination: !GetAtt MailingKickFailures.Arn\n")
                    .replace(orderDay, orderDay.replace("\n            DeadLetterConfig:\n              Arn: !GetAtt ReminderFailures.Arn", ""))
                    .replace(SamTemplate.block(original, "\n  MailEventFailuresPolicy:"), "");
        });

        // when checked
        List<String> problems = problems(template);

        // then all three are reported
        assertEquals(3, problems.size(), String.join("\n", problems));
        assertTrue(problems.get(0).startsWith("RemindersFunction OrderDay: DeadLetterConfig.Arn is null"), problems.get(0));
        assertTrue(problems.get(1).startsWith("CampaignSenderFunction Kicks: DestinationConfig.OnFailure.Type is null"), problems.get(1));
        assertTrue(problems.get(2).startsWith("MailEventsFunction BouncesAndComplaints: no policy of MailEventFailures lets"
                + " events.amazonaws.com send from arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:rule/"
                + "${AWS::StackName}-ses-events"), problems.get(2));
    }

    private static List<String> problems(SamTemplate template) {
        List<String> problems = new ArrayList<>();
        Set<String> queues = template.resources("AWS::SQS::Queue").keySet();
        Set<String> used = new LinkedHashSet<>();
        template.resources("AWS::Serverless::Function").forEach((id, function) -> {
            for (String type : List.of("DynamoDB", "Kinesis")) {
                SamTemplate.events(function, type).forEach((name, stream) -> {
                    String where = id + " " + name + ": ";
                    bounded(problems, where, stream, "MaximumRetryAttempts", 1, 10);
                    bounded(problems, where, stream, "MaximumRecordAgeInSeconds", 60, STREAM_RETENTION_SECONDS - 1);
                    if (!Boolean.TRUE.equals(stream.get("BisectBatchOnFunctionError"))) {
                        problems.add(where + "BisectBatchOnFunctionError is " + stream.get("BisectBatchOnFunctionError"));
                    }
                    sqsDestination(problems, where + "DestinationConfig.OnFailure", map(map(stream.get("DestinationConfig")).get("OnFailure")),
                            queues, used);
                });
            }
            boolean asynchronous = false;
            for (String type : ASYNCHRONOUS) {
                for (var event : SamTemplate.events(function, type).entrySet()) {
                    asynchronous = true;
                    String where = id + " " + event.getKey() + ": ";
                    Map<String, Object> properties = event.getValue();
                    Map<String, Object> retry = map(properties.get("RetryPolicy"));
                    bounded(problems, where + "RetryPolicy.", retry, "MaximumRetryAttempts", 0, 185);
                    bounded(problems, where + "RetryPolicy.", retry, "MaximumEventAgeInSeconds", 60, 86_400);
                    String queue = queueArn(map(properties.get("DeadLetterConfig")).get("Arn"), queues);
                    if (queue == null) {
                        problems.add(where + "DeadLetterConfig.Arn is " + map(properties.get("DeadLetterConfig")).get("Arn")
                                + ", not !GetAtt <a queue of the template>.Arn");
                        continue;
                    }
                    used.add(queue);
                    if (properties.get("RoleArn") != null) {
                        problems.add(where + "RoleArn is set: SAM then grants its role no sqs:SendMessage on " + queue);
                    }
                    if (type.equals("EventBridgeRule")) {
                        Object rule = properties.get("RuleName");
                        String arn = "arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:rule/"
                                + (rule instanceof SamTemplate.Intrinsic i && i.function().equals("Sub") ? i.argument() : rule);
                        if (rule == null) {
                            problems.add(where + "has no RuleName: a queue policy cannot name the rule SAM makes");
                        } else if (!eventBridgeMaySend(template, queue, arn)) {
                            problems.add(where + "no policy of " + queue + " lets events.amazonaws.com send from " + arn
                                    + " (SAM adds none for a DeadLetterConfig.Arn)");
                        }
                    }
                }
            }
            if (asynchronous) {
                Map<String, Object> invoke = map(function.get("EventInvokeConfig"));
                bounded(problems, id + ": EventInvokeConfig.", invoke, "MaximumRetryAttempts", 0, 2);
                bounded(problems, id + ": EventInvokeConfig.", invoke, "MaximumEventAgeInSeconds", 60, 21_600);
                sqsDestination(problems, id + ": EventInvokeConfig.DestinationConfig.OnFailure",
                        map(map(invoke.get("DestinationConfig")).get("OnFailure")), queues, used);
            }
        });
        template.resources("AWS::SQS::Queue").forEach((queue, properties) -> {
            if (!Boolean.TRUE.equals(properties.get("SqsManagedSseEnabled")) && properties.get("KmsMasterKeyId") == null) {
                problems.add(queue + " is not encrypted (SqsManagedSseEnabled or KmsMasterKeyId)");
            }
            if (!used.contains(queue)) {
                problems.add(queue + " is the dead-letter destination of nothing");
            }
        });
        return problems;
    }

    /** A destination SAM grants the function's role sqs:SendMessage on: Type SQS, a queue of the template. */
    private static void sqsDestination(List<String> problems, String where, Map<String, Object> onFailure, Set<String> queues,
                                       Set<String> used) {
        if (!"SQS".equals(onFailure.get("Type"))) {
            problems.add(where + ".Type is " + onFailure.get("Type") + ", not SQS: SAM then grants no sqs:SendMessage");
        }
        String queue = queueArn(onFailure.get("Destination"), queues);
        if (queue == null) {
            problems.add(where + ".Destination is " + onFailure.get("Destination") + ", not !GetAtt <a queue of the template>.Arn");
        } else {
            used.add(queue);
        }
    }

    private static String queueArn(Object value, Set<String> queues) {
        return value instanceof SamTemplate.Intrinsic i && i.function().equals("GetAtt")
                && String.valueOf(i.argument()).endsWith(".Arn") && queues.contains(String.valueOf(i.argument()).replace(".Arn", ""))
                ? String.valueOf(i.argument()).replace(".Arn", "") : null;
    }

    private static void bounded(List<String> problems, String where, Map<String, Object> properties, String name, int min, int max) {
        Object value = properties.get(name);
        if (!(value instanceof Number n) || n.intValue() < min || n.intValue() > max) {
            problems.add(where + name + " is " + value + ", not between " + min + " and " + max);
        }
    }

    /** Whether a policy of the queue allows events.amazonaws.com sqs:SendMessage from that rule only. */
    private static boolean eventBridgeMaySend(SamTemplate template, String queue, String ruleArn) {
        return template.resources("AWS::SQS::QueuePolicy").values().stream()
                .filter(p -> list(p.get("Queues")).stream().anyMatch(q -> SamTemplate.ref(q).filter(queue::equals).isPresent()))
                .flatMap(p -> list(map(p.get("PolicyDocument")).get("Statement")).stream().map(SamTemplate::map))
                .anyMatch(s -> "Allow".equals(s.get("Effect"))
                        && "events.amazonaws.com".equals(map(s.get("Principal")).get("Service"))
                        && "sqs:SendMessage".equals(s.get("Action"))
                        && String.valueOf(s.get("Resource")).equals("!GetAtt " + queue + ".Arn")
                        && String.valueOf(map(map(s.get("Condition")).get("ArnEquals")).get("aws:SourceArn"))
                        .equals("!Sub " + ruleArn));
    }
}
