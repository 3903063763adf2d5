package fr.dispostock.bench.coldstart;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import fr.dispostock.bench.BenchmarksFile;
import fr.dispostock.bench.coldstart.runtime.FirstInvocation;
import fr.dispostock.embedded.EmbeddedDynamoDb;
import fr.dispostock.embedded.LambdaEvents;
import fr.dispostock.embedded.LocalTokens;
import fr.dispostock.embedded.RegisterFixtures;
import fr.dispostock.embedded.Workbooks;
import fr.dispostock.domain.IsoWeek;
import fr.dispostock.domain.Ucd;
import fr.dispostock.platform.fhir.Fhir;

import fr.dispostock.platform.dynamo.AuditedWriter;
import fr.dispostock.platform.dynamo.BatchCalls;
import fr.dispostock.platform.dynamo.Tables;
import fr.dispostock.platform.register.DynamoRegisterStore;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Cold start, side by side in one run: a fresh JVM to the first handled event (one DynamoDB read
 * included) for every function of template.yaml, or for builds of one function's Lambda jar (one per
 * lever, or before/after a change), and for a framework-less handler with the bare SDK
 * ({@link BareSdkPuiHandler}, bench/target/baseline-lambda.jar). The rounds are interleaved (baseline,
 * then each variant, in every round) so that the machine's noise hits them alike; each row gives the
 * ratio of its median to the baseline's and the median of its ratios round by round (each run against
 * the baseline of its own round: robust when the machine's speed drifts during a run). Writes its
 * section of BENCHMARKS.md.
 *
 * <p>Each child JVM gets the same java binary and flags (the template's JAVA_TOOL_OPTIONS), the
 * environment its template entry gives the function (tables by their logical ids, the keys inline, the
 * local DynamoDB), and a classpath of the function's code followed by the runner
 * (bench/target/cold-start-runtime: {@link FirstInvocation} and the Lambda runtime's event
 * serializer). The function's code is its Lambda jar extracted into a directory, as Lambda extracts
 * a deployment package into /var/task (or, with --as-jar, the jar itself).
 *
 * <p>Usage: {@code ColdStart [--rounds 7] [--as-jar] [--no-write] [--jars dir] [--section name]
 * [--function name] [--deployed label] [--hold] [label=jar[@handler]…]}. Without label=jar, every
 * function of {@link #FUNCTIONS}, its jar {@code <dir>/<module>.jar} (--jars) or the module's
 * target/<module>-lambda.jar; with them, those builds of one function (--function, registers unless
 * said), the first the others are compared with ("vs first"), without @handler the function's Handler
 * in template.yaml; with both --jars and label=jar, every function and those builds as more rows.
 */
public final class ColdStart {
    /** The flags the template gives the functions, when template.yaml does not say. */
    static final String DEFAULT_JVM_FLAGS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";
    static final String PUI = "010000024";
    static final String PUI_EJ = "010780054";
    static final String WEEK = "2026-W49";
    /** The issue's target for every function (issue 12): the median of the per-round ratios. */
    static final double TARGET = 1.2;

    /**
     * One function of template.yaml as the benchmark invokes it: its module (CodeUri), the first
     * event of a cold start (an HTTP API request with a caller's token, or a plain JSON input), and
     * what its answer must hold.
     *
     * @param input the class the handler takes (the HTTP API event, or a plain JSON object)
     */
    record Function(String name, String module, Class<?> input, String what, EventOf event, String answerHolds) {
        boolean http() {
            return input == APIGatewayV2HTTPEvent.class;
        }
    }

    /** The event's JSON, given the run's signing keys. */
    interface EventOf {
        String json(LocalTokens tokens) throws IOException;
    }

    /** The first request of each function: a read of what a cold start meets first, one DynamoDB call or two. */
    static final List<Function> FUNCTIONS = List.of(
            httpGet("registers", "registers", "/v1/puis/" + PUI, "a pharmacist's PUI (GetItem)", "PHARMACIST",
                    "\"finessEt\":\"" + PUI + "\""),
            httpGet("declarations", "declarations", "/v1/puis/" + PUI + "/declarations/" + WEEK + "/expected",
                    "a pharmacist's lines to declare (the PUI, last week's declaration, the medicines)", "PHARMACIST",
                    "\"items\":"),
            httpGet("state stock", "state-stock", "/v1/state-stock/products", "the State stock's catalogue (Query)",
                    "PHARMACIST", "["),
            new Function("reminders", "reminders", Map.class,
                    "the weekly schedule's input (the run fixed once, then found made)",
                    tokens -> "{\"kind\":\"weekly-declaration\",\"scheduledTime\":\"2026-11-23T07:00:00Z\"}",
                    "\"kind\":\"weekly-declaration\""),
            httpGet("campaigns", "campaigns", "/v1/campaigns", "the national operator's latest campaigns (Query)",
                    "NATIONAL", "["),
            httpGet("insights", "insights", "/v1/puis/" + PUI + "/insights?week=" + WEEK,
                    "a pharmacist's PUI's items assessed that week (the PUI, a Query)", "PHARMACIST", "["));

    static final String DECLARATION = "/v1/puis/" + PUI + "/declarations/" + WEEK;
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /**
     * The declarations function's first request in each format (--formats), after its first JSON one (the
     * row of {@link #FUNCTIONS}): the same figures each time, so that after the unmeasured first run each
     * PUT is a retry (the PUI, the registers and the week read, nothing written).
     */
    static final List<Function> FORMATS = List.of(function("declarations"),
            httpPut("declarations, JSON PUT", DECLARATION, "application/json",
                    "{\"lines\":[{\"itemId\":\"cisplatine\",\"stock\":12,\"averageDailyConsumption\":1.5}]}".getBytes(
                            StandardCharsets.UTF_8), "a pharmacist's week, one line, in JSON", "\"lines\":["),
            httpPut("declarations, xlsx upload", DECLARATION + "/spreadsheet", XLSX, filledTemplate(),
                    "the same line, the week's template filled (fastexcel, commons-compress)", "\"lines\":["),
            httpPut("declarations, FHIR PUT", DECLARATION, "application/fhir+json", inventoryReport().getBytes(
                    StandardCharsets.UTF_8), "the same line from hospital software, an R5 InventoryReport",
                    "\"resourceType\":\"InventoryReport\""));

    private ColdStart() {
    }

    private static Function httpGet(String name, String module, String path, String what, String role, String holds) {
        return new Function(name, module, APIGatewayV2HTTPEvent.class, "GET " + path + ": " + what, tokens -> {
            APIGatewayV2HTTPEvent event = LambdaEvents.httpApi("GET", path, Map.of("Authorization", "Bearer "
                    + tokens.token("cold-start", null, List.of(role), List.of(PUI_EJ), null)), null);
            ByteArrayOutputStream json = new ByteArrayOutputStream();
            LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, ColdStart.class.getClassLoader())
                    .toJson(event, json);
            return json.toString(StandardCharsets.UTF_8);
        }, holds);
    }

    /** A PUT of the declarations function with this body (binary media base64-encoded, as API Gateway sends it). */
    private static Function httpPut(String name, String path, String type, byte[] body, String what, String holds) {
        boolean binary = type.equals(XLSX);
        return new Function(name, "declarations", APIGatewayV2HTTPEvent.class, "PUT " + path + ": " + what, tokens -> {
            String bearer = type.contains("fhir") ? tokens.clientToken("cold-start-software", List.of(PUI_EJ),
                    java.time.Instant.now().plus(java.time.Duration.ofHours(2)))
                    : tokens.token("cold-start", null, List.of("PHARMACIST"), List.of(PUI_EJ), null);
            APIGatewayV2HTTPEvent event = LambdaEvents.httpApi("PUT", path, Map.of("Authorization", "Bearer " + bearer,
                    "Content-Type", type), binary ? java.util.Base64.getEncoder().encodeToString(body)
                    : new String(body, StandardCharsets.UTF_8));
            event.setIsBase64Encoded(binary);
            ByteArrayOutputStream json = new ByteArrayOutputStream();
            LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, ColdStart.class.getClassLoader())
                    .toJson(event, json);
            return json.toString(StandardCharsets.UTF_8);
        }, holds);
    }

    /** The week's template as the function writes it, the item's two cells filled. */
    private static byte[] filledTemplate() {
        return Workbooks.of("Déclaration", List.of(List.of("finessEt", PUI), List.of("week", WEEK), List.of(),
                List.of("itemId", "Codes UCD", "Libellé", "Stock la semaine d’avant", "Consommation la semaine d’avant",
                        "stock", "averageDailyConsumption"),
                List.of("cisplatine", Ucd.parse("9019840").ucd13(), "cisplatine", 10, 1, 12, new java.math.BigDecimal("1.5"))));
    }

    private static String inventoryReport() {
        return "{\"resourceType\":\"InventoryReport\",\"status\":\"active\",\"countType\":\"snapshot\","
                + "\"reportedDateTime\":\"" + IsoWeek.parse(WEEK).monday() + "T09:00:00+01:00\",\"inventoryListing\":[{"
                + "\"item\":[{\"extension\":[{\"url\":\"" + Fhir.CONSUMPTION_EXTENSION + "\",\"valueDecimal\":1.5}],"
                + "\"quantity\":{\"value\":12},\"item\":{\"concept\":{\"coding\":[{\"system\":\"" + Fhir.ITEM_SYSTEM
                + "\",\"code\":\"cisplatine\"}]}}}]}]}";
    }

    public static void main(String[] args) {
        int status = 1;
        try {
            run(args);
            status = 0;
        } catch (Exception e) {
            e.printStackTrace();
        } finally {
            System.exit(status); // DynamoDB Local leaves non-daemon threads behind
        }
    }

    /**
     * One build to measure: its Lambda jar, the handler class Lambda would be told, its classpath, the
     * function whose event it answers and the environment its template entry gives it.
     */
    private record Variant(String label, Path jar, String handler, String classpath, Function function,
                           Map<String, String> env) {
    }

    private static void run(String[] args) throws Exception {
        int rounds = 7;
        String section = null;
        String deployed = null;
        String functionName = "registers";
        Path jarsDir = null;
        boolean hold = false;
        boolean write = true;
        boolean asJar = false;
        boolean formats = false;
        List<String> specs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--section" -> section = args[++i];
                case "--deployed" -> deployed = args[++i];
                case "--function" -> functionName = args[++i];
                case "--jars" -> jarsDir = Path.of(args[++i]);
                case "--hold" -> hold = true;
                case "--no-write" -> write = false;
                case "--as-jar" -> asJar = true;
                case "--formats" -> formats = true;
                default -> {
                    if (args[i].startsWith("--") || !args[i].contains("=")) {
                        throw new IllegalArgumentException("unknown option or not label=jar[@handler]: " + args[i]);
                    }
                    specs.add(args[i]);
                }
            }
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("--rounds must be at least 1");
        }
        // every function, and with --jars the given builds of --function as more rows (before/after a change)
        boolean everyFunction = !formats && (specs.isEmpty() || jarsDir != null);
        if (section == null) {
            section = formats ? "cold-start-formats" : everyFunction ? "cold-start" : "cold-start-levers";
        }
        Path root = Path.of(System.getProperty("dispostock.root", ".")).toAbsolutePath();
        Path target = root.resolve("bench/target");
        FunctionTemplate template = FunctionTemplate.load(root.resolve("template.yaml"));
        List<String> jvmFlags = List.of(template.jvmFlags(DEFAULT_JVM_FLAGS).split("\\s+"));
        String runtime = jars(target.resolve("cold-start-runtime"));

        // the function's code as Lambda sees it: the jar extracted into a directory (/var/task)
        Path extracted = target.resolve("cold-start/task");
        deleteTree(extracted);
        Map<Path, String> codeOf = new LinkedHashMap<>();
        Function registers = function("registers");
        Variant baseline = variant("framework-less handler, bare SDK (baseline)", target.resolve("baseline-lambda.jar"),
                BareSdkPuiHandler.class.getName(), registers, Map.of(), asJar, extracted, codeOf, runtime);
        List<Variant> variants = new ArrayList<>();
        if (everyFunction || formats) {
            for (Function f : formats ? FORMATS : FUNCTIONS) {
                Path jar = jarsDir != null ? jarsDir.resolve(f.module() + ".jar")
                        : root.resolve("functions/" + f.module() + "/target/" + f.module() + "-lambda.jar");
                variants.add(variant(f.name(), jar, template.handler(f.module()), f, template.environment(f.module()),
                        asJar, extracted, codeOf, runtime));
            }
        }
        if (!specs.isEmpty()) {
            Function f = function(functionName);
            for (String spec : specs) {
                int eq = spec.indexOf('=');
                String jarAndHandler = spec.substring(eq + 1);
                int at = jarAndHandler.lastIndexOf('@');
                variants.add(variant(spec.substring(0, eq), Path.of(at < 0 ? jarAndHandler : jarAndHandler.substring(0, at)),
                        at < 0 ? template.handler(f.module()) : jarAndHandler.substring(at + 1), f,
                        template.environment(f.module()), asJar, extracted, codeOf, runtime));
            }
        }

        try (EmbeddedDynamoDb dynamoDb = EmbeddedDynamoDb.startInMemory()) {
            dynamoDb.createTablesFromTemplate();
            // the PUI item exactly as the registers function writes it: through its own store
            DynamoRegisterStore registerStore = new DynamoRegisterStore(dynamoDb.client(), new AuditedWriter(dynamoDb.client()),
                    new BatchCalls(dynamoDb.client()), new Tables("RegistersTable", null, null, null, null));
            RegisterFixtures.pui(registerStore, PUI, PUI_EJ, "CH DE FLEYRIAT", "01");
            if (formats) { // an item to declare
                RegisterFixtures.item(registerStore, "cisplatine", "9019840", List.of());
            }
            LocalTokens tokens = LocalTokens.generate();
            Map<Function, Path> events = new LinkedHashMap<>();
            for (Variant v : concat(baseline, variants)) {
                if (!events.containsKey(v.function())) {
                    Path file = Files.createTempFile("cold-start-" + v.function().module() + "-event", ".json");
                    file.toFile().deleteOnExit();
                    Files.writeString(file, v.function().event().json(tokens));
                    events.put(v.function(), file);
                }
            }
            // what every template entry gives its function in AWS, pointed at the local DynamoDB and
            // keys; Micronaut reads DISPOSTOCK_X_Y as dispostock.x.y
            Map<String, String> env = new LinkedHashMap<>();
            env.put("AWS_REGION", "eu-west-3");
            env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand"); // a cold start, no snapshot
            env.put("DISPOSTOCK_DYNAMODB_ENDPOINT", dynamoDb.endpoint().toString());
            env.put("DISPOSTOCK_JWT_ISSUER", LocalTokens.ISSUER);
            env.put("DISPOSTOCK_JWT_AUDIENCE", LocalTokens.AUDIENCE);
            env.put("DISPOSTOCK_JWT_JWKS", tokens.publicJwks());

            if (hold) {
                hold(env, events, jvmFlags, baseline, variants);
                return;
            }
            System.out.printf(Locale.ROOT, "JVM flags %s; %s; %d rounds%n", String.join(" ", jvmFlags),
                    asJar ? "jars on the classpath" : "jars extracted as in /var/task", rounds);
            // one unmeasured run of each first: it checks the answer, and the OS then caches every file alike
            for (Variant v : concat(baseline, variants)) {
                run(v, events, env, jvmFlags);
            }
            long[] base = new long[rounds];
            Map<Variant, long[]> times = new LinkedHashMap<>();
            for (Variant v : variants) {
                times.put(v, new long[rounds]);
            }
            for (int i = 0; i < rounds; i++) {
                base[i] = run(baseline, events, env, jvmFlags);
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "round %d/%d: baseline %d ms",
                        i + 1, rounds, base[i]));
                for (Variant v : variants) {
                    long ms = run(v, events, env, jvmFlags);
                    times.get(v)[i] = ms;
                    line.append(String.format(Locale.ROOT, " | %s %d ms (%.2f)", v.label(), ms, ms / (double) base[i]));
                }
                System.out.println(line);
            }
            String report = formats ? formatsReport(rounds, asJar, jvmFlags, baseline, base, times)
                    : everyFunction ? functionsReport(rounds, asJar, jvmFlags, baseline, base, times)
                    : leversReport(rounds, asJar, jvmFlags, variants.get(0).function(), baseline, base, times, deployed);
            System.out.println();
            System.out.println(report);
            if (write) {
                BenchmarksFile.writeSection(section, report);
                System.out.println("(written to " + root.resolve("BENCHMARKS.md") + ", section " + section + ")");
            }
        }
    }

    static Function function(String name) {
        return Stream.concat(FUNCTIONS.stream(), FORMATS == null ? Stream.empty() : FORMATS.stream()).filter(f -> f.name().equals(name) || f.module().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no function " + name + "; known: "
                        + FUNCTIONS.stream().map(Function::module).toList()));
    }

    private static Variant variant(String label, Path jar, String handler, Function function, Map<String, String> env,
                                   boolean asJar, Path extracted, Map<Path, String> codeOf, String runtime)
            throws IOException {
        Path absolute = jar.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute)) {
            throw new IllegalStateException(absolute + " is missing: run bench/cold-start, which builds it");
        }
        String code = codeOf.get(absolute);
        if (code == null) {
            code = asJar ? absolute.toString() : extract(absolute, extracted.resolve(codeOf.size() + "-"
                    + absolute.getFileName().toString().replace(".jar", ""))).toString();
            codeOf.put(absolute, code);
        }
        return new Variant(label, absolute, handler, code + File.pathSeparator + runtime, function, env);
    }

    private static String method(int rounds, boolean asJar, List<String> jvmFlags) {
        return String.format(Locale.ROOT, "%d rounds%s, %s, %d cores (nproc), Java %s (%s), JVM flags `%s` for "
                        + "every child JVM (the template's JAVA_TOOL_OPTIONS). A fresh JVM per run, timed from the "
                        + "parent's launch of the process to the answer of the first event: handler class loaded and "
                        + "built with its no-arg constructor, the event read and the answer written as the Lambda "
                        + "runtime does (with the function's CustomPojoSerializer where it names one, else the "
                        + "runtime's own serializer), AWS_LAMBDA_INITIALIZATION_TYPE=on-demand, DynamoDB Local, the "
                        + "answer checked. The function's code is %s, its environment its template entry's (tables "
                        + "by logical id, keys inline). The baseline answers GET /v1/puis/%s with one GetItem and "
                        + "verifies nothing; the functions verify the token (RS256), route and write JSON. Rounds "
                        + "interleaved, so that the machine's noise hits every row alike; \"round ratio\" is the "
                        + "median of each run's time divided by the baseline's of the same round.",
                rounds, asJar ? " (--as-jar)" : "", LocalDate.now(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), System.getProperty("java.vm.name"), String.join(" ", jvmFlags),
                asJar ? "its Lambda jar on the classpath" : "its Lambda jar extracted into a directory, as Lambda "
                        + "extracts a deployment package into /var/task", PUI);
    }

    private static String functionsReport(int rounds, boolean asJar, List<String> jvmFlags, Variant baseline,
                                          long[] base, Map<Variant, long[]> times) throws IOException {
        StringBuilder rows = new StringBuilder(row(baseline, base, base, "the same as registers', bare SDK", null));
        List<String> above = new ArrayList<>();
        for (Map.Entry<Variant, long[]> t : times.entrySet()) {
            Variant v = t.getKey();
            rows.append(row(v, t.getValue(), base, v.function().what(), null));
            if (roundRatio(t.getValue(), base) > TARGET) {
                above.add(String.format(Locale.ROOT, "%s %.2f ×", v.label(), roundRatio(t.getValue(), base)));
            }
        }
        return String.format(Locale.ROOT, """
                ## Cold start, every function (as deployed)

                `bench/cold-start`: %s Every function is its Lambda jar as infrastructure/deploy/build-lambda-jars \
                builds it (Micronaut AOT, functions/aot-jar.properties), started with the handler its template entry \
                names.

                | function | first event | Lambda jar | min | median | max | median ÷ baseline's | round ratio (median) |
                |---|---|---|---|---|---|---|---|
                %s
                **Target ≤ %.1f × (round ratio): %s.** What keeps a function above it and what was tried: the section after this one.
                """, method(rounds, asJar, jvmFlags), rows, TARGET,
                above.isEmpty() ? "every function" : "above it: " + String.join(", ", above));
    }

    /** The declarations function's first request in each format, against its first JSON request, same rounds. */
    private static String formatsReport(int rounds, boolean asJar, List<String> jvmFlags, Variant baseline, long[] base,
                                        Map<Variant, long[]> times) throws IOException {
        StringBuilder rows = new StringBuilder(row(baseline, base, base, "the same as registers', bare SDK", ""));
        long[] firstJson = times.values().iterator().next();
        for (Map.Entry<Variant, long[]> t : times.entrySet()) {
            long[] diff = new long[rounds];
            for (int i = 0; i < rounds; i++) {
                diff[i] = t.getValue()[i] - firstJson[i];
            }
            rows.append(row(t.getKey(), t.getValue(), base, t.getKey().function().what(), t.getValue() == firstJson
                    ? "reference" : String.format(Locale.ROOT, "%+d ms", median(diff))));
        }
        return String.format(Locale.ROOT, """
                ## Cold start, the declarations function's first xlsx and FHIR requests

                `bench/cold-start --formats`: %s The declarations function's Lambda jar as \
                infrastructure/deploy/build-lambda-jars builds it; one row per first request (a fresh JVM each), the \
                first its first JSON request of section cold-start. The PUTs carry the same figures: after the \
                unmeasured first run, each is a retry (the PUI, the registers and the week read, nothing written). \
                "vs first JSON request" is the median, round by round, of its time minus that row's.

                | first request | what | Lambda jar | min | median | max | median ÷ baseline's | round ratio (median) | vs first JSON request |
                |---|---|---|---|---|---|---|---|---|
                %s""", method(rounds, asJar, jvmFlags), rows);
    }

    private static String leversReport(int rounds, boolean asJar, List<String> jvmFlags, Function function,
                                       Variant baseline, long[] base, Map<Variant, long[]> times, String deployed)
            throws IOException {
        StringBuilder rows = new StringBuilder(row(baseline, base, base, null, ""));
        Long firstMedian = null;
        String verdict = "";
        for (Map.Entry<Variant, long[]> t : times.entrySet()) {
            long median = median(t.getValue());
            rows.append(row(t.getKey(), t.getValue(), base, null, firstMedian == null ? "reference"
                    : String.format(Locale.ROOT, "%+d ms", median - firstMedian)));
            if (firstMedian == null) {
                firstMedian = median;
            }
            if (t.getKey().label().equals(deployed)) {
                double ratio = roundRatio(t.getValue(), base);
                verdict = String.format(Locale.ROOT, "%n**As deployed: %.2f × the baseline (median of the round "
                        + "ratios; medians %d ms against %d ms); target ≤ %.1f ×: %s.**%n", ratio, median, median(base),
                        TARGET, ratio <= TARGET ? "reached" : "not reached");
            }
        }
        return String.format(Locale.ROOT, """
                ## Cold start, builds of the %s function side by side

                `bench/cold-start`: %s The %s function answers %s. Each row is a build of its Lambda jar and a \
                handler (bench/README.md); "vs first" is its median minus the first row's.

                | build / handler | Lambda jar | min | median | max | median ÷ baseline's | round ratio (median) | vs first |
                |---|---|---|---|---|---|---|---|
                %s%s""", function.name(), method(rounds, asJar, jvmFlags), function.name(), function.what(), rows,
                verdict);
    }

    /** A table row: label, [what], jar size, min, median, max, ratio of medians, median of round ratios, [after]. */
    private static String row(Variant v, long[] millis, long[] base, String what, String after) throws IOException {
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "| %s |%s %.1f MB | %d ms | %d ms | %d ms | **%.2f** | **%.2f** |%s%n",
                v.label(), what == null ? "" : " " + what + " |", Files.size(v.jar()) / 1e6, sorted[0], median(sorted),
                sorted[sorted.length - 1], median(sorted) / (double) median(base), roundRatio(millis, base),
                after == null ? "" : " " + after + " |");
    }

    static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : Math.round((sorted[n / 2 - 1] + sorted[n / 2]) / 2.0);
    }

    /** The median of the runs' times each divided by the baseline's of the same round. */
    static double roundRatio(long[] millis, long[] base) {
        double[] ratios = new double[millis.length];
        for (int i = 0; i < millis.length; i++) {
            ratios[i] = millis[i] / (double) base[i];
        }
        Arrays.sort(ratios);
        int n = ratios.length;
        return n % 2 == 1 ? ratios[n / 2] : (ratios[n / 2 - 1] + ratios[n / 2]) / 2;
    }

    /** Runs one fresh JVM; returns the milliseconds from its launch to the answer, after checking the answer. */
    private static long run(Variant v, Map<Function, Path> events, Map<String, String> env, List<String> jvmFlags)
            throws IOException, InterruptedException {
        List<String> command = command(v, events.get(v.function()), jvmFlags);
        long launchedAt = System.currentTimeMillis();
        command.add(Long.toString(launchedAt));
        command.add(v.function().input().getName());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().putAll(v.env());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(v.label() + " did not end within 60 s:\n" + out);
        }
        String result = out.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
                .orElseThrow(() -> new IllegalStateException(v.label() + " failed (exit " + p.exitValue() + "):\n" + out));
        String[] f = result.split(" ", 6);
        String status = v.function().http() ? "200" : "-";
        if (!f[1].equals(status) || f.length < 6 || !f[5].contains(v.function().answerHolds())) {
            throw new IllegalStateException(v.label() + " did not answer " + status + " with "
                    + v.function().answerHolds() + ":\n" + out);
        }
        return Long.parseLong(f[2]);
    }

    private static List<String> command(Variant v, Path event, List<String> jvmFlags) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", v.classpath(), FirstInvocation.class.getName(), v.handler(), event.toString()));
        return command;
    }

    /** For profiling by hand: prints the environment and commands of the child JVMs, waits for Enter. */
    private static void hold(Map<String, String> env, Map<Function, Path> events, List<String> jvmFlags,
                             Variant baseline, List<Variant> variants) throws IOException {
        System.out.println(env.entrySet().stream().map(e -> "export " + e.getKey() + "='" + e.getValue() + "'")
                .collect(Collectors.joining("\n")));
        for (Variant v : concat(baseline, variants)) {
            System.out.println("# " + v.label() + "\n" + v.env().entrySet().stream().map(e -> e.getKey() + "='"
                    + e.getValue() + "' ").collect(Collectors.joining()) + String.join(" ", command(v,
                    events.get(v.function()), jvmFlags)) + " $(date +%s%3N) " + v.function().input().getName());
        }
        System.out.println("DynamoDB Local is up; press Enter to stop.");
        System.out.flush();
        System.in.read();
    }

    private static Path extract(Path jar, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(jar))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                Path to = dir.resolve(e.getName()).normalize();
                if (!to.startsWith(dir)) {
                    throw new IOException("entry outside the directory: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(to);
                } else {
                    Files.createDirectories(to.getParent());
                    Files.copy(zip, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return dir;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
    }

    private static List<Variant> concat(Variant first, List<Variant> rest) {
        List<Variant> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    private static String jars(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(dir + " is missing: run bench/cold-start, which builds it");
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".jar")).map(Path::toString).sorted()
                    .collect(Collectors.joining(File.pathSeparator));
        }
    }
}
