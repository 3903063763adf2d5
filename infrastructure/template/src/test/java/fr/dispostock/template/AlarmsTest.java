package fr.dispostock.template;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static fr.dispostock.template.SamTemplate.list;
import static fr.dispostock.template.SamTemplate.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The alarms of template.yaml, each notifying the topic given as AlarmTopicArn: errors of each function,
 * throttles, the HTTP API's 5xx rate, SES's bounce and complaint rates before SES reviews the account,
 * and dead letters waiting in any queue.
 */
class AlarmsTest {
    /**
     * SES places an account under review from these rates (and may pause its sending from 10 % and 0.5 %):
     * "Amazon SES Sending review process FAQs" and the reputation dashboard messages of the SES Developer
     * Guide. CloudWatch's Reputation.BounceRate and Reputation.ComplaintRate are fractions (0.05 = 5 %).
     */
    private static final double SES_REVIEW_BOUNCE_RATE = 0.05;
    private static final double SES_REVIEW_COMPLAINT_RATE = 0.001;

    /** A metric an alarm reads: its namespace, name, and dimensions as written (e.g. {@code !Ref RegistersFunction}). */
    record Metric(String namespace, String name, Map<String, String> dimensions) {
    }

    @Test
    void every_alarm_notifies_the_alarm_topic_and_each_failure_has_its_alarm() {
        // given template.yaml
        SamTemplate template = SamTemplate.load();

        // when its alarms are read
        List<String> problems = problems(template);

        // then each notifies the topic, and no failure goes unwatched
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void an_alarm_without_the_topic_a_function_without_errors_alarm_and_a_late_ses_alarm_are_reported(@TempDir Path dir) {
        // given the dead-letters alarm notifying no one, the ses-events function's errors alarm gone, and the
        // bounce alarm at SES's own review rate
        SamTemplate template = SamTemplate.changed(dir, original -> {
            String deadLetters = SamTemplate.block(original, "\n  DeadLettersAlarm:");
            String errors = SamTemplate.block(original, "\n  MailEventsErrorsAlarm:");
            return original
                    .replace(deadLetters, deadLetters.replace("      AlarmActions: [!Ref AlarmTopicArn]\n", ""))
                    .replace(errors, errors.replace("Value: !Ref MailEventsFunction", "Value: !Ref RegistersFunction"))
                    .replace("Threshold: 0.025\n", "Threshold: 0.05\n");
        });

        // when checked
        List<String> problems = problems(template);

        // then the three are reported
        assertEquals(3, problems.size(), String.join("\n", problems));
        assertTrue(problems.get(0).startsWith("SesBounceRateAlarm: fires at 0.05"), problems.get(0));
        assertTrue(problems.get(1).startsWith("DeadLettersAlarm: AlarmActions is null"), problems.get(1));
        assertTrue(problems.get(2).startsWith("MailEventsFunction has no alarm on AWS/Lambda Errors"), problems.get(2));
    }

    private static List<String> problems(SamTemplate template) {
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, Object>> alarms = template.resources("AWS::CloudWatch::Alarm");
        alarms.forEach((id, alarm) -> {
            for (String actions : List.of("AlarmActions", "OKActions")) {
                List<String> topics = list(alarm.get(actions)).stream().map(a -> SamTemplate.ref(a).orElse(String.valueOf(a))).toList();
                if (!topics.equals(List.of("AlarmTopicArn"))) {
                    problems.add(id + ": " + actions + " is " + alarm.get(actions) + ", not [!Ref AlarmTopicArn]");
                }
            }
            if (alarm.get("Metrics") == null && alarm.get("MetricName") == null) {
                problems.add(id + ": reads no metric");
            }
            Double review = sesReviewRate(alarm);
            if (review != null && !(alarm.get("Threshold") instanceof Number t
                    && t.doubleValue() > 0 && t.doubleValue() < review && "GreaterThanOrEqualToThreshold".equals(alarm.get("ComparisonOperator")))) {
                problems.add(id + ": fires at " + alarm.get("Threshold") + " " + alarm.get("ComparisonOperator")
                        + ", not before SES reviews the account (" + review + ")");
            }
        });
        List<Metric> watched = alarms.values().stream().flatMap(a -> metrics(a).stream()).toList();
        template.resources("AWS::Serverless::Function").keySet().forEach(function -> {
            for (String name : List.of("Errors", "Throttles")) {
                if (!watched.contains(new Metric("AWS/Lambda", name, Map.of("FunctionName", "!Ref " + function)))) {
                    problems.add(function + " has no alarm on AWS/Lambda " + name);
                }
            }
        });
        for (String name : List.of("5xx", "Count")) {
            if (!watched.contains(new Metric("AWS/ApiGateway", name, Map.of("ApiId", "!Ref HttpApi")))) {
                problems.add("the HTTP API's 5xx rate has no alarm reading AWS/ApiGateway " + name);
            }
        }
        for (String name : List.of("Reputation.BounceRate", "Reputation.ComplaintRate")) {
            if (!watched.contains(new Metric("AWS/SES", name, Map.of()))) {
                problems.add("no alarm on AWS/SES " + name);
            }
        }
        template.resources("AWS::SQS::Queue").keySet().forEach(queue -> {
            if (!watched.contains(new Metric("AWS/SQS", "ApproximateNumberOfMessagesVisible",
                    Map.of("QueueName", "!GetAtt " + queue + ".QueueName")))) {
                problems.add("the dead letters of " + queue + " have no alarm");
            }
        });
        return problems;
    }

    private static Double sesReviewRate(Map<String, Object> alarm) {
        return switch (String.valueOf(alarm.get("MetricName"))) {
            case "Reputation.BounceRate" -> SES_REVIEW_BOUNCE_RATE;
            case "Reputation.ComplaintRate" -> SES_REVIEW_COMPLAINT_RATE;
            default -> null;
        };
    }

    /** The metrics an alarm reads: its own, or those of its metric math. */
    static List<Metric> metrics(Map<String, Object> alarm) {
        if (alarm.get("MetricName") != null) {
            return List.of(metric(alarm.get("Namespace"), alarm.get("MetricName"), alarm.get("Dimensions")));
        }
        return list(alarm.get("Metrics")).stream().map(m -> map(map(map(m).get("MetricStat")).get("Metric")))
                .filter(m -> !m.isEmpty())
                .map(m -> metric(m.get("Namespace"), m.get("MetricName"), m.get("Dimensions"))).toList();
    }

    private static Metric metric(Object namespace, Object name, Object dimensions) {
        Map<String, String> byName = new java.util.TreeMap<>();
        list(dimensions).forEach(d -> byName.put(String.valueOf(map(d).get("Name")), String.valueOf(map(d).get("Value"))));
        return new Metric(String.valueOf(namespace), String.valueOf(name), byName);
    }
}
