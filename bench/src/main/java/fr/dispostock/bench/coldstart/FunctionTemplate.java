package fr.dispostock.bench.coldstart;

import fr.dispostock.embedded.CloudFormationYaml;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What template.yaml gives a function, as the cold-start benchmark starts it: the handler and the
 * environment of the first entry whose CodeUri is the module's Lambda jar. A value naming a resource
 * ({@code !Ref RegistersTable}) is its logical id, as the local platform names tables; one naming a
 * parameter is the parameter's default, or left out without one (the keys' URL: the benchmark gives
 * them inline).
 */
@SuppressWarnings("unchecked")
record FunctionTemplate(Map<String, Object> parameters, Map<String, Object> resources, Map<String, Object> globals) {

    static FunctionTemplate load(Path template) {
        Map<String, Object> yaml = CloudFormationYaml.load(template);
        Map<String, Object> globals = (Map<String, Object>) ((Map<String, Object>) yaml.getOrDefault("Globals", Map.of()))
                .getOrDefault("Function", Map.of());
        return new FunctionTemplate((Map<String, Object>) yaml.getOrDefault("Parameters", Map.of()),
                (Map<String, Object>) yaml.get("Resources"), globals);
    }

    String jvmFlags(String otherwise) {
        Object flags = variables(globals).get("JAVA_TOOL_OPTIONS");
        return flags == null ? otherwise : flags.toString();
    }

    String handler(String module) {
        return properties(module).get("Handler").toString();
    }

    /** The function's own variables over the global ones, as Lambda merges them; the JVM flags are the command's. */
    Map<String, String> environment(String module) {
        Map<String, String> env = new LinkedHashMap<>();
        Map<String, Object> all = new LinkedHashMap<>(variables(globals));
        all.putAll(variables(properties(module)));
        all.remove("JAVA_TOOL_OPTIONS");
        all.forEach((name, value) -> {
            String v = value.toString();
            if (parameters.containsKey(v)) {
                Object byDefault = ((Map<String, Object>) parameters.get(v)).get("Default");
                if (byDefault != null) {
                    env.put(name, byDefault.toString());
                }
            } else {
                env.put(name, v);
            }
        });
        return env;
    }

    private Map<String, Object> properties(String module) {
        String codeUri = "functions/" + module + "/target/" + module + "-lambda.jar";
        return resources.values().stream().map(r -> (Map<String, Object>) ((Map<String, Object>) r).get("Properties"))
                .filter(p -> p != null && codeUri.equals(p.get("CodeUri"))).findFirst()
                .orElseThrow(() -> new IllegalStateException("no function of template.yaml has CodeUri " + codeUri));
    }

    private static Map<String, Object> variables(Map<String, Object> properties) {
        Map<String, Object> environment = (Map<String, Object>) properties.getOrDefault("Environment", Map.of());
        return (Map<String, Object>) environment.getOrDefault("Variables", Map.of());
    }
}
