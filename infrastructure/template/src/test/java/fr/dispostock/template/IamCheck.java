package fr.dispostock.template;

import fr.dispostock.template.AwsCalls.Call;
import fr.dispostock.template.AwsCalls.Function;
import fr.dispostock.template.IamOperations.Need;
import fr.dispostock.template.IamPolicies.Statement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;

/**
 * Every AWS call each function's tests made, against the policies template.yaml gives that function:
 * what IAM would refuse, and what it grants that no test used.
 */
final class IamCheck {
    /** A function's Metadata key: granted action → why no test calls it (e.g. only AWS can). */
    static final String UNTESTED_GRANTS = "UntestedGrants";
    private static final IamOperations OPERATIONS = new IamOperations();
    private static final Call PRIMING = new Call("fr.dispostock.platform.dynamo.DynamoDbPriming (before the SnapStart"
            + " snapshot)", null, false, "DynamoDb", "GetItem", Map.of(), List.of());

    /**
     * @param denied  calls IAM would refuse: which function, which call, which action on which resource
     * @param unused  granted actions (on a resource) that no test of the function used, without a why
     * @param broad   actions granted on every resource ({@code *}) where the calls name theirs
     * @param other   what the check could not read (statements, notes that no longer apply)
     */
    record Report(List<String> denied, List<String> unused, List<String> broad, List<String> other) {
        boolean clean() {
            return denied.isEmpty() && unused.isEmpty() && broad.isEmpty() && other.isEmpty();
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder();
            section(s, "IAM would refuse these calls (add the action on that resource to the function's Policies"
                    + " in template.yaml):", denied);
            section(s, "granted, and never used by the function's tests (remove it, or say why in the function's"
                    + " Metadata." + UNTESTED_GRANTS + "):", unused);
            section(s, "granted on every resource, where the calls name theirs (grant those only):", broad);
            section(s, "not checked:", other);
            return s.toString();
        }

        private static void section(StringBuilder s, String title, List<String> lines) {
            if (!lines.isEmpty()) {
                s.append(title).append('\n');
                lines.forEach(l -> s.append("  ").append(l).append('\n'));
            }
        }
    }

    private IamCheck() {
    }

    /** The check on a template, with the calls recorded by each function module's tests. */
    static Report run(SamTemplate template, java.util.function.Function<String, List<Call>> recordings) {
        IamPolicies policies = new IamPolicies(template);
        Map<String, List<Function>> byModule = new LinkedHashMap<>();
        template.resources("AWS::Serverless::Function").forEach((id, properties) -> {
            Matcher m = FunctionsTest.CODE_URI.matcher(String.valueOf(properties.get("CodeUri")));
            if (m.matches()) {
                byModule.computeIfAbsent(m.group(1), k -> new ArrayList<>())
                        .add(new Function(id, m.group(1), String.valueOf(properties.get("Handler")).split("::")[0]));
            }
        });
        List<Function> all = byModule.values().stream().flatMap(List::stream).toList();
        List<String> denied = new ArrayList<>();
        List<String> unused = new ArrayList<>();
        List<String> broad = new ArrayList<>();
        List<String> other = new ArrayList<>();
        Map<String, Set<Need>> needs = new HashMap<>();
        Map<String, Call> example = new HashMap<>();
        byModule.forEach((module, functions) -> {
            for (Call call : recordings.apply(module)) {
                for (Function f : AwsCalls.madeBy(call, functions, all)) {
                    for (Need need : OPERATIONS.needs(call)) {
                        needs.computeIfAbsent(f.id(), k -> new LinkedHashSet<>()).add(need);
                        example.putIfAbsent(f.id() + need, call);
                    }
                }
            }
        });
        for (Function f : all) {
            for (Need need : priming(template, f)) {
                needs.computeIfAbsent(f.id(), k -> new LinkedHashSet<>()).add(need);
                example.putIfAbsent(f.id() + need, PRIMING);
            }
            Map<String, Object> resource = template.resource(f.id());
            List<Statement> statements = policies.of(f.id(), template.resources("AWS::Serverless::Function").get(f.id()));
            statements.forEach(s -> s.unsupported().forEach(u -> other.add(s.origin() + ": " + u)));
            Set<Need> used = needs.getOrDefault(f.id(), Set.of());
            denied.addAll(refused(f, used, statements, example));
            unused.addAll(unusedGrants(f, used, statements, whys(resource), other));
            broad.addAll(broadGrants(f, used, statements));
        }
        return new Report(denied, unused, broad, other);
    }

    /**
     * SnapStart priming (the platform's DynamoDbPriming), in every function Lambda snapshots: before the
     * snapshot it reads a key of each table the function is told about (DISPOSTOCK_TABLES_*). Its test runs in
     * one module (functions/registers, SnapStartPrimingTest); what it reads in each function follows from
     * the template.
     */
    private static List<Need> priming(SamTemplate template, Function f) {
        Map<String, Object> function = template.resources("AWS::Serverless::Function").get(f.id());
        Object snapStart = template.functionProperty(function, "SnapStart");
        if (!(snapStart instanceof Map<?, ?> s) || !"PublishedVersions".equals(s.get("ApplyOn"))) {
            return List.of();
        }
        return template.namedTables(function).stream().map(table -> new Need("dynamodb:GetItem", "arn:"
                + IamPolicies.PARTITION + ":dynamodb:" + IamPolicies.REGION + ":" + IamPolicies.ACCOUNT + ":table/" + table))
                .toList();
    }

    /** The needs no Allow grants (or a Deny refuses), grouped by action, a few resources each. */
    private static List<String> refused(Function f, Set<Need> needs, List<Statement> statements, Map<String, Call> example) {
        Map<String, List<Need>> byAction = new TreeMap<>();
        for (Need need : needs) {
            boolean allowed = statements.stream().anyMatch(s -> s.allow() && s.allows(need.action(), need.resource()))
                    && statements.stream().noneMatch(s -> !s.allow() && s.allows(need.action(), need.resource()));
            if (!allowed) {
                byAction.computeIfAbsent(need.action(), k -> new ArrayList<>()).add(need);
            }
        }
        List<String> lines = new ArrayList<>();
        byAction.forEach((action, list) -> {
            Call call = example.get(f.id() + list.get(0));
            lines.add(f.id() + " (functions/" + f.module() + "): " + call.service() + " " + call.operation() + " needs "
                    + action + " on " + list.stream().map(Need::resource).distinct().limit(3).toList()
                    + (list.size() > 3 ? " and " + (list.size() - 3) + " more" : "")
                    + ", not granted; called from " + call.caller());
        });
        return lines;
    }

    /** Each action × resource of an Allow that matches no need, unless the function's Metadata says why. */
    private static List<String> unusedGrants(Function f, Set<Need> needs, List<Statement> statements,
                                             Map<String, String> whys, List<String> other) {
        List<String> lines = new ArrayList<>();
        Set<String> explainedAndUsed = new TreeSet<>();
        for (Statement s : statements) {
            if (!s.allow()) {
                continue;
            }
            for (String action : s.actions()) {
                for (String resource : s.resources()) {
                    boolean usedHere = needs.stream().anyMatch(n -> IamPolicies.matches(action.toLowerCase(),
                            n.action().toLowerCase()) && IamPolicies.matches(resource, n.resource()));
                    if (whys.containsKey(action)) {
                        if (usedHere) {
                            explainedAndUsed.add(action);
                        }
                    } else if (!usedHere) {
                        lines.add(f.id() + " (functions/" + f.module() + "): grants " + action + " on " + resource
                                + " (" + s.origin() + "), which no test of the function called");
                    }
                }
            }
        }
        explainedAndUsed.forEach(a -> other.add(f.id() + ": Metadata." + UNTESTED_GRANTS + " explains " + a
                + ", which the tests do call now: remove the note"));
        return lines;
    }

    /**
     * Each action an Allow grants on {@code *} although every call of it names a resource (a secret, a table):
     * {@code *} would let the function read every secret of the account. Actions without a resource type
     * (ses:GetAccount) are needed on {@code *}, and pass.
     */
    private static List<String> broadGrants(Function f, Set<Need> needs, List<Statement> statements) {
        List<String> lines = new ArrayList<>();
        for (Statement s : statements) {
            if (!s.allow() || !s.resources().contains("*")) {
                continue;
            }
            for (String action : s.actions()) {
                List<String> named = needs.stream().filter(n -> IamPolicies.matches(action.toLowerCase(),
                        n.action().toLowerCase())).map(Need::resource).distinct().toList();
                if (!named.isEmpty() && !named.contains("*")) {
                    lines.add(f.id() + " (functions/" + f.module() + "): grants " + action + " on * (" + s.origin()
                            + "), where its calls need " + named);
                }
            }
        }
        return lines;
    }

    private static Map<String, String> whys(Map<String, Object> resource) {
        Object metadata = resource.get("Metadata");
        Object whys = metadata instanceof Map<?, ?> m ? m.get(UNTESTED_GRANTS) : null;
        Map<String, String> out = new HashMap<>();
        if (whys instanceof Map<?, ?> w) {
            w.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        }
        return out;
    }
}
