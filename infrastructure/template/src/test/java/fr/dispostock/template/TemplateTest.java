package fr.dispostock.template;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import fr.dispostock.embedded.CloudFormationYaml;
import fr.dispostock.embedded.TableDefinitions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** template.yaml, checked offline: by AWS's own validator, and against the function modules. */
class TemplateTest {
    static final Path TEMPLATE = TableDefinitions.locateTemplate();
    static final Path ROOT = TEMPLATE.getParent();
    static final Map<String, Object> DOC = CloudFormationYaml.load(TEMPLATE);

    /** Diagnostics of @aws/cloudformation-validate above INFO, one "SEVERITY rule: message" each. */
    static List<String> problems(Path template) throws IOException, InterruptedException {
        Process node = new ProcessBuilder("node", "src/test/node/validate.js", template.toString())
                .redirectErrorStream(true).start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, node.waitFor(), out);
        List<String> problems = new ArrayList<>();
        Matcher m = Pattern.compile("\\{\"severity\":\"([A-Z]+)\",\"rule\":\"([^\"]*)\",\"message\":\"((?:[^\"\\\\]|\\\\.)*)\"")
                .matcher(out);
        int diagnostics = 0;
        while (m.find()) {
            diagnostics++;
            if (!m.group(1).equals("INFO")) {
                problems.add(m.group(1) + " " + m.group(2) + ": " + m.group(3));
            }
        }
        assertEquals(out.lines().count(), diagnostics, "unreadable validator output: " + out);
        return problems;
    }

    @Test
    void aws_validator_finds_no_error_or_warning_in_the_template() throws Exception {
        // when AWS's offline validator reads template.yaml, SAM transform included
        List<String> problems = problems(TEMPLATE);

        // then it reports nothing above INFO
        assertEquals(List.of(), problems);
    }

    @Test
    void aws_validator_does_catch_a_broken_template(@TempDir Path dir) throws Exception {
        // given the template with a policy on a table that does not exist and a table without keys
        String broken = Files.readString(TEMPLATE)
                .replaceFirst("TableName: !Ref RegistersTable", "TableName: !GetAtt NoSuchTable.Arn")
                .replaceFirst("      KeySchema:\n        - AttributeName: pk\n          KeyType: HASH\n"
                        + "        - AttributeName: sk\n          KeyType: RANGE\n", "");
        Path file = dir.resolve("template.yaml");
        Files.writeString(file, broken);

        // when it is validated
        String problems = String.join("\n", problems(file));

        // then both are reported
        assertTrue(problems.contains("NoSuchTable"), problems);
        assertTrue(problems.contains("KeySchema"), problems);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> resources(String type) {
        Map<String, Map<String, Object>> found = new java.util.LinkedHashMap<>();
        ((Map<String, Map<String, Object>>) DOC.get("Resources")).forEach((id, r) -> {
            if (type.equals(r.get("Type"))) {
                found.put(id, (Map<String, Object>) r.get("Properties"));
            }
        });
        return found;
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_function_is_built_by_its_module_and_names_a_handler_class_that_exists() throws Exception {
        // given every function of the template
        Map<String, Map<String, Object>> functions = resources("AWS::Serverless::Function");
        assertFalse(functions.isEmpty());
        for (Map.Entry<String, Map<String, Object>> f : functions.entrySet()) {
            // then its CodeUri is the Lambda jar of a function module that builds one
            String codeUri = (String) f.getValue().get("CodeUri");
            Matcher m = Pattern.compile("functions/([a-z-]+)/target/([a-z-]+)-lambda\\.jar").matcher(codeUri);
            assertTrue(m.matches() && m.group(1).equals(m.group(2)), f.getKey() + ": " + codeUri);
            String pom = Files.readString(ROOT.resolve("functions").resolve(m.group(1)).resolve("pom.xml"));
            assertTrue(pom.contains("<artifactId>maven-shade-plugin</artifactId>"), m.group(1) + " builds no Lambda jar");
            // and its handler is a Lambda request handler on the module's classpath
            Class<?> handler = Class.forName((String) f.getValue().get("Handler"));
            assertTrue(RequestHandler.class.isAssignableFrom(handler), handler + " is not a RequestHandler");
            assertTrue(pom.contains("micronaut-function-aws-api-proxy")
                    || !handler.getName().startsWith("io.micronaut.function.aws.proxy"), m.group(1));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void functions_run_java_with_snapstart_on_a_published_alias() {
        // given the shared settings of the functions
        Map<String, Object> globals = (Map<String, Object>) ((Map<String, Object>) DOC.get("Globals")).get("Function");

        // then Java 21 or 25, SnapStart on published versions, an alias to publish them
        assertTrue(Set.of("java21", "java25").contains(globals.get("Runtime")), String.valueOf(globals.get("Runtime")));
        assertEquals("PublishedVersions", ((Map<String, Object>) globals.get("SnapStart")).get("ApplyOn"));
        assertEquals("live", globals.get("AutoPublishAlias"));
        resources("AWS::Serverless::Function").forEach((id, f) ->
                assertFalse(f.containsKey("Runtime") || f.containsKey("SnapStart"), id + " overrides the globals"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_table_has_point_in_time_recovery_encryption_and_deletion_protection() {
        // given every table
        Map<String, Map<String, Object>> tables = resources("AWS::DynamoDB::Table");
        assertTrue(tables.size() >= 3);
        tables.forEach((id, t) -> {
            // then it is protected
            assertEquals(true, ((Map<String, Object>) t.get("PointInTimeRecoverySpecification")).get("PointInTimeRecoveryEnabled"), id);
            assertEquals(true, ((Map<String, Object>) t.get("SSESpecification")).get("SSEEnabled"), id);
            assertEquals(true, t.get("DeletionProtectionEnabled"), id);
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void each_function_may_change_one_table_only_and_reads_the_others_it_is_told_about() {
        // (besides its tables, a function that mails may send through the SES identity, and only that)
        // given every function's policies and environment
        Set<String> tables = resources("AWS::DynamoDB::Table").keySet();
        resources("AWS::Serverless::Function").forEach((id, f) -> {
            List<Map<String, Map<String, String>>> policies = (List<Map<String, Map<String, String>>>) f.get("Policies");
            Set<String> writes = new TreeSet<>();
            Set<String> all = new TreeSet<>();
            for (Map<String, Map<String, String>> policy : policies) {
                policy.forEach((name, args) -> {
                    if (name.equals("SESCrudPolicy")) {
                        assertEquals(Set.of("IdentityName"), args.keySet(), id);
                        return;
                    }
                    assertTrue(Set.of("DynamoDBCrudPolicy", "DynamoDBReadPolicy").contains(name), id + ": " + name);
                    String table = args.get("TableName");
                    assertTrue(tables.contains(table), id + " names an unknown table " + table);
                    all.add(table);
                    if (name.equals("DynamoDBCrudPolicy")) {
                        writes.add(table);
                    }
                });
            }
            // then one table is its own, and its environment names exactly the tables it may use
            assertEquals(1, writes.size(), id + " writes " + writes);
            Map<String, String> env = (Map<String, String>) ((Map<String, Object>) f.get("Environment")).get("Variables");
            Set<String> named = new TreeSet<>();
            env.forEach((k, v) -> {
                if (k.startsWith("DISPOSTOCK_TABLES_")) {
                    named.add(v);
                }
            });
            assertEquals(all, named, id);
        });
    }
}
