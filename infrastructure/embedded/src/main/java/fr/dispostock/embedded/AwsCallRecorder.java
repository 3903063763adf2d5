package fr.dispostock.embedded;

import fr.dispostock.platform.lambda.HttpApiFunction;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Records every AWS SDK call of a test run, so that infrastructure/template can prove template.yaml grants
 * each of them (and nothing more): the SDK loads this global interceptor into every client it builds (it is
 * named in {@code software/amazon/awssdk/global/handlers/execution.interceptors}), the project's
 * DynamoDbFactory and SesClientFactory included.
 *
 * <p>Active only when the system property {@code dispostock.aws-calls} names a file (the root pom sets it
 * to {@code target/aws-calls.jsonl} in every module's tests): the file is emptied when the test JVM makes
 * its first call, then gets one JSON line per distinct call: who made it, service, operation and the
 * resources IAM authorizes it on. Who: {@code entry} is the handler {@link HttpApiHarness} feeds, or else
 * the outermost class of the project's main code on the stack (test classes and this harness left out),
 * e.g. the Lambda handler or the sender a test drives; a call that only tests and the harness make
 * (creating tables, clearing them) is not recorded.
 */
public final class AwsCallRecorder implements ExecutionInterceptor {
    public static final String PROPERTY = "dispostock.aws-calls";
    private static final String PROJECT = "fr.dispostock.";
    private static final String HARNESS = AwsCallRecorder.class.getPackageName() + ".";
    private static final StackWalker STACK = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    /** Whether a class is the project's main code (not its tests, not this harness). */
    private static final ClassValue<Boolean> MAIN_CODE = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            if (!type.getName().startsWith(PROJECT) || type.getName().startsWith(HARNESS)) {
                return false;
            }
            CodeSource source = type.getProtectionDomain().getCodeSource();
            try {
                return source == null || !Path.of(source.getLocation().toURI()).endsWith("test-classes");
            } catch (URISyntaxException e) {
                return true;
            }
        }
    };
    private static final Set<String> WRITTEN = new HashSet<>();
    private static boolean started;

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String file = System.getProperty(PROPERTY);
        if (file == null || file.isBlank()) {
            return;
        }
        List<Class<?>> stack = STACK.walk(frames -> frames.map(StackWalker.StackFrame::getDeclaringClass).toList());
        // an abstract base (EventHandler) is not a function: the concrete handler inside its frame is
        String outermost = stack.stream().filter(MAIN_CODE::get).filter(c -> !Modifier.isAbstract(c.getModifiers()))
                .reduce((inner, outer) -> outer)
                .map(AwsCallRecorder::source).orElse(null);
        if (outermost == null) {
            return;
        }
        // under the harness, the function's handler made the call (its frames are Micronaut's, which it extends)
        String entry = stack.contains(HttpApiHarness.class) ? HttpApiFunction.class.getName() : outermost;
        boolean fromTest = stack.stream().anyMatch(AwsCallRecorder::isTestCode);
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        write(Path.of(file), json(entry, outermost, fromTest, service, operation, context.request()));
    }

    /** The class a Micronaut-generated one stands for: {@code p.$PuiController$Definition$Exec} is {@code p.PuiController}. */
    private static String source(Class<?> type) {
        String simple = type.getName().substring(type.getPackageName().length() + 1);
        int generated = simple.indexOf("$Definition");
        return simple.startsWith("$") && generated > 0
                ? type.getPackageName() + "." + simple.substring(1, generated) : type.getName();
    }

    private static boolean isTestCode(Class<?> type) {
        return type.getName().startsWith(PROJECT) && !type.getName().startsWith(HARNESS) && !MAIN_CODE.get(type);
    }

    /**
     * {"entry", "via", "fromTest", "service", "operation", "resources": {...}, "items": [{"action", "table"}...]};
     * via: the outermost class of the project's main code on the stack (a controller, under the handler);
     * fromTest: a test's code is on the stack (else the call runs on a thread of the function).
     */
    static String json(String entry, String via, boolean fromTest, String service, String operation, SdkPojo request) {
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("entry", entry);
        call.put("via", via);
        call.put("fromTest", fromTest);
        call.put("service", service);
        call.put("operation", operation);
        Map<String, Object> resources = new TreeMap<>();
        putIfPresent(resources, "table", value(request, "TableName"));
        putIfPresent(resources, "index", value(request, "IndexName"));
        putIfPresent(resources, "from", value(request, "FromEmailAddress"));
        putIfPresent(resources, "configurationSet", value(request, "ConfigurationSetName"));
        putIfPresent(resources, "template", value(request, "TemplateName"));
        putIfPresent(resources, "template", value(request, "DefaultContent", "Template", "TemplateName"));
        putIfPresent(resources, "template", value(request, "Content", "Template", "TemplateName"));
        putIfPresent(resources, "secret", value(request, "SecretId"));
        call.put("resources", resources);
        List<Map<String, Object>> items = items(request);
        if (!items.isEmpty()) {
            call.put("items", items);
        }
        return toJson(call);
    }

    /**
     * The items of a transaction or batch, each authorized on its own: a transaction's item by its action
     * (Put, Update, Delete, ConditionCheck, Get), a batch's by its table.
     */
    private static List<Map<String, Object>> items(SdkPojo request) {
        List<Map<String, Object>> items = new ArrayList<>();
        if (value(request, "TransactItems") instanceof List<?> transactItems) {
            for (Object item : transactItems) {
                for (SdkField<?> action : ((SdkPojo) item).sdkFields()) {
                    if (action.getValueOrDefault(item) instanceof SdkPojo write) {
                        items.add(item(action.memberName(), value(write, "TableName")));
                    }
                }
            }
        }
        if (value(request, "RequestItems") instanceof Map<?, ?> byTable) {
            byTable.keySet().stream().map(String::valueOf).sorted().forEach(table -> items.add(item(null, table)));
        }
        return items.stream().distinct().toList();
    }

    private static Map<String, Object> item(String action, Object table) {
        Map<String, Object> item = new LinkedHashMap<>();
        if (action != null) {
            item.put("action", action);
        }
        item.put("table", table);
        return item;
    }

    /** A member of a request by the names of the API (TableName, DefaultContent/Template/TemplateName…). */
    private static Object value(Object pojo, String... path) {
        Object current = pojo;
        for (String member : path) {
            if (!(current instanceof SdkPojo p)) {
                return null;
            }
            Object from = current;
            current = p.sdkFields().stream().filter(f -> f.memberName().equals(member)).findFirst()
                    .map(f -> f.getValueOrDefault(from)).orElse(null);
        }
        return current;
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static synchronized void write(Path file, String line) {
        try {
            if (!started) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.writeString(file, "", StandardCharsets.UTF_8);
                started = true;
            }
            if (WRITTEN.add(line)) {
                Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record AWS calls in " + file, e);
        }
    }

    /** Maps, lists and strings only: no JSON library in this harness's dependencies to rely on. */
    private static String toJson(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> toJson(String.valueOf(e.getKey())) + ":" + toJson(e.getValue()))
                    .collect(Collectors.joining(",", "{", "}"));
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(AwsCallRecorder::toJson).collect(Collectors.joining(",", "[", "]"));
        }
        if (value == null || value instanceof Boolean) {
            return String.valueOf(value);
        }
        StringBuilder s = new StringBuilder("\"");
        for (char c : String.valueOf(value).toCharArray()) {
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.append('"').toString();
    }
}
