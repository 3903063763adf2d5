package fr.dispostock.template;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.dispostock.embedded.SecretsManagerEmulator;
import fr.dispostock.template.SamTemplate.Intrinsic;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The IAM statements a function of template.yaml gets from its {@code Policies}, expanded as the SAM
 * transform does: SAM policy templates from SAM's own definitions (iam/sam-policy-templates.json), inline
 * statements as written, intrinsics ({@code Ref}, {@code Fn::GetAtt}, {@code Fn::Sub}, {@code Fn::Join})
 * resolved with a placeholder partition, region and account. A table is named by its logical id, as the
 * tests name theirs (embedded's TableDefinitions), a secret's ARN is built as the tests build it (embedded's
 * SecretsManagerEmulator), so that ARNs of the policies and of the recorded calls meet.
 */
final class IamPolicies {
    static final String PARTITION = "aws";
    static final String REGION = "eu-west-3";
    static final String ACCOUNT = "123456789012";
    /** What the function tests run with, for the template's parameters they stand for. */
    static final Map<String, String> PARAMETERS = Map.of(
            "MailIdentity", "dispostock.invalid",
            "MailFrom", "no-reply@dispostock.invalid");
    private static final Map<String, String> PSEUDO = Map.of(
            "AWS::Partition", PARTITION, "AWS::Region", REGION, "AWS::AccountId", ACCOUNT,
            "AWS::URLSuffix", "amazonaws.com", "AWS::StackName", "dispostock");
    private static final Pattern SUB = Pattern.compile("\\$\\{([^}!][^}]*)}");
    private static final Map<String, Object> SAM_TEMPLATES = samTemplates();

    /** One statement: an unsupported element (NotAction, Condition…) is reported by the check. */
    record Statement(String origin, boolean allow, List<String> actions, List<String> resources, List<String> unsupported) {
        boolean allows(String action, String resource) {
            return actions.stream().anyMatch(a -> IamPolicies.matches(a.toLowerCase(), action.toLowerCase()))
                    && resources.stream().anyMatch(r -> IamPolicies.matches(r, resource));
        }
    }

    private final SamTemplate template;

    IamPolicies(SamTemplate template) {
        this.template = template;
    }

    /** The statements of a function's Policies, in order. */
    List<Statement> of(String functionId, Map<String, Object> function) {
        Object policies = function.get("Policies");
        List<?> list = policies == null ? List.of() : policies instanceof List<?> l ? l : List.of(policies);
        List<Statement> statements = new ArrayList<>();
        for (Object policy : list) {
            if (policy instanceof Map<?, ?> m && m.containsKey("Statement")) {
                statements.addAll(statements(functionId + " inline statement", m.get("Statement"), Map.of()));
            } else if (policy instanceof Map<?, ?> m && m.size() == 1) {
                String name = String.valueOf(m.keySet().iterator().next());
                Map<?, ?> definition = (Map<?, ?>) SAM_TEMPLATES.get(name);
                if (definition == null) {
                    statements.add(new Statement(functionId + " " + name, true, List.of(), List.of(), List.of(
                            "the SAM policy template " + name + " is not in iam/sam-policy-templates.json: copy its"
                                    + " definition there from SAM's policy_templates.json")));
                    continue;
                }
                Map<String, Object> arguments = new LinkedHashMap<>();
                if (m.get(name) instanceof Map<?, ?> args) {
                    args.forEach((k, v) -> arguments.put(String.valueOf(k), resolve(v, Map.of())));
                }
                statements.addAll(statements(functionId + " " + name, ((Map<?, ?>) definition.get("Definition"))
                        .get("Statement"), arguments));
            } else {
                statements.add(new Statement(functionId + " " + policy, true, List.of(), List.of(), List.of(
                        "the policy " + policy + " (a managed policy?) cannot be expanded by this check")));
            }
        }
        return statements;
    }

    private List<Statement> statements(String origin, Object statement, Map<String, Object> arguments) {
        List<?> list = statement instanceof List<?> l ? l : List.of(statement);
        List<Statement> out = new ArrayList<>();
        for (Object s : list) {
            Map<?, ?> st = (Map<?, ?>) s;
            List<String> unsupported = st.keySet().stream().map(String::valueOf)
                    .filter(k -> !List.of("Effect", "Action", "Resource", "Sid").contains(k))
                    .map(k -> k + " is not read by this check").toList();
            out.add(new Statement(origin, "Allow".equals(st.get("Effect")), strings(resolve(st.get("Action"), arguments)),
                    strings(resolve(st.get("Resource"), arguments)), unsupported));
        }
        return out;
    }

    private static List<String> strings(Object value) {
        return value == null ? List.of() : value instanceof List<?> l ? l.stream().map(String::valueOf).toList()
                : List.of(String.valueOf(value));
    }

    /** A value with its intrinsics resolved; {@code arguments} are a SAM policy template's parameters. */
    Object resolve(Object value, Map<String, Object> arguments) {
        if (value instanceof Intrinsic i) {
            return intrinsic(i.function(), i.argument(), arguments);
        }
        if (value instanceof Map<?, ?> m && m.size() == 1) {
            String key = String.valueOf(m.keySet().iterator().next());
            if (key.equals("Ref") || key.startsWith("Fn::")) {
                return intrinsic(key.replace("Fn::", ""), m.get(key), arguments);
            }
        }
        if (value instanceof List<?> l) {
            return l.stream().map(v -> resolve(v, arguments)).toList();
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), resolve(v, arguments)));
            return out;
        }
        return value;
    }

    private Object intrinsic(String function, Object argument, Map<String, Object> arguments) {
        return switch (function) {
            case "Ref" -> ref(String.valueOf(argument), arguments);
            case "GetAtt" -> {
                List<String> parts = argument instanceof List<?> l ? l.stream().map(String::valueOf).toList()
                        : List.of(String.valueOf(argument).split("\\.", 2));
                yield getAtt(parts.get(0), parts.get(1));
            }
            case "Sub" -> {
                String text = String.valueOf(argument instanceof List<?> l ? l.get(0) : argument);
                Map<String, Object> variables = new LinkedHashMap<>(arguments);
                if (argument instanceof List<?> l && l.size() > 1 && l.get(1) instanceof Map<?, ?> vars) {
                    vars.forEach((k, v) -> variables.put(String.valueOf(k), resolve(v, arguments)));
                }
                yield sub(text, variables);
            }
            case "Join" -> {
                List<?> l = (List<?>) argument;
                yield String.join(String.valueOf(l.get(0)), strings(resolve(l.get(1), arguments)));
            }
            default -> throw new IllegalArgumentException("Fn::" + function + " is not resolved by this check");
        };
    }

    private String sub(String text, Map<String, Object> variables) {
        Matcher m = SUB.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            Object value = variables.containsKey(name) ? variables.get(name)
                    : name.contains(".") && !name.startsWith("AWS::") ? getAtt(name.substring(0, name.indexOf('.')),
                    name.substring(name.indexOf('.') + 1)) : ref(name, Map.of());
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(value)));
        }
        m.appendTail(out);
        return out.toString().replace("${!", "${");
    }

    private Object ref(String name, Map<String, Object> arguments) {
        if (arguments.containsKey(name)) {
            return arguments.get(name);
        }
        if (PSEUDO.containsKey(name)) {
            return PSEUDO.get(name);
        }
        if (template.hasParameter(name)) {
            return PARAMETERS.getOrDefault(name, "<" + name + ">");
        }
        Map<String, Object> resource = template.resource(name);
        if (resource == null) {
            throw new IllegalArgumentException("Ref " + name + ": no such parameter or resource");
        }
        // a configuration set's Ref is its name; a secret's, its ARN as the tests name it; a table's, the name
        // the tests give it (its logical id)
        if ("AWS::SES::ConfigurationSet".equals(resource.get("Type"))
                && resource.get("Properties") instanceof Map<?, ?> p && p.get("Name") instanceof String n) {
            return n;
        }
        if ("AWS::SecretsManager::Secret".equals(resource.get("Type"))) {
            return SecretsManagerEmulator.arn(name);
        }
        return name;
    }

    private String getAtt(String id, String attribute) {
        Map<String, Object> resource = template.resource(id);
        if (resource != null && "AWS::DynamoDB::Table".equals(resource.get("Type"))) {
            String table = "arn:" + PARTITION + ":dynamodb:" + REGION + ":" + ACCOUNT + ":table/" + id;
            switch (attribute) {
                case "Arn":
                    return table;
                case "StreamArn":
                    return table + "/stream/2026-01-01T00:00:00.000";
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("!GetAtt " + id + "." + attribute + " is not resolved by this check");
    }

    /** IAM's wildcards: {@code *} any run of characters, {@code ?} one; the rest literally. */
    static boolean matches(String pattern, String value) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return value.matches(regex.toString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> samTemplates() {
        try (InputStream in = IamPolicies.class.getResourceAsStream("/iam/sam-policy-templates.json")) {
            return (Map<String, Object>) new ObjectMapper().readValue(in, Map.class).get("Templates");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
