package fr.dispostock.template;

import fr.dispostock.template.AwsCalls.Call;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table iam/operations.yaml: for each SDK operation, the IAM actions it needs and on which resource
 * ARNs (AWS's Service Authorization Reference, cited there).
 */
final class IamOperations {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z]+)}");

    /** One authorization IAM makes for a call: this action on this resource. */
    record Need(String action, String resource) {
        @Override
        public String toString() {
            return action + " on " + resource;
        }
    }

    private final Map<String, String> arns;
    private final Map<String, Map<String, Map<String, Object>>> services;

    @SuppressWarnings("unchecked")
    IamOperations() {
        try (InputStream in = IamOperations.class.getResourceAsStream("/iam/operations.yaml")) {
            Map<String, Object> table = new Yaml().load(in);
            this.arns = (Map<String, String>) table.get("arns");
            this.services = (Map<String, Map<String, Map<String, Object>>>) table.get("services");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What IAM checks for that call; an operation missing from the table is an error saying so. */
    @SuppressWarnings("unchecked")
    List<Need> needs(Call call) {
        Map<String, Object> operation = services.getOrDefault(call.service(), Map.of()).get(call.operation());
        if (operation == null) {
            throw new IllegalStateException(call.service() + " " + call.operation() + " is not in iam/operations.yaml:"
                    + " add its IAM action and resources from AWS's Service Authorization Reference");
        }
        List<String> shapes = (List<String>) operation.get("resources");
        List<Need> needs = new ArrayList<>();
        if (operation.get("items") instanceof Map<?, ?> byKind) {
            for (Map<String, String> item : call.items()) {
                Object action = byKind.get(item.get("action"));
                if (action == null) {
                    throw new IllegalStateException(call + ": item kind " + item.get("action")
                            + " is not in iam/operations.yaml");
                }
                needs.addAll(needs(String.valueOf(action), shapes, variables(call, item)));
            }
        } else if ("item".equals(operation.get("each"))) {
            for (Map<String, String> item : call.items()) {
                needs.addAll(needs((String) operation.get("action"), shapes, variables(call, item)));
            }
        } else {
            needs.addAll(needs((String) operation.get("action"), shapes, variables(call, Map.of())));
        }
        return needs.stream().distinct().toList();
    }

    private List<Need> needs(String action, List<String> shapes, Map<String, String> variables) {
        List<Need> needs = new ArrayList<>();
        for (String shape : shapes) {
            boolean optional = shape.endsWith("?");
            String name = optional ? shape.substring(0, shape.length() - 1) : shape;
            String arn = null;
            for (String alternative : arns.get(name).split(" \\| ")) {
                arn = substitute(alternative, variables);
                if (arn != null) {
                    break;
                }
            }
            if (arn != null) {
                needs.add(new Need(action, arn));
            } else if (!optional) {
                throw new IllegalStateException(action + ": the call names no " + name + " " + arns.get(name)
                        + " (recorded " + variables + ")");
            }
        }
        return needs;
    }

    private static Map<String, String> variables(Call call, Map<String, String> item) {
        Map<String, String> variables = new HashMap<>(call.resources());
        variables.putAll(item);
        variables.put("Partition", IamPolicies.PARTITION);
        variables.put("Region", IamPolicies.REGION);
        variables.put("Account", IamPolicies.ACCOUNT);
        String from = call.resources().get("from");
        if (from != null) {
            // "Name <user@domain>" or "user@domain": the identity Dispostock verifies is the domain
            String address = from.contains("<") ? from.substring(from.indexOf('<') + 1, from.indexOf('>')) : from;
            variables.put("fromDomain", address.substring(address.indexOf('@') + 1).trim());
        }
        return variables;
    }

    /** The shape with its variables replaced, or null when the call lacks one of them. */
    private static String substitute(String shape, Map<String, String> variables) {
        Matcher m = VARIABLE.matcher(shape);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = variables.get(m.group(1));
            if (value == null) {
                return null;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
