package fr.dispostock.template;

import fr.dispostock.embedded.TableDefinitions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * template.yaml as written. Unlike embedded's {@code CloudFormationYaml}, which reads {@code !Ref X} as
 * {@code X}, the short tags are kept ({@link Intrinsic}), so that a check can tell a {@code !Ref} from a
 * plain name; the file and its tables are found by embedded's {@link TableDefinitions}.
 */
final class SamTemplate {
    /** {@code dispostock.root}/template.yaml (the root pom's surefire configuration sets the property). */
    static final Path FILE = TableDefinitions.locateTemplate();
    static final Path ROOT = FILE.getParent();
    /** The DynamoDB tables of the template, by logical id, as the tests and the local platform create them. */
    static final Set<String> TABLES = TableDefinitions.load(FILE).tableNames();

    /** A CloudFormation short-form function: {@code !GetAtt X.Arn} is {@code Intrinsic("GetAtt", "X.Arn")}. */
    record Intrinsic(String function, Object argument) {
        @Override
        public String toString() {
            return "!" + function + " " + argument;
        }
    }

    private final Map<String, Object> document;

    private SamTemplate(Map<String, Object> document) {
        this.document = document;
    }

    static SamTemplate load() {
        return load(FILE);
    }

    /** Another template than the project's: a broken copy, to show that a check fails on it. */
    static SamTemplate load(Path file) {
        try (Reader in = Files.newBufferedReader(file)) {
            return new SamTemplate(new Yaml(new KeepingTags()).load(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The properties of every resource of that type, by logical id, in template order. */
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> resources(String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        ((Map<String, Map<String, Object>>) document.get("Resources")).forEach((id, resource) -> {
            if (type.equals(resource.get("Type"))) {
                found.put(id, (Map<String, Object>) resource.getOrDefault("Properties", Map.of()));
            }
        });
        return found;
    }

    /** A resource as written (Type, Properties, Metadata…), or null when the template has none of that id. */
    @SuppressWarnings("unchecked")
    Map<String, Object> resource(String id) {
        return ((Map<String, Map<String, Object>>) document.get("Resources")).get(id);
    }

    /** Whether the template declares that parameter. */
    @SuppressWarnings("unchecked")
    boolean hasParameter(String name) {
        return ((Map<String, Object>) document.getOrDefault("Parameters", Map.of())).containsKey(name);
    }

    /**
     * A property of a function as SAM deploys it: the function's own, else the one of Globals.Function;
     * maps are merged, the function's keys winning (as SAM does).
     */
    @SuppressWarnings("unchecked")
    Object functionProperty(Map<String, Object> function, String name) {
        Map<String, Object> globals = (Map<String, Object>) document.getOrDefault("Globals", Map.of());
        Object global = ((Map<String, Object>) globals.getOrDefault("Function", Map.of())).get(name);
        return merge(global, function.get(name));
    }

    /** The tables a function is told the names of (DISPOSTOCK_TABLES_*): their logical ids, or what else it is given. */
    @SuppressWarnings("unchecked")
    Set<String> namedTables(Map<String, Object> function) {
        Object environment = functionProperty(function, "Environment");
        Object variables = environment instanceof Map<?, ?> e ? e.get("Variables") : null;
        Set<String> named = new TreeSet<>();
        (variables instanceof Map<?, ?> v ? (Map<String, Object>) v : Map.<String, Object>of()).forEach((name, value) -> {
            if (name.startsWith("DISPOSTOCK_TABLES_")) {
                named.add(ref(value).orElse("(not a !Ref: " + value + ")"));
            }
        });
        return named;
    }

    private static Object merge(Object global, Object own) {
        if (own instanceof Map<?, ?> o && global instanceof Map<?, ?> g) {
            Map<Object, Object> merged = new LinkedHashMap<>(g);
            o.forEach((key, value) -> merged.put(key, merge(g.get(key), value)));
            return merged;
        }
        return own != null ? own : global;
    }

    /** The logical id a value refers to, when it is {@code !Ref X} or {@code {Ref: X}}. */
    static Optional<String> ref(Object value) {
        if (value instanceof Intrinsic i && i.function().equals("Ref") && i.argument() instanceof String id) {
            return Optional.of(id);
        }
        if (value instanceof Map<?, ?> m && m.size() == 1 && m.get("Ref") instanceof String id) {
            return Optional.of(id);
        }
        return Optional.empty();
    }

    /** SnakeYAML's safe constructor, plus CloudFormation's short tags read as {@link Intrinsic}s. */
    private static final class KeepingTags extends SafeConstructor {
        KeepingTags() {
            super(new LoaderOptions());
            yamlMultiConstructors.put("!", new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    Object argument = node instanceof ScalarNode scalar ? constructScalar(scalar)
                            : node instanceof SequenceNode sequence ? constructSequence(sequence)
                            : constructMapping((MappingNode) node);
                    return new Intrinsic(node.getTag().getValue().substring(1), argument);
                }
            });
        }
    }
}
