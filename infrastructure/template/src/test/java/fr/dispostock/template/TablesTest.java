package fr.dispostock.template;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The DynamoDB tables of template.yaml, and how the functions are allowed to use them. */
class TablesTest {
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
    void function_policies_name_tables_only_by_ref_to_a_table_of_the_template() {
        // given every function of the template
        List<String> problems = new ArrayList<>();
        template.resources("AWS::Serverless::Function").forEach((id, function) -> {
            // when each of its policies is read
            for (Object policy : policies(function)) {
                // then a DynamoDB policy template gives its TableName as !Ref of a table of the template
                if (policy instanceof Map<?, ?> m && m.size() == 1 && !m.containsKey("Statement")) {
                    Map.Entry<?, ?> entry = m.entrySet().iterator().next();
                    Object name = entry.getKey();
                    Object arguments = entry.getValue();
                    Object table = arguments instanceof Map<?, ?> a ? a.get("TableName") : null;
                    if (table == null && String.valueOf(name).startsWith("DynamoDB")) {
                        problems.add(id + ": " + name + " names no TableName");
                    }
                    if (table != null) {
                        Optional<String> ref = SamTemplate.ref(table);
                        if (ref.isEmpty()) {
                            problems.add(id + ": " + name + " names the table " + table + ", not by !Ref");
                        } else if (!SamTemplate.TABLES.contains(ref.get())) {
                            problems.add(id + ": " + name + " names " + ref.get()
                                    + ", which is not a table of the template " + SamTemplate.TABLES);
                        }
                    }
                } else if (String.valueOf(policy).toLowerCase().contains("dynamodb")) {
                    // and no managed policy or inline statement reaches DynamoDB around that
                    problems.add(id + ": " + policy + " reaches DynamoDB other than by a policy template with TableName: !Ref");
                }
            }
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    @SuppressWarnings("unchecked")
    void each_function_writes_one_table_and_its_environment_names_every_table_it_may_use() {
        // given every function's policies and environment
        List<String> problems = new ArrayList<>();
        template.resources("AWS::Serverless::Function").forEach((id, function) -> {
            // when the tables its policies grant are collected
            Set<String> writes = new TreeSet<>();
            Set<String> granted = new TreeSet<>();
            for (Object policy : policies(function)) {
                if (policy instanceof Map<?, ?> m) {
                    m.forEach((name, arguments) -> {
                        Optional<String> table = arguments instanceof Map<?, ?> a ? SamTemplate.ref(a.get("TableName")) : Optional.empty();
                        table.ifPresent(granted::add);
                        if ("DynamoDBCrudPolicy".equals(name) || "DynamoDBWritePolicy".equals(name)) {
                            table.ifPresent(writes::add);
                        }
                    });
                }
            }
            Object environment = template.functionProperty(function, "Environment");
            Object variables = environment instanceof Map<?, ?> e ? e.get("Variables") : null;
            Set<String> named = new TreeSet<>();
            (variables instanceof Map<?, ?> v ? (Map<String, Object>) v : Map.<String, Object>of()).forEach((name, value) -> {
                if (name.startsWith("DISPOSTOCK_TABLES_")) {
                    named.add(SamTemplate.ref(value).orElse("(not a !Ref: " + value + ")"));
                }
            });

            // then it writes exactly one table, and is told the name of exactly the tables it may use
            if (writes.size() != 1) {
                problems.add(id + " writes " + writes);
            }
            if (!granted.equals(named)) {
                problems.add(id + ": its policies grant " + granted + " but DISPOSTOCK_TABLES_* name " + named);
            }
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** A function's Policies: one policy or a list of them. */
    private static List<?> policies(Map<String, Object> function) {
        Object policies = function.get("Policies");
        return policies == null ? List.of() : policies instanceof List<?> list ? list : List.of(policies);
    }

    @SuppressWarnings("unchecked")
    private static Object setting(Map<String, Object> table, String specification, String flag) {
        Object spec = table.get(specification);
        return spec instanceof Map<?, ?> m ? ((Map<String, Object>) m).get(flag) : null;
    }
}
