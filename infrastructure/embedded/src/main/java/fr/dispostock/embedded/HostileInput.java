package fr.dispostock.embedded;

import org.yaml.snakeyaml.Yaml;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hostile-input suite's engine: every operation of a function's generated OpenAPI description
 * ({@code META-INF/swagger/*.yml}), called with generated bad values (wrong types, huge numbers and
 * exponents, control and invisible characters, huge lists, trailing garbage, missing fields, bad
 * identifiers) through the function's real handler. Each call must answer without a 5xx (a 4xx
 * as problem+json naming no code; a 2xx only where the route reports what it refused, as an
 * import does), change nothing (every table is read back, item by item), and leave the function
 * answering. The cases come from a seeded {@link SplittableRandom}, so that a seed replays them; each function's test
 * supplies the values its routes need to reach their checks (an existing PUI, order…).
 */
public final class HostileInput {
    /**
     * One operation of the description: its path template, method, parameters and body media types
     * (JSON with its schema, CSV, FHIR R5 JSON, xlsx).
     */
    public record Operation(String method, String path, List<String> pathParams, List<String> queryParams,
                            Map<String, Object> jsonSchema, boolean csv, boolean fhir, boolean xlsx) {
        boolean hasBody() {
            return jsonSchema != null || csv;
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /**
     * One generated call: the operation, what is hostile in it ("path:finessEt", "query:region",
     * "body:/lines/0/stock", "body" for the whole text), the hostile value and the account calling.
     */
    public record Case(Operation operation, String target, Object value, String account) {
        @Override
        public String toString() {
            String shown = String.valueOf(value instanceof Raw raw ? raw.text()
                    : value instanceof HostileBodies.FhirBody f ? "FHIR: " + f.what()
                    : value instanceof HostileBodies.XlsxBody x ? "xlsx: " + x.what() : value);
            return operation + " [" + target + " = " + (shown.length() > 80 ? shown.substring(0, 80) + "… ("
                    + shown.length() + " chars)" : shown) + "] as " + account;
        }
    }

    /** A body sent as this exact text, not as JSON written from a value. */
    public record Raw(String text) {
    }

    /**
     * Cases per function: four functions make 160 cases, about two minutes on this project's shared
     * build machines (each case reads every table back); raise it for a longer hunt.
     */
    public static final int TRIES = 40;

    /**
     * Seeded cases per FHIR or xlsx route, beside its designed bodies ({@link HostileBodies}): each a
     * body refused whatever the seed changes in it.
     */
    public static final int FORMAT_TRIES = 20;

    /**
     * What one call may allocate on its thread: above what a refusal of the largest bodies costs (a
     * 20 MB FHIR body, refused by its size, about 140 MiB with the event's copies), below what the
     * zip bomb of {@link HostileBodies} would inflate to (512 MiB).
     */
    static final long CALL_ALLOCATION_MAX = 256L << 20;
    private static final String FHIR_TYPE = "application/fhir+json";
    private static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Who sends each format, so that its bodies reach the checks past the scope's: software, a pharmacist. */
    private static final String FHIR_SENDER = "CLIENT-own";
    private static final String XLSX_SENDER = "PHARMACIST-own";

    /** The cases' seed: fixed, so that every run makes the same calls; {@code -Dhostile.seed=…} hunts with others. */
    public static final long SEED = Long.getLong("hostile.seed", 20261206L);

    private static final Pattern PARAM = Pattern.compile("\\{(\\w+)}");
    private static final Pattern CODE_NAMES = Pattern.compile(
            "fr\\.dispostock|java\\.|javax\\.|io\\.micronaut|com\\.fasterxml|software\\.amazon|\\bclass \\w|Exception\\b");

    private final List<Operation> operations;
    private HttpApiHarness api;
    private EmbeddedDynamoDb db;
    private Map<String, String> tokens;
    private Map<String, String> known;
    private java.util.function.Supplier<HttpApiHarness.Response> health;
    private Map<String, Set<Map<String, AttributeValue>>> baseline;

    private HostileInput(List<Operation> operations) {
        this.operations = operations;
    }

    /**
     * Where the cases go, once the test's data are in place; every table is read now, and each
     * hostile call must leave it exactly so.
     *
     * @param tokens the accounts' tokens, by the names {@link #cases} is given
     * @param known  values of path and query parameters that reach the routes' checks (an existing PUI…)
     * @param health a call that must still answer 200 after the cases
     */
    public void remember(HttpApiHarness api, EmbeddedDynamoDb db, Map<String, String> tokens, Map<String, String> known,
                         java.util.function.Supplier<HttpApiHarness.Response> health) {
        this.api = api;
        this.db = db;
        this.tokens = tokens;
        this.known = known;
        this.health = health;
        this.baseline = snapshot(db);
    }

    /** The operations of the OpenAPI description this class path holds under {@code META-INF/swagger/}. */
    @SuppressWarnings("unchecked")
    public static HostileInput fromOpenApi(String resource) {
        Map<String, Object> doc;
        try (InputStream in = HostileInput.class.getClassLoader().getResourceAsStream("META-INF/swagger/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("META-INF/swagger/" + resource + " is missing: build the function first");
            }
            doc = new Yaml().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) doc.getOrDefault("components",
                Map.of())).getOrDefault("schemas", Map.of());
        List<Operation> ops = new ArrayList<>();
        new TreeMap<>((Map<String, Map<String, Object>>) doc.get("paths")).forEach((path, methods) ->
                methods.forEach((method, raw) -> {
                    Map<String, Object> op = (Map<String, Object>) raw;
                    List<String> pathParams = new ArrayList<>();
                    List<String> queryParams = new ArrayList<>();
                    for (Map<String, Object> p : (List<Map<String, Object>>) op.getOrDefault("parameters", List.of())) {
                        if ("path".equals(p.get("in"))) {
                            pathParams.add((String) p.get("name"));
                        } else if ("query".equals(p.get("in"))) {
                            queryParams.add((String) p.get("name"));
                        }
                    }
                    Map<String, Object> content = (Map<String, Object>) ((Map<String, Object>) op.getOrDefault(
                            "requestBody", Map.of())).getOrDefault("content", Map.of());
                    Map<String, Object> json = content.containsKey("application/json")
                            ? resolve((Map<String, Object>) ((Map<String, Object>) content.get("application/json"))
                            .get("schema"), schemas, 0) : null;
                    ops.add(new Operation(method.toUpperCase(), path, pathParams, queryParams, json,
                            content.containsKey("text/csv"), content.containsKey(FHIR_TYPE), content.containsKey(XLSX_TYPE)));
                }));
        return new HostileInput(ops);
    }

    /** The schema with its references replaced by what they name (deep enough for the API's bodies). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolve(Map<String, Object> schema, Map<String, Object> schemas, int depth) {
        if (schema == null || depth > 8) {
            return Map.of("type", "string");
        }
        Object ref = schema.get("$ref");
        if (ref != null) {
            String name = ((String) ref).substring(((String) ref).lastIndexOf('/') + 1);
            return resolve((Map<String, Object>) schemas.get(name), schemas, depth + 1);
        }
        Map<String, Object> out = new LinkedHashMap<>(schema);
        if (schema.get("properties") instanceof Map<?, ?> props) {
            Map<String, Object> resolved = new LinkedHashMap<>();
            ((Map<String, Object>) props).forEach((k, v) -> resolved.put(k, resolve((Map<String, Object>) v, schemas, depth + 1)));
            out.put("properties", resolved);
        }
        if (schema.get("items") instanceof Map<?, ?> items) {
            out.put("items", resolve((Map<String, Object>) items, schemas, depth + 1));
        }
        return out;
    }

    /** The function's answer to its health call, which must be 200 once the cases are done. */
    public int health() {
        return health.get().status();
    }

    /**
     * {@link #TRIES} calls drawn from the seed: each an operation that takes something from its caller,
     * something hostile in it, one of the accounts calling; then, for a route of the weekly declaration
     * taking FHIR or xlsx, every designed body of {@link HostileBodies} and {@link #FORMAT_TRIES}
     * seeded ones, sent by who sends that format.
     */
    public List<Case> cases(List<String> accounts, long seed) {
        Map<Operation, List<String>> targets = new LinkedHashMap<>();
        for (Operation op : operations) {
            List<String> of = new ArrayList<>();
            op.pathParams().forEach(p -> of.add("path:" + p));
            op.queryParams().forEach(q -> of.add("query:" + q));
            if (op.hasBody()) {
                of.add("body");
                if (op.jsonSchema() != null) {
                    pointers(op.jsonSchema(), "", of);
                }
            }
            if (!of.isEmpty()) { // else nothing of the caller's reaches it but the token, which the scope matrices cover
                targets.put(op, of);
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Operation> reachable = List.copyOf(targets.keySet());
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < TRIES; i++) {
            Operation op = pick(random, reachable);
            String target = pick(random, targets.get(op));
            Object value = target.equals("body") ? pick(random, wholeBodies(op))
                    : target.startsWith("body:") ? value(random) : text(random);
            cases.add(new Case(op, target, value, pick(random, accounts)));
        }
        for (Operation op : operations) {
            boolean declaration = op.path().endsWith("/declarations/{week}");
            boolean workbook = op.path().endsWith("/declarations/{week}/spreadsheet");
            if (op.fhir() && declaration || op.xlsx() && workbook) {
                HostileBodies bodies = new HostileBodies(known.get("finessEt"), known.get("week"), known.get("itemId"),
                        known.get("ucd"));
                String sender = op.fhir() ? FHIR_SENDER : XLSX_SENDER;
                List<Object> designed = op.fhir() ? List.copyOf(bodies.fhir()) : List.copyOf(bodies.xlsx());
                designed.forEach(body -> cases.add(new Case(op, "body", body, sender)));
                for (int i = 0; i < FORMAT_TRIES; i++) {
                    cases.add(new Case(op, "body", op.fhir() ? bodies.fhir(random, value(random))
                            : bodies.xlsx(random, text(random)), sender));
                }
            }
        }
        return cases;
    }

    private static <T> T pick(SplittableRandom random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    @SuppressWarnings("unchecked")
    private static void pointers(Map<String, Object> schema, String at, List<String> into) {
        if (schema.get("properties") instanceof Map<?, ?> props) {
            ((Map<String, Object>) props).forEach((name, sub) -> {
                into.add("body:" + at + "/" + name);
                pointers((Map<String, Object>) sub, at + "/" + name, into);
            });
        } else if (schema.get("items") instanceof Map<?, ?> items) {
            pointers((Map<String, Object>) items, at + "/0", into);
        }
    }

    private static final List<Raw> BAD_VALUES = List.of(new Raw("1e20"), new Raw("-1"), new Raw("1e100000"),
            new Raw("1e-100000"), new Raw("1e2147483648"), new Raw("9223372036854775808"),
            new Raw("-9223372036854775809"), new Raw("0.0001"), new Raw("1" + "0".repeat(2000)), new Raw("true"),
            new Raw("null"), new Raw("{}"), new Raw("[]"), new Raw("[[[[[[[[[[1]]]]]]]]]]"), new Raw("\"2026-13-45\""),
            new Raw("\"1900-01-01\""), new Raw("\"9999-12-31\""));
    private static final List<Long> EDGE_LONGS = List.of(Long.MIN_VALUE, Long.MIN_VALUE + 1, -1L, 0L, 1L,
            Long.MAX_VALUE - 1, Long.MAX_VALUE, (long) Integer.MIN_VALUE - 1, (long) Integer.MAX_VALUE + 1);
    private static final List<String> BAD_TEXTS = List.of("", " ", "\u0000", "a\u0000b", "\u202Eevil", "pui\u200B@ch.fr",
            "\uFEFF84", "\u0085", "\uD800", "x".repeat(100_000), "../../etc/passwd", "%00", "<script>alert(1)</script>",
            "1e100000", "2A", "2a0000014 ", "3400890099943");

    /** A bad JSON value of any kind, for one field: odd numbers and dates, any long, a bad text, a huge list. */
    private static Raw value(SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> pick(random, BAD_VALUES);
            // the edges where the overflows are, as often as any other long
            case 1 -> new Raw(Long.toString(random.nextBoolean() ? pick(random, EDGE_LONGS) : random.nextLong()));
            case 2 -> jsonString(text(random));
            default -> new Raw("[" + "\"x\",".repeat(random.nextInt(2_000, 20_001)) + "\"x\"]");
        };
    }

    /** A bad text: control and invisible characters, huge, empty, traversal, random UTF-16 (lone surrogates too). */
    private static String text(SplittableRandom random) {
        return switch (random.nextInt(3)) {
            case 0 -> pick(random, BAD_TEXTS);
            case 1 -> chars(1 + random.nextInt(40), () -> random.nextInt(Character.MAX_VALUE + 1));
            default -> chars(1 + random.nextInt(10), () -> random.nextBoolean()
                    ? random.nextInt(0x20) : random.nextInt(0x7F, 0xA0)); // C0 and C1 controls
        };
    }

    private static String chars(int length, IntSupplier next) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append((char) next.getAsInt());
        }
        return s.toString();
    }

    /** Whole bodies: trailing garbage, not JSON, wrong top-level types, deep nesting, huge lists, nothing. */
    private static List<Raw> wholeBodies(Operation op) {
        String skeleton = op.jsonSchema() == null ? "{}" : json(skeleton(op.jsonSchema()));
        List<Raw> raws = new ArrayList<>(List.of(new Raw(skeleton + " garbage"), new Raw(skeleton + skeleton),
                new Raw(skeleton + "}"), new Raw("{\"lines\":"), new Raw("not json"), new Raw("[]"), new Raw("null"),
                new Raw("\"text\""), new Raw("1e100000"), new Raw("{}"), new Raw(""),
                new Raw("[".repeat(5_000) + "]".repeat(5_000)),
                new Raw("{\"lines\":[" + "{},".repeat(20_000) + "{}]}")));
        if (op.csv()) {
            raws.add(new Raw("itemId;stock;averageDailyConsumption\ncisplatine;1e100000;1e100000"));
            raws.add(new Raw("nofinesset;nofinessej;rs;code_departement\n010000024;010780054;CH\u0000\u202E;01"));
            raws.add(new Raw("sub;email;roles\nu\u0000;a\u200B@b.fr;ARS"));
            raws.add(new Raw("a;b\n" + "1;2\n".repeat(50_000)));
        }
        return raws;
    }

    @SuppressWarnings("unchecked")
    private static Object skeleton(Map<String, Object> schema) {
        if (schema.get("properties") instanceof Map<?, ?> props) {
            Map<String, Object> object = new LinkedHashMap<>();
            ((Map<String, Object>) props).forEach((name, sub) -> object.put(name, skeleton((Map<String, Object>) sub)));
            return object;
        }
        return switch (String.valueOf(schema.get("type"))) {
            case "array" -> List.of(skeleton(schema.get("items") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of()));
            case "number", "integer" -> 1;
            case "boolean" -> false;
            default -> "x";
        };
    }

    private static Raw jsonString(String text) {
        StringBuilder s = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                s.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                s.append(String.format("\\u%04x", (int) c));
            } else {
                s.append(c);
            }
        }
        return new Raw(s.append('"').toString());
    }

    @SuppressWarnings("unchecked")
    static String json(Object value) {
        if (value instanceof Raw raw) {
            return raw.text();
        }
        if (value instanceof Map<?, ?> map) {
            List<String> fields = new ArrayList<>();
            ((Map<String, Object>) map).forEach((k, v) -> fields.add(jsonString(k).text() + ":" + json(v)));
            return "{" + String.join(",", fields) + "}";
        }
        if (value instanceof List<?> list) {
            return "[" + String.join(",", list.stream().map(HostileInput::json).toList()) + "]";
        }
        if (value instanceof String s) {
            return jsonString(s).text();
        }
        return String.valueOf(value);
    }

    /** The skeleton body with the hostile value at the pointer (in a list: its first element). */
    private static String bodyWith(Operation op, String pointer, Object value) {
        return json(replace(skeleton(op.jsonSchema()), pointer.substring(1).split("/"), 0, value));
    }

    @SuppressWarnings("unchecked")
    private static Object replace(Object node, String[] parts, int i, Object value) {
        if (i == parts.length) {
            return value;
        }
        if (node instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list);
            copy.set(0, replace(list.get(0), parts, i + 1, value));
            return copy;
        }
        if (!(node instanceof Map<?, ?>)) {
            return node; // a pointer below a scalar: the skeleton has nothing there
        }
        Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) node);
        copy.put(parts[i], replace(copy.get(parts[i]), parts, i + 1, value));
        return copy;
    }

    /**
     * Calls the case and says what went wrong, or null when the function held: never 5xx, a 4xx as
     * problem+json naming no code, no item written or changed.
     */
    public String check(Case c) {
        if (baseline == null) {
            throw new IllegalStateException("call remember(…) once the test's data are in place");
        }
        Operation op = c.operation();
        Matcher m = PARAM.matcher(op.path());
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = c.target().equals("path:" + name) ? (String) c.value() : known.getOrDefault(name, "x");
            m.appendReplacement(path, Matcher.quoteReplacement(encode(value)));
        }
        m.appendTail(path);
        List<String> query = new ArrayList<>();
        for (String q : op.queryParams()) {
            String value = c.target().equals("query:" + q) ? (String) c.value() : known.get(q);
            if (value != null) {
                query.add(q + "=" + encode(value));
            }
        }
        String url = path + (query.isEmpty() ? "" : "?" + String.join("&", query));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Idempotency-Key", "hostile-" + UUID.randomUUID());
        headers.put("If-Match", "\"1\"");
        String body = null;
        if (c.value() instanceof HostileBodies.FhirBody f) {
            body = f.text();
            headers.put("Content-Type", FHIR_TYPE);
        } else if (c.value() instanceof Raw raw && c.target().equals("body")) {
            body = raw.text();
            headers.put("Content-Type", op.jsonSchema() != null && !body.contains(";") ? "application/json" : "text/csv");
        } else if (op.jsonSchema() != null) {
            body = c.target().startsWith("body:") ? bodyWith(op, c.target().substring(5), c.value())
                    : json(skeleton(op.jsonSchema()));
            headers.put("Content-Type", "application/json");
        } else if (op.csv()) {
            body = "a;b\n1;2";
            headers.put("Content-Type", "text/csv");
        }
        String token = tokens.get(c.account());
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long allocatedBefore = allocated(threads);
        HttpApiHarness.Response r = c.value() instanceof HostileBodies.XlsxBody x
                ? api.call(op.method(), url, token, x.bytes(), XLSX_TYPE)
                : api.call(op.method(), url, token, body, headers);
        long allocation = allocated(threads) - allocatedBefore;
        List<String> problems = new ArrayList<>();
        if (allocation > CALL_ALLOCATION_MAX) {
            problems.add("allocated " + (allocation >> 20) + " MiB");
        }
        boolean fhir = c.value() instanceof HostileBodies.FhirBody;
        if (r.status() >= 500) {
            problems.add("answered " + r.status());
        } else if (r.status() >= 400) {
            String type = fhir ? FHIR_TYPE : "application/problem+json";
            if (!type.equals(r.header("Content-Type"))) {
                problems.add(r.status() + " as " + r.header("Content-Type") + ", not " + type);
            } else if (fhir) {
                problems.addAll(notAnOutcome(r));
            }
            if (r.body() != null && CODE_NAMES.matcher(r.body()).find()) {
                problems.add("names the code");
            }
        }
        problems.addAll(unexpected(c.value(), r));
        Map<String, Set<Map<String, AttributeValue>>> after = snapshot(db);
        baseline.forEach((table, items) -> {
            if (!items.equals(after.get(table))) {
                problems.add("changed " + table + " (" + items.size() + " -> " + after.get(table).size() + " items)");
            }
        });
        if (problems.isEmpty()) {
            return null;
        }
        String shown = r.body() == null ? "" : r.body();
        return c + " -> " + String.join("; ", problems) + ": " + (shown.length() > 300 ? shown.substring(0, 300) : shown);
    }

    /** The thread's allocated bytes so far (what a call inflates shows there), 0 where the JVM does not count. */
    private static long allocated(java.lang.management.ThreadMXBean threads) {
        return threads instanceof com.sun.management.ThreadMXBean counted
                ? counted.getThreadAllocatedBytes(Thread.currentThread().getId()) : 0;
    }

    /** What is wrong with a FHIR error answer: an OperationOutcome of issues with severity, code, diagnostics. */
    private static List<String> notAnOutcome(HttpApiHarness.Response r) {
        if (!(r.json() instanceof Map<?, ?> outcome) || !"OperationOutcome".equals(outcome.get("resourceType"))
                || !(outcome.get("issue") instanceof List<?> issues) || issues.isEmpty()) {
            return List.of("not an OperationOutcome with issues");
        }
        return issues.stream().map(i -> (Map<?, ?>) i)
                .filter(i -> !"error".equals(i.get("severity")) || i.get("code") == null || i.get("diagnostics") == null)
                .map(i -> "an issue without severity error, code or diagnostics: " + i).toList();
    }

    /** A designed FHIR or xlsx body's answer: the status it must get, and (when it says one) where it points. */
    private static List<String> unexpected(Object value, HttpApiHarness.Response r) {
        int status;
        String expect;
        if (value instanceof HostileBodies.FhirBody f) {
            status = f.status();
            expect = f.expect();
        } else if (value instanceof HostileBodies.XlsxBody x) {
            status = x.status();
            expect = x.expect();
        } else {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        if (r.status() != status) {
            problems.add("answered " + r.status() + ", not " + status);
        }
        if (expect != null && (r.body() == null || !r.body().contains(expect))) {
            problems.add("does not say " + expect);
        }
        if (value instanceof HostileBodies.XlsxBody && r.status() == 422 && r.json() instanceof Map<?, ?> problem
                && problem.get("errors") instanceof List<?> errors) {
            errors.stream().map(e -> String.valueOf(((Map<?, ?>) e).get("message")))
                    .filter(m -> !m.startsWith("the file") && !m.contains("sheet '"))
                    .forEach(m -> problems.add("an error naming neither the file nor its sheet: " + m));
        }
        return problems;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Every item of every table: what a refused request must leave as it found it, item by item. */
    public static Map<String, Set<Map<String, AttributeValue>>> snapshot(EmbeddedDynamoDb db) {
        Map<String, Set<Map<String, AttributeValue>>> tables = new TreeMap<>();
        for (String table : db.client().listTables().tableNames()) {
            Set<Map<String, AttributeValue>> items = new HashSet<>();
            db.client().scanPaginator(ScanRequest.builder().tableName(table).build()).items().forEach(items::add);
            tables.put(table, items);
        }
        return tables;
    }
}
