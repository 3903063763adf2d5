package fr.dispostock.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stack's one CloudWatch dashboard: its body is JSON in a {@code !Sub}, which CloudFormation only
 * checks when it deploys; here it is read as JSON, its references to the template's resources resolved
 * to their logical ids, and it must show the API, every function, the business, SES and the dead letters.
 */
class DashboardTest {
    /** The business metrics the functions emit (EMF, namespace Dispostock, dimension service). */
    static final List<String> BUSINESS_METRICS = List.of("DeclarationsReceived", "DeclarationsLate",
            "DeclarationsRejected", "LotsDeclared", "OrdersPlaced", "OrdersApproved", "OrdersRejected", "OrdersShipped",
            "OrdersCancelled", "MailsSent", "MailsFailed", "MailsBounced", "MailsComplained", "MailsSuppressed");
    private static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{([^}!][^}]*)}");
    private static final Pattern SEARCHED = Pattern.compile("SEARCH\\('Namespace=\"Dispostock\" MetricName=\"([A-Za-z]+)\"'");

    @Test
    void the_dashboard_shows_the_api_every_function_the_business_ses_and_the_dead_letters() throws Exception {
        // given template.yaml
        SamTemplate template = SamTemplate.load();

        // when its dashboard's body is read
        List<String> problems = problems(template);

        // then nothing is left out
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void a_function_missing_from_a_widget_and_a_reference_to_nothing_are_reported(@TempDir Path dir) throws Exception {
        // given the dashboard's errors widget without the ses-events function, and its dead letters of a queue that does not exist
        SamTemplate template = SamTemplate.changed(dir, original -> original
                .replace("\"Errors\", \"FunctionName\", \"${MailEventsFunction}\"", "\"Errors\", \"FunctionName\", \"${RegistersFunction}\"")
                .replace("\"${MailEventFailures.QueueName}\"", "\"${MailEventFailure.QueueName}\""));

        // when checked
        List<String> problems = problems(template);

        // then both are reported, and the queue's depth missing
        assertEquals(3, problems.size(), String.join("\n", problems));
        assertEquals("the dashboard names ${MailEventFailure.QueueName}: no such resource", problems.get(0));
        assertEquals("the dashboard does not show AWS/Lambda Errors FunctionName=MailEventsFunction", problems.get(1));
        assertEquals("the dashboard does not show AWS/SQS ApproximateNumberOfMessagesVisible QueueName=MailEventFailures.QueueName",
                problems.get(2));
    }

    private static List<String> problems(SamTemplate template) throws Exception {
        Map<String, Map<String, Object>> dashboards = template.resources("AWS::CloudWatch::Dashboard");
        assertEquals(1, dashboards.size(), dashboards.keySet().toString());
        Object body = dashboards.values().iterator().next().get("DashboardBody");
        String text = String.valueOf(body instanceof SamTemplate.Intrinsic i && i.function().equals("Sub") ? i.argument() : body);

        List<String> problems = new ArrayList<>();
        Matcher m = SUBSTITUTION.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            if (!name.startsWith("AWS::") && template.resource(name.split("\\.")[0]) == null) {
                problems.add("the dashboard names ${" + name + "}: no such resource");
            }
        }
        JsonNode widgets = new ObjectMapper().readTree(SUBSTITUTION.matcher(text).replaceAll("$1")).path("widgets");
        // each line of a widget, [namespace, name, dimension, value…, {options}], as "namespace name dimension=value…"
        List<String> lines = new ArrayList<>();
        List<String> expressions = new ArrayList<>();
        widgets.forEach(w -> w.path("properties").path("metrics").forEach(row -> {
            if (row.path(0).isTextual()) {
                StringBuilder line = new StringBuilder(row.get(0).asText() + " " + row.get(1).asText());
                for (int d = 2; d + 1 < row.size() && row.get(d + 1).isTextual(); d += 2) {
                    line.append(' ').append(row.get(d).asText()).append('=').append(row.get(d + 1).asText());
                }
                lines.add(line.toString());
            } else {
                expressions.add(row.path(0).path("expression").asText());
            }
        }));

        List<String> wanted = new ArrayList<>();
        for (String function : template.resources("AWS::Serverless::Function").keySet()) {
            for (String name : List.of("Errors", "Duration", "Throttles")) {
                wanted.add("AWS/Lambda " + name + " FunctionName=" + function);
            }
        }
        for (String name : List.of("Count", "5xx", "Latency")) {
            wanted.add("AWS/ApiGateway " + name + " ApiId=HttpApi");
        }
        wanted.add("AWS/SES Reputation.BounceRate");
        wanted.add("AWS/SES Reputation.ComplaintRate");
        for (String queue : template.resources("AWS::SQS::Queue").keySet()) {
            wanted.add("AWS/SQS ApproximateNumberOfMessagesVisible QueueName=" + queue + ".QueueName");
        }
        wanted.stream().filter(w -> !lines.contains(w))
                .forEach(w -> problems.add("the dashboard does not show " + w));

        Set<String> searched = new java.util.HashSet<>();
        expressions.forEach(e -> {
            Matcher s = SEARCHED.matcher(e);
            while (s.find()) {
                searched.add(s.group(1));
            }
        });
        BUSINESS_METRICS.stream().filter(b -> !searched.contains(b))
                .forEach(b -> problems.add("the dashboard does not show the business metric " + b));
        return problems;
    }
}
