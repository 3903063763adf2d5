package fr.dispostock.bench.coldstart;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import fr.dispostock.bench.BenchmarksFile;
import fr.dispostock.bench.coldstart.runtime.FirstInvocation;
import fr.dispostock.embedded.EmbeddedDynamoDb;
import fr.dispostock.embedded.LambdaEvents;
import fr.dispostock.embedded.LocalTokens;
import fr.dispostock.embedded.RegisterFixtures;
import fr.dispostock.platform.dynamo.AuditedWriter;
import fr.dispostock.platform.dynamo.BatchCalls;
import fr.dispostock.platform.dynamo.Tables;
import fr.dispostock.platform.register.DynamoRegisterStore;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Cold start, side by side in one run: a fresh JVM to the first handled HTTP API event (one
 * DynamoDB read included), for builds of the registers function's Lambda jar (one per lever) and
 * for a framework-less handler with the bare SDK ({@link BareSdkPuiHandler},
 * bench/target/baseline-lambda.jar). The rounds are interleaved (baseline, then each variant, in
 * every round) so that the machine's noise hits them alike. Writes its section of BENCHMARKS.md.
 *
 * <p>Each child JVM gets the same java binary and flags (the template's JAVA_TOOL_OPTIONS), the
 * same event file and environment, and a classpath of the function's code followed by the runner
 * (bench/target/cold-start-runtime: {@link FirstInvocation} and the Lambda runtime's event
 * serializer). The function's code is its Lambda jar extracted into a directory, as Lambda extracts
 * a deployment package into /var/task (or, with --as-jar, the jar itself).
 *
 * <p>Usage: {@code ColdStart [--rounds 7] [--as-jar] [--no-write] [--section cold-start]
 * [--deployed label] [--hold] label=jar[@handler]…}; the first variant is the one the others are
 * compared with ("vs first"); without @handler, the registers function's Handler in template.yaml.
 */
public final class ColdStart {
    /** The flags the template gives the functions, when template.yaml does not say. */
    static final String DEFAULT_JVM_FLAGS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";
    static final String DEFAULT_HANDLER = "fr.dispostock.platform.lambda.HttpApiFunction";
    static final String REGISTERS_JAR = "functions/registers/target/registers-lambda.jar";
    static final String PUI = "010000024";
    /** What the answer about the PUI holds, whichever route gave it. */
    static final String PUI_ANSWER = "\"finessEt\":\"" + PUI + "\"";
    static final double TARGET = 1.5;

    private ColdStart() {
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

    /** One function build to measure: its Lambda jar, the handler class Lambda would be told, its classpath. */
    private record Variant(String label, Path jar, String handler, String classpath) {
    }

    private static void run(String[] args) throws Exception {
        int rounds = 7;
        String section = "cold-start";
        String deployed = null;
        boolean hold = false;
        boolean write = true;
        boolean asJar = false;
        String path = "/v1/puis/" + PUI;
        String expect = PUI_ANSWER;
        List<String> specs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--section" -> section = args[++i];
                case "--deployed" -> deployed = args[++i];
                case "--hold" -> hold = true;
                case "--no-write" -> write = false;
                case "--as-jar" -> asJar = true;
                // another route of the PUI for the functions' rows (the baseline keeps its GET of the PUI),
                // and what its answer's body must hold
                case "--path" -> path = args[++i];
                case "--expect" -> expect = args[++i];
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
        Path root = Path.of(System.getProperty("dispostock.root", ".")).toAbsolutePath();
        Path target = root.resolve("bench/target");
        String template = Files.readString(root.resolve("template.yaml"));
        List<String> jvmFlags = List.of(templateValue(template, "JAVA_TOOL_OPTIONS", DEFAULT_JVM_FLAGS).split("\\s+"));
        String templateHandler = registersHandler(template);
        String runtime = jars(target.resolve("cold-start-runtime"));

        // the function's code as Lambda sees it: the jar extracted into a directory (/var/task)
        Path extracted = target.resolve("cold-start/task");
        deleteTree(extracted);
        Map<Path, String> codeOf = new LinkedHashMap<>();
        Variant baseline = variant("framework-less handler, bare SDK (baseline)",
                target.resolve("baseline-lambda.jar"), BareSdkPuiHandler.class.getName(), asJar, extracted, codeOf, runtime);
        List<Variant> variants = new ArrayList<>();
        for (String spec : specs) {
            int eq = spec.indexOf('=');
            String jarAndHandler = spec.substring(eq + 1);
            int at = jarAndHandler.lastIndexOf('@');
            variants.add(variant(spec.substring(0, eq), Path.of(at < 0 ? jarAndHandler : jarAndHandler.substring(0, at)),
                    at < 0 ? templateHandler : jarAndHandler.substring(at + 1), asJar, extracted, codeOf, runtime));
        }
        if (variants.isEmpty()) {
            variants.add(variant("as built in " + REGISTERS_JAR, root.resolve(REGISTERS_JAR), templateHandler, asJar,
                    extracted, codeOf, runtime));
        }

        try (EmbeddedDynamoDb dynamoDb = EmbeddedDynamoDb.startInMemory()) {
            dynamoDb.createTablesFromTemplate();
            // the PUI item exactly as the registers function writes it: through its own store
            RegisterFixtures.pui(new DynamoRegisterStore(dynamoDb.client(), new AuditedWriter(dynamoDb.client()),
                    new BatchCalls(dynamoDb.client()), new Tables("RegistersTable", null, null, null, null)), PUI, "010780054", "CH DE FLEYRIAT", "01");
            LocalTokens tokens = LocalTokens.generate();
            // AWS's sample HTTP API event, with the path and bearer token of the request under test
            String token = tokens.token("cold-start", null, List.of("PHARMACIST"), List.of("010780054"), null);
            Path baselineEvent = eventFile("/v1/puis/" + PUI, token);
            Path eventFile = eventFile(path, token);
            // what the template gives the function in AWS, pointed at the local DynamoDB and keys;
            // Micronaut reads DISPOSTOCK_X_Y as dispostock.x.y
            Map<String, String> env = new LinkedHashMap<>();
            env.put("AWS_REGION", "eu-west-3");
            env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand"); // a cold start, no snapshot
            env.put("DISPOSTOCK_DYNAMODB_ENDPOINT", dynamoDb.endpoint().toString());
            env.put("DISPOSTOCK_JWT_ISSUER", LocalTokens.ISSUER);
            env.put("DISPOSTOCK_JWT_AUDIENCE", LocalTokens.AUDIENCE);
            env.put("DISPOSTOCK_JWT_JWKS", tokens.publicJwks());

            if (hold) {
                hold(env, eventFile, jvmFlags, baseline, variants);
                return;
            }
            System.out.printf(Locale.ROOT, "JVM flags %s; %s; %d rounds%n", String.join(" ", jvmFlags),
                    asJar ? "jars on the classpath" : "jars extracted as in /var/task", rounds);
            // one unmeasured run of each first: it checks the answer, and the OS then caches every file alike
            run(baseline, baselineEvent, PUI_ANSWER, env, jvmFlags);
            for (Variant v : variants) {
                run(v, eventFile, expect, env, jvmFlags);
            }
            long[] base = new long[rounds];
            Map<Variant, long[]> times = new LinkedHashMap<>();
            for (Variant v : variants) {
                times.put(v, new long[rounds]);
            }
            for (int i = 0; i < rounds; i++) {
                base[i] = run(baseline, baselineEvent, PUI_ANSWER, env, jvmFlags);
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "round %d/%d: baseline %d ms",
                        i + 1, rounds, base[i]));
                for (Variant v : variants) {
                    long ms = run(v, eventFile, expect, env, jvmFlags);
                    times.get(v)[i] = ms;
                    line.append(String.format(Locale.ROOT, " | %s %d ms (%.2f)", v.label(), ms, ms / (double) base[i]));
                }
                System.out.println(line);
            }
            String report = report(rounds, asJar, jvmFlags, baseline, base, times, deployed);
            System.out.println();
            System.out.println(report);
            if (write) {
                BenchmarksFile.writeSection(section, report);
                System.out.println("(written to " + root.resolve("BENCHMARKS.md") + ", section " + section + ")");
            }
        }
    }

    private static Variant variant(String label, Path jar, String handler, boolean asJar, Path extracted,
                                   Map<Path, String> codeOf, String runtime) throws IOException {
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
        return new Variant(label, absolute, handler, code + File.pathSeparator + runtime);
    }

    private static String report(int rounds, boolean asJar, List<String> jvmFlags, Variant baseline, long[] base,
                                 Map<Variant, long[]> times, String deployed) throws IOException {
        long baseMedian = median(base);
        StringBuilder rows = new StringBuilder(row(baseline, base, baseMedian, null));
        Long firstMedian = null;
        String verdict = "";
        for (Map.Entry<Variant, long[]> t : times.entrySet()) {
            rows.append(row(t.getKey(), t.getValue(), baseMedian, firstMedian));
            long median = median(t.getValue());
            if (firstMedian == null) {
                firstMedian = median;
            }
            if (t.getKey().label().equals(deployed)) {
                double ratio = median / (double) baseMedian;
                verdict = String.format(Locale.ROOT, "%n**As deployed: %.2f × the baseline (median %d ms against %d ms); "
                        + "target ≤ %.1f ×: %s.** What each lever is, which were kept and why, and where the rest "
                        + "of the time goes: bench/README.md.%n", ratio, median, baseMedian, TARGET, ratio <= TARGET
                        ? "reached" : String.format(Locale.ROOT, "not reached, %d ms over",
                        median - Math.round(TARGET * baseMedian)));
            }
        }
        return String.format(Locale.ROOT, """
                ## Cold start (registers function)

                `bench/cold-start --rounds %d%s`, %s, %d cores (nproc), Java %s (%s), JVM flags `%s` for every \
                child JVM (the template's JAVA_TOOL_OPTIONS). A fresh JVM per run, timed from the parent's launch \
                of the process to the answer of the first HTTP API event: handler class loaded and built with its \
                no-arg constructor, AWS's sample HTTP API event (JWT authorizer) read and the answer written as \
                the Lambda runtime does (with the function's CustomPojoSerializer where it names one, else the \
                runtime's own serializer), GET /v1/puis/%s with a bearer token, \
                AWS_LAMBDA_INITIALIZATION_TYPE=on-demand, one DynamoDB GetItem on DynamoDB Local, 200 (read from \
                the answer's JSON) and the PUI checked. The function's code is %s. The registers function also verifies the token \
                (RS256, inline JWKS), routes and writes JSON; the baseline does not. Rounds interleaved, so that \
                the machine's noise hits every row alike. Each row is a build of the registers function's Lambda \
                jar and a handler, adding one lever to the row above it (bench/README.md); "vs first" is its \
                median minus the first row's.

                | handler / lever | Lambda jar | min | median | max | median ÷ baseline | vs first |
                |---|---|---|---|---|---|---|
                %s%s""", rounds, asJar ? " --as-jar" : "", LocalDate.now(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), System.getProperty("java.vm.name"), String.join(" ", jvmFlags),
                PUI, asJar ? "its Lambda jar on the classpath" : "its Lambda jar extracted into a directory, as Lambda "
                        + "extracts a deployment package into /var/task", rows, verdict);
    }

    private static String row(Variant v, long[] millis, long baseMedian, Long firstMedian) throws IOException {
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        long median = median(sorted);
        String vsFirst = firstMedian == null ? (v.handler().equals(BareSdkPuiHandler.class.getName()) ? "" : "reference")
                : String.format(Locale.ROOT, "%+d ms", median - firstMedian);
        return String.format(Locale.ROOT, "| %s | %.1f MB | %d ms | %d ms | %d ms | **%.2f** | %s |%n", v.label(),
                Files.size(v.jar()) / 1e6, sorted[0], median, sorted[sorted.length - 1], median / (double) baseMedian,
                vsFirst);
    }

    static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : Math.round((sorted[n / 2 - 1] + sorted[n / 2]) / 2.0);
    }

    /** Runs one fresh JVM; returns the milliseconds from its launch to the answer, after checking the answer. */
    /** AWS's sample HTTP API event with this path and bearer token, as a file the child JVMs read. */
    private static Path eventFile(String path, String token) throws IOException {
        APIGatewayV2HTTPEvent event = LambdaEvents.httpApi("GET", path, Map.of("Authorization", "Bearer " + token), null);
        Path file = Files.createTempFile("cold-start-http-api-event", ".json");
        file.toFile().deleteOnExit();
        try (OutputStream out = Files.newOutputStream(file)) {
            LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, ColdStart.class.getClassLoader())
                    .toJson(event, out);
        }
        return file;
    }

    /** @param expect what the answer's body holds (the JSON, or the base64 of a file) */
    private static long run(Variant v, Path event, String expect, Map<String, String> env, List<String> jvmFlags)
            throws IOException, InterruptedException {
        List<String> command = command(v, event, jvmFlags);
        long launchedAt = System.currentTimeMillis();
        command.add(Long.toString(launchedAt));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(v.label() + " did not end within 60 s:\n" + out);
        }
        String result = out.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
                .orElseThrow(() -> new IllegalStateException(v.label() + " failed (exit " + p.exitValue() + "):\n" + out));
        String[] f = result.split(" ", 6);
        if (!f[1].equals("200") || f.length < 6 || !f[5].contains(expect)) {
            throw new IllegalStateException(v.label() + " did not answer 200 with " + expect + ":\n" + out);
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
    private static void hold(Map<String, String> env, Path event, List<String> jvmFlags, Variant baseline,
                             List<Variant> variants) throws IOException {
        System.out.println(env.entrySet().stream().map(e -> "export " + e.getKey() + "='" + e.getValue() + "'")
                .collect(Collectors.joining("\n")));
        for (Variant v : concat(baseline, variants)) {
            System.out.println("# " + v.label() + "\n" + String.join(" ", command(v, event, jvmFlags)) + " $(date +%s%3N)");
        }
        System.out.println("DynamoDB Local is up; press Enter to stop.");
        System.out.flush();
        System.in.read();
    }

    /** The value of {@code key: value} in template.yaml (its first occurrence), or the default. */
    static String templateValue(String template, String key, String otherwise) {
        Matcher m = Pattern.compile("(?m)^\\s*" + Pattern.quote(key) + ":\\s*(\\S.*?)\\s*$").matcher(template);
        return m.find() ? m.group(1) : otherwise;
    }

    /** The Handler of the function whose CodeUri is the registers Lambda jar. */
    static String registersHandler(String template) {
        Matcher m = Pattern.compile("(?m)^\\s*CodeUri:\\s*" + Pattern.quote(REGISTERS_JAR) + "\\s*\\n\\s*Handler:\\s*(\\S+)")
                .matcher(template);
        return m.find() ? m.group(1) : DEFAULT_HANDLER;
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
