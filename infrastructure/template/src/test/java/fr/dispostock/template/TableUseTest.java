package fr.dispostock.template;

import fr.dispostock.platform.dynamo.Tables;
import fr.dispostock.platform.lambda.HttpApiFunction;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tables each function's code touches, against template.yaml, function by function: the stores its
 * beans inject (followed from its entry through constructors and injected fields down to the DynamoDB
 * adapters, each of which names its table in {@code @Requires(property = Tables.X)}) are exactly the tables
 * its entry names in its environment ({@code DISPOSTOCK_TABLES_*}), and its policies grant DynamoDB on those
 * tables and no other; its module's application.properties names exactly the tables of the functions built
 * from it. So a function that injects a store of a table its template entry does not give it fails here,
 * beside failing to start (its adapter does not exist without the table's property).
 */
class TableUseTest {
    private static final Pattern DEPENDENCY = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);
    private static final Pattern ARTIFACT = Pattern.compile("<artifactId>([^<]+)</artifactId>");

    private final SamTemplate template = SamTemplate.load();
    private final Map<String, Map<String, Object>> functions = template.resources("AWS::Serverless::Function");
    private final IamPolicies policies = new IamPolicies(template);

    @Test
    void each_function_injects_stores_of_exactly_the_tables_its_template_entry_names_and_grants() throws Exception {
        // given every function of the template, its module and its entry
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> f : functions.entrySet()) {
            String id = f.getKey();
            String module = module(f.getValue());
            Set<String> named = template.namedTables(f.getValue());

            // when the stores its beans inject are followed to their adapters' tables
            Set<String> used = tablesUsed(module, String.valueOf(f.getValue().get("Handler")).split("::")[0]);

            // then the code touches exactly the tables the template names for it, and its policies grant those
            if (!used.equals(named)) {
                problems.add(id + " (functions/" + module + "): its code injects stores of " + used
                        + ", its template entry names " + named + " (DISPOSTOCK_TABLES_*)");
            }
            Set<String> granted = granted(id, f.getValue());
            if (!granted.equals(named)) {
                problems.add(id + ": its policies grant DynamoDB on " + granted + ", its environment names " + named);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void each_modules_application_properties_names_exactly_the_tables_of_the_functions_built_from_it() {
        // given the functions of the template, by the module that builds them
        Map<String, Set<String>> namedByModule = new TreeMap<>();
        functions.forEach((id, function) -> namedByModule.computeIfAbsent(module(function), m -> new TreeSet<>())
                .addAll(variables(function)));

        // when each module's application.properties is read
        Map<String, Set<String>> configured = new TreeMap<>();
        namedByModule.keySet().forEach(module -> configured.put(module, configuredTables(module)));

        // then it names the same tables, each under the property its environment variable sets in AWS
        assertEquals(namedByModule, configured);
    }

    /** A function's table variables as the properties they set, with the table: {@code dispostock.tables.mail=MailTable}. */
    private Set<String> variables(Map<String, Object> function) {
        Set<String> variables = new TreeSet<>();
        Object environment = template.functionProperty(function, "Environment");
        if (environment instanceof Map<?, ?> e && e.get("Variables") instanceof Map<?, ?> v) {
            v.forEach((name, value) -> {
                if (String.valueOf(name).startsWith("DISPOSTOCK_TABLES_")) {
                    variables.add(property(String.valueOf(name)) + "=" + SamTemplate.ref(value).orElse(String.valueOf(value)));
                }
            });
        }
        return variables;
    }

    private static Set<String> configuredTables(String module) {
        Properties properties = new Properties();
        Path file = SamTemplate.ROOT.resolve("functions").resolve(module).resolve("src/main/resources/application.properties");
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> tables = new TreeSet<>();
        properties.stringPropertyNames().stream().filter(p -> p.startsWith(Tables.PREFIX + "."))
                .forEach(p -> tables.add(p + "=" + properties.getProperty(p)));
        return tables;
    }

    /** {@code DISPOSTOCK_TABLES_STATE_STOCK} → {@code dispostock.tables.state-stock}, as Micronaut maps variables. */
    private static String property(String variable) {
        String table = variable.substring("DISPOSTOCK_TABLES_".length()).toLowerCase(Locale.ROOT).replace('_', '-');
        return Tables.PREFIX + "." + table;
    }

    private static String module(Map<String, Object> function) {
        Matcher m = FunctionsTest.CODE_URI.matcher(String.valueOf(function.get("CodeUri")));
        assertTrue(m.matches(), "CodeUri " + function.get("CodeUri"));
        return m.group(1);
    }

    /** The tables on which the function's policies allow some DynamoDB action (the table or its indexes). */
    private Set<String> granted(String id, Map<String, Object> function) {
        Set<String> granted = new TreeSet<>();
        for (IamPolicies.Statement s : policies.of(id, function)) {
            if (!s.allow() || s.actions().stream().noneMatch(a -> a.toLowerCase(Locale.ROOT).startsWith("dynamodb:"))) {
                continue;
            }
            for (String table : SamTemplate.TABLES) {
                String arn = "arn:" + IamPolicies.PARTITION + ":dynamodb:" + IamPolicies.REGION + ":" + IamPolicies.ACCOUNT
                        + ":table/" + table;
                if (s.resources().stream().anyMatch(r -> IamPolicies.matches(r, arn) || r.startsWith(arn + "/"))) {
                    granted.add(table);
                }
            }
        }
        return granted;
    }

    /**
     * The tables of the adapters reachable from a function's entry: for an HTTP function every bean of its
     * module (its routes, filters and the services behind them), for another handler the handler itself.
     * An interface leads to every implementation among the classes its jar holds (its module and the
     * project modules it depends on).
     */
    private static Set<String> tablesUsed(String module, String handler) throws Exception {
        List<Class<?>> classes = new ArrayList<>();
        for (String m : jarModules(module)) {
            classes.addAll(classesOf(m));
        }
        Deque<Class<?>> todo = new ArrayDeque<>();
        if (handler.equals(HttpApiFunction.class.getName())) {
            classesOf(module).stream().filter(TableUseTest::isBean).forEach(todo::add);
        } else {
            todo.add(Class.forName(handler, false, TableUseTest.class.getClassLoader()));
        }
        Set<Class<?>> seen = new HashSet<>();
        Set<String> tables = new TreeSet<>();
        while (!todo.isEmpty()) {
            Class<?> type = todo.pop();
            if (!seen.add(type) || !type.getName().startsWith("fr.dispostock.")) {
                continue;
            }
            if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
                classes.stream().filter(c -> type.isAssignableFrom(c) && c != type).forEach(todo::add);
            }
            for (Requires requires : type.getAnnotationsByType(Requires.class)) {
                if (requires.property().startsWith(Tables.PREFIX + ".")) {
                    tables.add(table(requires.property()));
                }
            }
            injected(type).forEach(todo::add);
        }
        return tables;
    }

    /** The logical id of the table a table property names locally: {@code dispostock.tables.state-stock} → StateStockTable. */
    private static String table(String property) {
        StringBuilder id = new StringBuilder();
        for (String word : property.substring(Tables.PREFIX.length() + 1).split("-")) {
            id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return id.append("Table").toString();
    }

    /** What a class has injected: its constructors' parameters and its {@code @Inject} fields, with their type arguments. */
    private static Stream<Class<?>> injected(Class<?> type) {
        List<Type> types = new ArrayList<>();
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            types.addAll(Arrays.asList(c.getGenericParameterTypes()));
        }
        for (Class<?> t = type; t != null && t.getName().startsWith("fr.dispostock."); t = t.getSuperclass()) {
            for (Field field : t.getDeclaredFields()) {
                if (field.isAnnotationPresent(Inject.class)) {
                    types.add(field.getGenericType());
                }
            }
        }
        return types.stream().flatMap(TableUseTest::classes);
    }

    private static Stream<Class<?>> classes(Type type) {
        if (type instanceof Class<?> c) {
            return Stream.of(c);
        }
        if (type instanceof ParameterizedType p) {
            return Stream.concat(classes(p.getRawType()), Arrays.stream(p.getActualTypeArguments()).flatMap(TableUseTest::classes));
        }
        return Stream.empty();
    }

    private static boolean isBean(Class<?> type) {
        return type.isAnnotationPresent(Singleton.class) || type.isAnnotationPresent(Controller.class)
                || type.isAnnotationPresent(Context.class);
    }

    /** The project modules a function's jar holds: its own and those its pom depends on outside tests, transitively. */
    private static Set<String> jarModules(String module) throws IOException {
        Set<String> modules = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(module));
        while (!todo.isEmpty()) {
            String m = todo.pop();
            if (!modules.add(m)) {
                continue;
            }
            Matcher d = DEPENDENCY.matcher(Files.readString(functionsDir(m).resolve("pom.xml")));
            while (d.find()) {
                Matcher a = ARTIFACT.matcher(d.group(1));
                if (!d.group(1).contains("<scope>test</scope>") && a.find() && Files.isDirectory(functionsDir(a.group(1)))) {
                    todo.add(a.group(1));
                }
            }
        }
        return modules;
    }

    private static Path functionsDir(String module) {
        return SamTemplate.ROOT.resolve("functions").resolve(module);
    }

    /** The classes a module compiled (its target/classes, which the reactor built before this module). */
    private static List<Class<?>> classesOf(String module) throws IOException {
        Path root = functionsDir(module).resolve("target/classes");
        try (Stream<Path> files = Files.walk(root)) {
            List<Class<?>> classes = new ArrayList<>();
            for (Path file : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace(".class", "").replace('/', '.');
                if (name.contains("$Definition") || name.contains("$Introspection") || name.endsWith("package-info")) {
                    continue; // Micronaut's generated bean definitions
                }
                try {
                    classes.add(Class.forName(name, false, TableUseTest.class.getClassLoader()));
                } catch (ClassNotFoundException | NoClassDefFoundError e) {
                    // AOT-generated classes left from a -Dlambda build are not this check's business
                }
            }
            return classes;
        }
    }
}
