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
import fr.dispostock.platform.dynamo.BatchWriter;
import fr.dispostock.platform.register.DynamoRegisterStore;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Cold start, side by side in one run: a fresh JVM to the first handled HTTP API event (one
 * DynamoDB read included), for builds of the registers function's Lambda jar and for a
 * framework-less handler with the bare SDK ({@link BareSdkPuiHandler}, bench/target/baseline-lambda.jar).
 * The rounds are interleaved (baseline, then each variant, in every round) so that the machine's
 * noise hits them alike. Writes its section of BENCHMARKS.md.
 *
 * <p>Each child JVM gets the same java binary and flags, the function's jar followed by the runner
 * (bench/target/cold-start-runtime: {@link FirstInvocation} and the Lambda runtime's event
 * serializer), the same event file and the same environment; see bench/README.md.
 *
 * <p>Usage: {@code ColdStart [--rounds 7] [--section cold-start] [--command "bench/cold-start"] [--hold] label=jar…}
 */
public final class ColdStart {
    /** The flags the template gives the functions (JAVA_TOOL_OPTIONS), for every child JVM alike. */
    static final List<String> JVM_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1");
    static final String REGISTERS_HANDLER = "io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction";
    static final String PUI = "010000024";

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

    private static void run(String[] args) throws Exception {
        int rounds = 7;
        String section = "cold-start";
        String command = "bench/cold-start";
        boolean hold = false;
        Map<String, Path> variants = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--section" -> section = args[++i];
                case "--command" -> command = args[++i];
                case "--hold" -> hold = true;
                default -> {
                    int eq = args[i].indexOf('=');
                    if (eq < 0) {
                        throw new IllegalArgumentException("expected label=jar, got " + args[i]);
                    }
                    variants.put(args[i].substring(0, eq), Path.of(args[i].substring(eq + 1)).toAbsolutePath());
                }
            }
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("--rounds must be at least 1");
        }
        Path root = Path.of(System.getProperty("dispostock.root", ".")).toAbsolutePath();
        Path target = root.resolve("bench/target");
        Path baselineJar = target.resolve("baseline-lambda.jar");
        String runtime = jars(target.resolve("cold-start-runtime"));
        for (Path jar : concat(baselineJar, variants.values())) {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: run bench/cold-start, which builds it");
            }
        }

        try (EmbeddedDynamoDb dynamoDb = EmbeddedDynamoDb.startInMemory()) {
            dynamoDb.createTablesFromTemplate();
            // the PUI item exactly as the registers function writes it: through its own store
            RegisterFixtures.pui(new DynamoRegisterStore(dynamoDb.client(), new AuditedWriter(dynamoDb.client()),
                    new BatchWriter(dynamoDb.client()), "RegistersTable"), PUI, "010780054", "CH DE FLEYRIAT", "01");
            LocalTokens tokens = LocalTokens.generate();
            // AWS's sample HTTP API event, path and bearer token of the request under test
            APIGatewayV2HTTPEvent event = LambdaEvents.httpApi("GET", "/v1/puis/" + PUI, Map.of("Authorization",
                    "Bearer " + tokens.token("cold-start", null, List.of("PHARMACIST"), List.of("010780054"), null)), null);
            Path eventFile = Files.createTempFile("cold-start-http-api-event", ".json");
            eventFile.toFile().deleteOnExit();
            try (OutputStream out = Files.newOutputStream(eventFile)) {
                LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, ColdStart.class.getClassLoader())
                        .toJson(event, out);
            }
            // what the template gives the function in AWS, pointed at the local DynamoDB and keys;
            // Micronaut reads DISPOSTOCK_X_Y as dispostock.x.y
            Map<String, String> env = new LinkedHashMap<>();
            env.put("AWS_REGION", "eu-west-3");
            env.put("DISPOSTOCK_DYNAMODB_ENDPOINT", dynamoDb.endpoint().toString());
            env.put("DISPOSTOCK_JWT_ISSUER", LocalTokens.ISSUER);
            env.put("DISPOSTOCK_JWT_AUDIENCE", LocalTokens.AUDIENCE);
            env.put("DISPOSTOCK_JWT_JWKS", tokens.publicJwks());

            if (hold) {
                hold(env, eventFile, runtime, baselineJar, variants);
                return;
            }
            long[] base = new long[rounds];
            Map<String, long[]> times = new LinkedHashMap<>();
            for (String v : variants.keySet()) {
                times.put(v, new long[rounds]);
            }
            // one unmeasured run of each first: the OS page cache then holds every jar alike
            run(baselineJar, runtime, BareSdkPuiHandler.class.getName(), eventFile, env);
            for (Path jar : variants.values()) {
                run(jar, runtime, REGISTERS_HANDLER, eventFile, env);
            }
            for (int i = 0; i < rounds; i++) {
                Run b = run(baselineJar, runtime, BareSdkPuiHandler.class.getName(), eventFile, env);
                base[i] = b.millis;
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "round %d/%d: baseline %d ms",
                        i + 1, rounds, b.millis));
                for (Map.Entry<String, Path> v : variants.entrySet()) {
                    Run r = run(v.getValue(), runtime, REGISTERS_HANDLER, eventFile, env);
                    times.get(v.getKey())[i] = r.millis;
                    line.append(String.format(Locale.ROOT, ", %s %d ms (%.2f)", v.getKey(), r.millis,
                            r.millis / (double) b.millis));
                }
                System.out.println(line);
            }
            String report = report(command, rounds, baselineJar, base, variants, times);
            System.out.println();
            System.out.println(report);
            BenchmarksFile.writeSection(section, report);
            System.out.println("(written to " + root.resolve("BENCHMARKS.md") + ", section " + section + ")");
        }
    }

    private static String report(String command, int rounds, Path baselineJar, long[] base, Map<String, Path> variants,
                                 Map<String, long[]> times) throws IOException {
        long baseMedian = median(base);
        StringBuilder rows = new StringBuilder(row("framework-less handler, bare SDK (baseline)", baselineJar, base,
                baseMedian));
        for (Map.Entry<String, long[]> t : times.entrySet()) {
            rows.append(row("registers: " + t.getKey(), variants.get(t.getKey()), t.getValue(), baseMedian));
        }
        return String.format(Locale.ROOT, """
                ## Cold start (registers function)

                `%s --rounds %d`, %s, %d cores (nproc), Java %s (%s), JVM flags `%s` for every child JVM \
                (as the template's JAVA_TOOL_OPTIONS). A fresh JVM per run, timed from the parent's launch of \
                the process to the answer of the first HTTP API event: handler class loaded and built with its \
                no-arg constructor, AWS's sample HTTP API event (JWT authorizer) read by the Lambda runtime's \
                serializer, GET /v1/puis/%s with a bearer token, one DynamoDB GetItem on DynamoDB Local, 200 and \
                the PUI checked. The registers function also verifies the token (RS256, inline JWKS) and routes; \
                the baseline does not. Rounds interleaved, so that the machine's noise hits every variant alike. \
                Target: median ≤ 1.5 × the baseline's.

                | handler | Lambda jar | min | median | max | median ÷ baseline |
                |---|---|---|---|---|---|
                %s""", command, rounds, LocalDate.now(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), System.getProperty("java.vm.name"), String.join(" ", JVM_FLAGS),
                PUI, rows);
    }

    private static String row(String label, Path jar, long[] millis, long baseMedian) throws IOException {
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "| %s | %.1f MB | %d ms | %d ms | %d ms | **%.2f** |%n", label,
                Files.size(jar) / 1e6, sorted[0], median(sorted), sorted[sorted.length - 1],
                median(sorted) / (double) baseMedian);
    }

    static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : Math.round((sorted[n / 2 - 1] + sorted[n / 2]) / 2.0);
    }

    private record Run(long millis, long fromJvmStart, long constructed) {
    }

    private static Run run(Path jar, String runtime, String handler, Path event, Map<String, String> env)
            throws IOException, InterruptedException {
        List<String> command = command(jar, runtime, handler, event);
        long launchedAt = System.currentTimeMillis();
        command.add(Long.toString(launchedAt));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(jar + " did not end within 60 s:\n" + out);
        }
        String result = out.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
                .orElseThrow(() -> new IllegalStateException(jar + " failed (exit " + p.exitValue() + "):\n" + out));
        String[] f = result.split(" ", 6);
        if (!f[1].equals("200") || f.length < 6 || !f[5].contains("\"finessEt\":\"" + PUI + "\"")) {
            throw new IllegalStateException(jar + " did not answer 200 with PUI " + PUI + ":\n" + out);
        }
        return new Run(Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]));
    }

    private static List<String> command(Path jar, String runtime, String handler, Path event) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        command.addAll(List.of("-cp", jar + File.pathSeparator + runtime, FirstInvocation.class.getName(), handler,
                event.toString()));
        return command;
    }

    /** For profiling by hand: prints the environment and commands of the child JVMs, waits for Enter. */
    private static void hold(Map<String, String> env, Path event, String runtime, Path baselineJar,
                             Map<String, Path> variants) throws IOException {
        String exports = env.entrySet().stream().map(e -> "export " + e.getKey() + "='" + e.getValue() + "'")
                .collect(Collectors.joining("\n"));
        System.out.println(exports);
        System.out.println(String.join(" ", command(baselineJar, runtime, BareSdkPuiHandler.class.getName(), event))
                + " $(date +%s%3N)");
        for (Path jar : variants.values()) {
            System.out.println(String.join(" ", command(jar, runtime, REGISTERS_HANDLER, event)) + " $(date +%s%3N)");
        }
        System.out.println("DynamoDB Local is up; press Enter to stop.");
        System.out.flush();
        System.in.read();
    }

    private static List<Path> concat(Path first, java.util.Collection<Path> rest) {
        List<Path> all = new ArrayList<>(List.of(first));
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
