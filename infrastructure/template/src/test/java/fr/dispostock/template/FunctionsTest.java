package fr.dispostock.template;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every function of template.yaml, against the function modules that build it. */
class FunctionsTest {
    static final Pattern CODE_URI = Pattern.compile("functions/([a-z0-9-]+)/target/\\1-lambda\\.jar");
    private static final Path THIS_POM = AwsValidator.MODULE.resolve("pom.xml");

    private final SamTemplate template = SamTemplate.load();
    private final Map<String, Map<String, Object>> functions = template.resources("AWS::Serverless::Function");

    @Test
    void every_function_is_the_lambda_jar_of_a_function_module_this_build_depends_on() throws Exception {
        // given every function of the template
        assertFalse(functions.isEmpty());
        List<String> problems = new ArrayList<>();
        Set<String> dependencies = dependencies(THIS_POM);
        for (Map.Entry<String, Map<String, Object>> f : functions.entrySet()) {
            String id = f.getKey();
            Map<String, Object> function = f.getValue();
            // when its CodeUri is read
            Object codeUri = function.get("CodeUri");
            Matcher m = CODE_URI.matcher(String.valueOf(codeUri));
            if (!(codeUri instanceof String) || !m.matches()) {
                problems.add(id + ": CodeUri " + codeUri + " is not functions/<module>/target/<module>-lambda.jar");
                continue;
            }
            // then it names a function module whose pom builds that jar, and this module depends on it
            String module = m.group(1);
            Path pom = SamTemplate.ROOT.resolve("functions").resolve(module).resolve("pom.xml");
            if (!Files.exists(pom)) {
                problems.add(id + ": " + pom + " does not exist");
                continue;
            }
            Element project = parse(pom).getDocumentElement();
            if (!module.equals(child(project, "artifactId"))) {
                problems.add(id + ": the artifactId of " + pom + " is not " + module + ", so its jar is not " + codeUri);
            }
            if (!Files.readString(pom).contains("<artifactId>maven-shade-plugin</artifactId>")) {
                problems.add(id + ": " + pom + " does not declare maven-shade-plugin, which builds " + codeUri);
            }
            if (!dependencies.contains(module)) {
                problems.add(id + ": add fr.dispostock:" + module + " (test) to " + THIS_POM + " so its handler can be checked");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /**
     * The handler class must load from this module's test classpath, which holds every function module
     * and their dependencies, and must come from the function's own module: either its own classes (a
     * handler of the project), or a library the module's pom declares as a dependency (the HTTP functions'
     * HttpApiFunction comes from the platform module, so each of them must declare platform). A library the
     * module only gets transitively must be declared too.
     */
    @Test
    void every_handler_is_a_lambda_handler_class_of_its_function_module() throws Exception {
        // given every function of the template and the module building it
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> f : functions.entrySet()) {
            Matcher m = CODE_URI.matcher(String.valueOf(f.getValue().get("CodeUri")));
            if (!m.matches()) {
                continue; // reported by the test above
            }
            String module = m.group(1);
            String handler = String.valueOf(f.getValue().get("Handler")).split("::")[0];

            // when its handler class is loaded
            Class<?> type;
            try {
                type = Class.forName(handler, false, getClass().getClassLoader());
            } catch (ClassNotFoundException e) {
                problems.add(f.getKey() + ": handler class " + handler + " not found in any function module");
                continue;
            }

            // then it is a Lambda handler, and comes from the module or a dependency the module declares
            if (!RequestHandler.class.isAssignableFrom(type) && !RequestStreamHandler.class.isAssignableFrom(type)) {
                problems.add(f.getKey() + ": " + handler + " is neither a RequestHandler nor a RequestStreamHandler");
            }
            String artifact = artifactOf(type);
            Path pom = SamTemplate.ROOT.resolve("functions").resolve(module).resolve("pom.xml");
            if (!artifact.equals(module) && !dependencies(pom).contains(artifact)) {
                problems.add(f.getKey() + ": " + handler + " comes from " + artifact + ", which is neither the module "
                        + module + " nor a dependency declared in " + pom);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_function_publishes_an_alias_with_snapstart_on_java_21_or_25() {
        // given every function of the template
        List<String> problems = new ArrayList<>();
        functions.forEach((id, function) -> {
            // when its settings are merged with Globals.Function, as SAM does
            Object alias = template.functionProperty(function, "AutoPublishAlias");
            Object snapStart = template.functionProperty(function, "SnapStart");
            Object runtime = template.functionProperty(function, "Runtime");

            // then it publishes versions behind an alias, SnapStart restores them, on Java 21 or 25
            if (!(alias instanceof String name) || name.isBlank()) {
                problems.add(id + ": AutoPublishAlias is " + alias);
            }
            Object applyOn = snapStart instanceof Map<?, ?> s ? s.get("ApplyOn") : null;
            if (!"PublishedVersions".equals(applyOn)) {
                problems.add(id + ": SnapStart.ApplyOn is " + applyOn + ", not PublishedVersions");
            }
            if (!Set.of("java21", "java25").contains(runtime)) {
                problems.add(id + ": Runtime is " + runtime + ", not java21 or java25");
            }
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void no_function_is_given_a_secret_in_its_environment() {
        // given every function of the template, its variables merged with Globals.Function's
        List<String> problems = new ArrayList<>();
        functions.forEach((id, function) -> {
            Object environment = template.functionProperty(function, "Environment");
            Object variables = environment instanceof Map<?, ?> e ? e.get("Variables") : null;

            // when a variable is a dynamic reference to a secret or a secure parameter
            (variables instanceof Map<?, ?> v ? v : Map.of()).forEach((name, value) -> {
                if (String.valueOf(value).matches("(?s).*\\{\\{resolve:(secretsmanager|ssm-secure):.*")) {
                    problems.add(id + ": " + name + " resolves a secret into the environment: " + value);
                }
            });
        });

        // then none is: anyone allowed lambda:GetFunctionConfiguration reads the environment in clear; a function
        // is given the secret's ARN and reads it itself (the pseudonym key: DISPOSTOCK_PSEUDONYM_SECRET_ARN)
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** The artifactId of the module or jar a class was loaded from. */
    static String artifactOf(Class<?> type) throws Exception {
        Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath().normalize();
        Path root = SamTemplate.ROOT.toAbsolutePath().normalize();
        if (location.startsWith(root)) {
            // a module of this build: <module>/target/classes or <module>/target/<module>-<version>.jar
            Path inside = root.relativize(location);
            for (int i = 1; i < inside.getNameCount(); i++) {
                if (inside.getName(i).toString().equals("target")) {
                    return inside.getName(i - 1).toString();
                }
            }
        }
        // a Maven repository: <group path>/<artifactId>/<version>/<artifactId>-<version>.jar
        return location.getParent().getParent().getFileName().toString();
    }

    /** The artifactIds a pom declares as its dependencies (not those of its dependency management). */
    static Set<String> dependencies(Path pom) throws Exception {
        Set<String> artifacts = new LinkedHashSet<>();
        for (Element dependencies : children(parse(pom).getDocumentElement(), "dependencies")) {
            for (Element dependency : children(dependencies, "dependency")) {
                artifacts.add(child(dependency, "artifactId"));
            }
        }
        return artifacts;
    }

    private static Document parse(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    private static String child(Element parent, String name) {
        return children(parent, name).stream().findFirst().map(e -> e.getTextContent().trim()).orElse(null);
    }
}
