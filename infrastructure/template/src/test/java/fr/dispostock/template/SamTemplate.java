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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

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

    /**
     * A copy of template.yaml (in dir) that a test changed, to show that a check fails on it. A change that
     * no longer applies (the template moved on) fails the test rather than checking the unchanged template.
     */
    static SamTemplate changed(Path dir, UnaryOperator<String> change) {
        try {
            String original = Files.readString(FILE);
            String changed = change.apply(original);
            if (changed.equals(original)) {
                throw new IllegalStateException("the test's change no longer applies to template.yaml: break it another way");
            }
            return load(Files.writeString(dir.resolve("template.yaml"), changed));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines of a text from the one starting with {@code start} to the next blank line (a resource, an event). */
    static String block(String text, String start) {
        String from = text.substring(text.indexOf(start));
        return from.substring(0, from.indexOf("\n\n"));
    }

    /** Whether the template declares that parameter. */
    boolean hasParameter(String name) {
        return parameter(name) != null;
    }

    /** A parameter as written (Type, Default, AllowedPattern…), or null when the template has none of that name. */
    @SuppressWarnings("unchecked")
    Map<String, Object> parameter(String name) {
        return ((Map<String, Map<String, Object>>) document.getOrDefault("Parameters", Map.of())).get(name);
    }

    /** An output as written (Value, Description), or null. */
    @SuppressWarnings("unchecked")
    Map<String, Object> output(String name) {
        return ((Map<String, Map<String, Object>>) document.getOrDefault("Outputs", Map.of())).get(name);
    }

    /** A function's events of one type (HttpApi, DynamoDB, ScheduleV2…), by name, with their properties. */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> events(Map<String, Object> function, String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        ((Map<String, Map<String, Object>>) function.getOrDefault("Events", Map.of())).forEach((name, event) -> {
            if (type.equals(event.get("Type"))) {
                found.put(name, (Map<String, Object>) event.getOrDefault("Properties", Map.of()));
            }
        });
        return found;
    }

    /** A mapping of the template, or an empty one when the value is absent or not a mapping. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** A sequence of the template, or an empty one when the value is absent or not a sequence. */
    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of();
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
