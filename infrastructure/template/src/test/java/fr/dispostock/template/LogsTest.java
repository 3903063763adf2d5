package fr.dispostock.template;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static fr.dispostock.template.SamTemplate.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The functions' logs in AWS: JSON (Powertools writes JSON lines, which Lambda keeps as they are and
 * filters by level), each function in a log group of its own that the template creates with a retention
 * (without one, Lambda creates a group kept forever), and the Powertools settings that name the
 * function's service in its logs and metrics.
 */
class LogsTest {
    /** The functions' short names: the {@code service} of their logs and metrics, which the dashboard reads. */
    static final Set<String> SERVICES = Set.of("registers", "declarations", "state-stock", "reminders", "campaigns",
            "mailing-sender", "ses-events", "insights", "insights-run");

    @Test
    void every_function_logs_json_to_a_log_group_of_its_own_kept_log_retention_days() {
        // given template.yaml
        SamTemplate template = SamTemplate.load();

        // when each function's logging is read as SAM deploys it
        List<String> problems = logProblems(template);

        // then none is missing its log group, its retention or its format
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void every_function_names_its_own_service_the_metrics_namespace_and_the_log_level() {
        // given template.yaml
        SamTemplate template = SamTemplate.load();

        // when each function's Powertools environment is read as SAM deploys it
        List<String> problems = powertoolsProblems(template);

        // then each names a service of its own, the namespace Dispostock and the stack's log level
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void a_function_without_its_log_group_and_a_log_group_without_retention_are_reported(@TempDir Path dir) {
        // given the sender without its own log group, and the registers' log group kept forever
        SamTemplate template = SamTemplate.changed(dir, original -> original
                .replace("      LoggingConfig:\n        LogGroup: !Ref CampaignSenderLogGroup\n", "")
                .replace("/registers\"\n      RetentionInDays: !Ref LogRetentionDays\n", "/registers\"\n"));

        // when checked
        List<String> problems = logProblems(template);

        // then both are reported, and the sender's group left unused
        assertEquals(3, problems.size(), String.join("\n", problems));
        assertTrue(problems.get(0).startsWith("RegistersFunction: its log group RegistersLogGroup has RetentionInDays null"),
                problems.get(0));
        assertTrue(problems.get(1).startsWith("CampaignSenderFunction: LoggingConfig.LogGroup is null"), problems.get(1));
        assertTrue(problems.get(2).startsWith("CampaignSenderLogGroup is the log group of no function"), problems.get(2));
    }

    private static List<String> logProblems(SamTemplate template) {
        List<String> problems = new ArrayList<>();
        // long enough to investigate what is reported weeks later, no longer than the CNIL's recommendation
        // for activity logs (6 months to a year)
        Object retentionDefault = map(template.parameter("LogRetentionDays")).get("Default");
        if (!(retentionDefault instanceof Number days && days.intValue() >= 180 && days.intValue() <= 365)) {
            problems.add("LogRetentionDays defaults to " + retentionDefault + ", not between 180 and 365 days");
        }
        Map<String, Map<String, Object>> groups = template.resources("AWS::Logs::LogGroup");
        Map<String, String> owner = new HashMap<>();
        template.resources("AWS::Serverless::Function").forEach((id, function) -> {
            Map<String, Object> logging = map(template.functionProperty(function, "LoggingConfig"));
            if (!"JSON".equals(logging.get("LogFormat"))) {
                problems.add(id + ": LoggingConfig.LogFormat is " + logging.get("LogFormat") + ", not JSON");
            }
            if (!"LogLevel".equals(SamTemplate.ref(logging.get("ApplicationLogLevel")).orElse(null))) {
                problems.add(id + ": LoggingConfig.ApplicationLogLevel is " + logging.get("ApplicationLogLevel")
                        + ", not !Ref LogLevel");
            }
            String group = SamTemplate.ref(logging.get("LogGroup")).orElse(null);
            if (group == null || !groups.containsKey(group)) {
                problems.add(id + ": LoggingConfig.LogGroup is " + logging.get("LogGroup")
                        + ", not !Ref of an AWS::Logs::LogGroup of the template (Lambda would make one kept forever)");
                return;
            }
            String other = owner.put(group, id);
            if (other != null) {
                problems.add(id + ": its log group " + group + " is also " + other + "'s");
            }
            Object retention = groups.get(group).get("RetentionInDays");
            if (!"LogRetentionDays".equals(SamTemplate.ref(retention).orElse(null))) {
                problems.add(id + ": its log group " + group + " has RetentionInDays " + retention
                        + ", not !Ref LogRetentionDays");
            }
        });
        groups.keySet().stream().filter(g -> !owner.containsKey(g))
                .forEach(g -> problems.add(g + " is the log group of no function"));
        return problems;
    }

    private static List<String> powertoolsProblems(SamTemplate template) {
        List<String> problems = new ArrayList<>();
        Map<String, String> services = new HashMap<>();
        template.resources("AWS::Serverless::Function").forEach((id, function) -> {
            Map<String, Object> variables = map(map(template.functionProperty(function, "Environment")).get("Variables"));
            Object service = variables.get("POWERTOOLS_SERVICE_NAME");
            if (!SERVICES.contains(service)) {
                problems.add(id + ": POWERTOOLS_SERVICE_NAME is " + service + ", not one of " + SERVICES);
            } else if (services.put((String) service, id) != null) {
                problems.add(id + ": POWERTOOLS_SERVICE_NAME " + service + " is also " + services.get(service) + "'s");
            }
            if (!"Dispostock".equals(variables.get("POWERTOOLS_METRICS_NAMESPACE"))) {
                problems.add(id + ": POWERTOOLS_METRICS_NAMESPACE is " + variables.get("POWERTOOLS_METRICS_NAMESPACE"));
            }
            if (!"LogLevel".equals(SamTemplate.ref(variables.get("POWERTOOLS_LOG_LEVEL")).orElse(null))) {
                problems.add(id + ": POWERTOOLS_LOG_LEVEL is " + variables.get("POWERTOOLS_LOG_LEVEL") + ", not !Ref LogLevel");
            }
            // an operator looking for a service's logs finds them by its name
            SamTemplate.ref(map(template.functionProperty(function, "LoggingConfig")).get("LogGroup"))
                    .map(group -> template.resource(group))
                    .map(group -> map(group.get("Properties")).get("LogGroupName"))
                    .map(name -> String.valueOf(name instanceof SamTemplate.Intrinsic i ? i.argument() : name))
                    .filter(name -> !name.endsWith("/" + service))
                    .ifPresent(name -> problems.add(id + ": its log group's name " + name + " does not end with /" + service));
        });
        return problems;
    }
}
