package fr.dispostock.template;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.dispostock.platform.lambda.HttpApiFunction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The AWS SDK calls each function module's tests made, as embedded's AwsCallRecorder wrote them in
 * functions/&lt;module&gt;/target/aws-calls.jsonl, and which function of template.yaml made each of them.
 */
final class AwsCalls {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** One distinct call: see AwsCallRecorder for its fields. */
    record Call(String entry, String via, boolean fromTest, String service, String operation,
                Map<String, String> resources, List<Map<String, String>> items) {
        Call {
            resources = resources == null ? Map.of() : resources;
            items = items == null ? List.of() : items;
        }

        @Override
        public String toString() {
            return service + " " + operation + " " + resources + (items.isEmpty() ? "" : " items " + items)
                    + " (from " + caller() + ")";
        }

        /** The entry, and the class of the project under it that made the call when another. */
        String caller() {
            return via == null || via.equals(entry) ? entry : entry + " via " + via;
        }
    }

    /** A function of template.yaml: its logical id, the module building its jar, and its handler class. */
    record Function(String id, String module, String handler) {
        boolean isHttp() {
            return handler.equals(HttpApiFunction.class.getName());
        }
    }

    private AwsCalls() {
    }

    static Path file(String module) {
        return SamTemplate.ROOT.resolve("functions").resolve(module).resolve("target/aws-calls.jsonl");
    }

    /**
     * What the module's tests called in this build; fails when they did not run since its sources last
     * changed (the recording would be missing or say what older code did).
     */
    static List<Call> recorded(String module) {
        Path file = file(module);
        Path sources = file.getParent().resolveSibling("src");
        String build = "build that module's tests first: ./mvnw -pl functions/" + module + " -am install"
                + " (from the root, ./mvnw -B verify builds the function modules before infrastructure/template)";
        if (!Files.exists(file)) {
            throw new IllegalStateException(file + " is missing: the tests of functions/" + module
                    + " did not run in this build, so its AWS calls are unknown; " + build);
        }
        try {
            if (Files.getLastModifiedTime(file).compareTo(newest(sources)) < 0) {
                throw new IllegalStateException(file + " is older than the sources in " + sources
                        + ": it records what older code called; " + build);
            }
            List<Call> calls = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    calls.add(JSON.readValue(line, Call.class));
                }
            }
            return calls;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileTime newest(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return FileTime.fromMillis(0);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(f -> {
                try {
                    return Files.getLastModifiedTime(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).max(FileTime::compareTo).orElse(FileTime.fromMillis(0));
        }
    }

    /**
     * The functions that made a call recorded by a module's tests, none when a test made it to set up or
     * read back its data. A call belongs to:
     * <ol>
     * <li>the function whose handler is its entry (the outermost class of the project on the stack), whatever
     * the module whose tests drive it (the reminders' tests feed the sender function), or whose handler
     * injects it, a class of the module (a test driving MailingSender stands for MailingSenderHandler);</li>
     * <li>else, when its entry is a class of the module: the module's HTTP function (its controllers);</li>
     * <li>else, when no test code is on the stack (a request's thread): the module's HTTP function, or its
     * only function;</li>
     * <li>else (a store of the platform that a test calls itself, SnapStart priming that a test triggers):
     * none; IamCheck adds the priming of every function from the template.</li>
     * </ol>
     */
    static List<Function> madeBy(Call call, List<Function> moduleFunctions, List<Function> allFunctions) {
        Optional<Class<?>> entry = load(call.entry());
        List<Function> byHandler = allFunctions.stream().filter(f -> !f.isHttp() && entry.isPresent()
                && (f.handler().equals(call.entry())
                || moduleFunctions.contains(f) && isOf(entry.get(), f.module()) && injects(f.handler(), entry.get())))
                .toList();
        if (!byHandler.isEmpty()) {
            return byHandler;
        }
        boolean ownClass = entry.isPresent() && moduleFunctions.stream().anyMatch(f -> isOf(entry.get(), f.module()));
        List<Function> http = moduleFunctions.stream().filter(Function::isHttp).toList();
        if (ownClass || call.entry().equals(HttpApiFunction.class.getName())) {
            return http.isEmpty() && moduleFunctions.size() == 1 ? moduleFunctions : http;
        }
        if (!call.fromTest()) {
            return !http.isEmpty() ? http : moduleFunctions.size() == 1 ? moduleFunctions : List.of();
        }
        return List.of();
    }

    private static boolean injects(String handler, Class<?> entry) {
        return load(handler).map(h -> Stream.of(h.getDeclaredFields()).map(Field::getType)
                .anyMatch(t -> t.isAssignableFrom(entry))).orElse(false);
    }

    private static boolean isOf(Class<?> type, String module) {
        try {
            return FunctionsTest.artifactOf(type).equals(module);
        } catch (Exception e) {
            return false;
        }
    }

    private static Optional<Class<?>> load(String name) {
        try {
            return Optional.of(Class.forName(name, false, AwsCalls.class.getClassLoader()));
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }
}
