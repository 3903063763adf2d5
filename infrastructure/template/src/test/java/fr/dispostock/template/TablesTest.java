package fr.dispostock.template;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The DynamoDB tables of template.yaml, and how the functions are allowed to use them. */
class TablesTest {
    /** A table's ARN as the policies resolve it (IamPolicies), or one of its indexes. */
    private static final Pattern TABLE_ARN = Pattern.compile(
            "arn:aws:dynamodb:eu-west-3:123456789012:table/([A-Za-z0-9_.-]+)(/index/[A-Za-z0-9_.*-]+)?");
    private static final Set<String> WRITES = Set.of("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
            "dynamodb:BatchWriteItem");
    private final SamTemplate template = SamTemplate.load();

    @Test
    void every_table_has_point_in_time_recovery_encryption_and_deletion_protection() {
        // given every table of the template
        Map<String, Map<String, Object>> tables = template.resources("AWS::DynamoDB::Table");
        assertEquals(SamTemplate.TABLES, tables.keySet());
        List<String> problems = new ArrayList<>();
        tables.forEach((id, table) -> {
            // when its protections are read
            Object pitr = setting(table, "PointInTimeRecoverySpecification", "PointInTimeRecoveryEnabled");
            Object sse = setting(table, "SSESpecification", "SSEEnabled");
            Object deletionProtection = table.get("DeletionProtectionEnabled");

            // then all three are on
            if (!Boolean.TRUE.equals(pitr)) {
                problems.add(id + ": PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled is " + pitr);
            }
            if (!Boolean.TRUE.equals(sse)) {
                problems.add(id + ": SSESpecification.SSEEnabled is " + sse);
            }
            if (!Boolean.TRUE.equals(deletionProtection)) {
                problems.add(id + ": DeletionProtectionEnabled is " + deletionProtection);
            }
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void function_policies_reach_dynamodb_only_on_tables_of_the_template_and_their_indexes() {
        // given every function's policies, expanded as SAM does
        IamPolicies policies = new IamPolicies(template);
        List<String> problems = new ArrayList<>();
        template.resources("AWS::Serverless::Function").forEach((id, function) -> {
            for (IamPolicies.Statement statement : policies.of(id, function)) {
                // when a statement grants a DynamoDB action
                if (statement.actions().stream().noneMatch(a -> a.toLowerCase().startsWith("dynamodb:"))) {
                    continue;
                }
                // then each of its resources is a table of the template, or that table's indexes
                for (String resource : statement.resources()) {
                    Matcher m = TABLE_ARN.matcher(resource);
                    if (!m.matches() || !SamTemplate.TABLES.contains(m.group(1))) {
                        problems.add(id + ": " + statement.origin() + " grants DynamoDB on " + resource
                                + ", which is not a table of the template " + SamTemplate.TABLES + " or its indexes");
                    }
                }
            }
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void each_function_writes_one_table_at_most_and_its_environment_names_every_table_it_may_use() {
        // given every function's policies, expanded as SAM does, and its environment
        IamPolicies policies = new IamPolicies(template);
        List<String> problems = new ArrayList<>();
        template.resources("AWS::Serverless::Function").forEach((id, function) -> {
            // when the tables its policies grant are collected
            Set<String> writes = new TreeSet<>();
            Set<String> granted = new TreeSet<>();
            for (IamPolicies.Statement statement : policies.of(id, function)) {
                boolean writing = statement.allow() && statement.actions().stream().anyMatch(WRITES::contains);
                for (String resource : statement.resources()) {
                    Matcher m = TABLE_ARN.matcher(resource);
                    if (statement.allow() && m.matches()) {
                        granted.add(m.group(1));
                        if (writing) {
                            writes.add(m.group(1));
                        }
                    }
                }
            }
            Set<String> named = template.namedTables(function);

            // then it writes one table at most (the insights' routes write none), and is told the name of
            // exactly the tables it may use
            if (writes.size() > 1) {
                problems.add(id + " writes " + writes);
            }
            if (!granted.equals(named)) {
                problems.add(id + ": its policies grant " + granted + " but DISPOSTOCK_TABLES_* name " + named);
            }
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @SuppressWarnings("unchecked")
    private static Object setting(Map<String, Object> table, String specification, String flag) {
        Object spec = table.get(specification);
        return spec instanceof Map<?, ?> m ? ((Map<String, Object>) m).get(flag) : null;
    }
}
