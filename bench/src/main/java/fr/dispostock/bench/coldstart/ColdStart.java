package fr.dispostock.bench.coldstart;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import fr.dispostock.embedded.EmbeddedDynamoDb;
import fr.dispostock.embedded.LambdaEvents;
import fr.dispostock.embedded.LocalTokens;
import fr.dispostock.embedded.RegisterFixtures;
import fr.dispostock.platform.dynamo.AuditedWriter;
import fr.dispostock.platform.dynamo.BatchWriter;
import fr.dispostock.platform.register.DynamoRegisterStore;

import java.io.File;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Cold start, side by side in one run: a fresh JVM to the first handled HTTP API event (one
 * DynamoDB read included), for the registers function's Lambda jar and for a framework-less
 * handler with the bare SDK ({@link BareSdkPuiHandler}), rounds interleaved so that the machine's
 * noise hits both alike. Writes its section of BENCHMARKS.md.
 *
 * <p>Each variant is a build of the registers function's Lambda jar (one per lever measured);
 * bench/cold-start builds them. Usage: ColdStart [--rounds 7] label=jar…
 */
public final class ColdStart {
    /** The flags the template gives the functions (JAVA_TOOL_OPTIONS). */
    static final List<String> JVM_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1");

    public static void main(String[] args) throws Exception {
        int rounds = 7;
        Map<String, Path> variants = new java.util.LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--rounds")) {
                rounds = Integer.parseInt(args[++i]);
            } else {
                variants.put(args[i].substring(0, args[i].indexOf('=')), Path.of(args[i].substring(args[i].indexOf('=') + 1)));
            }
        }
        Path root = Path.of(System.getProperty("dispostock.root", ".")).toAbsolutePath();
        Path bench = root.resolve("bench/target");
        try (EmbeddedDynamoDb dynamoDb = EmbeddedDynamoDb.startInMemory()) {
            dynamoDb.createTablesFromTemplate();
            RegisterFixtures.pui(new DynamoRegisterStore(dynamoDb.client(), new AuditedWriter(dynamoDb.client()),
                    new BatchWriter(dynamoDb.client()), "RegistersTable"), "010000024", "010780054", "CH DE FLEYRIAT", "01");
            LocalTokens tokens = LocalTokens.generate();
            APIGatewayV2HTTPEvent event = LambdaEvents.httpApi("GET", "/v1/puis/010000024", Map.of("Authorization",
                    "Bearer " + tokens.token("ph", null, List.of("PHARMACIST"), List.of("010780054"), null)), null);
            Path eventFile = Files.createTempFile("http-api-event", ".json");
            try (OutputStream out = Files.newOutputStream(eventFile)) {
                LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, ColdStart.class.getClassLoader())
                        .toJson(event, out);
            }
            Map<String, String> env = new HashMap<>();
            env.put("AWS_REGION", "eu-west-3");
            env.put("DISPOSTOCK_DYNAMODB_ENDPOINT", dynamoDb.endpoint().toString());
            env.put("DISPOSTOCK_JWT_ISSUER", LocalTokens.ISSUER);
            env.put("DISPOSTOCK_JWT_AUDIENCE", LocalTokens.AUDIENCE);
            env.put("DISPOSTOCK_JWT_JWKS", tokens.publicJwks());

            String runner = bench.resolve("classes") + File.pathSeparator + jars(bench.resolve("runtime-lib"));
            String baseline = runner + File.pathSeparator + jars(bench.resolve("baseline-lib"));
            String handler = "io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction";

            long[] base = new long[rounds];
            Map<String, long[]> times = new java.util.LinkedHashMap<>();
            final int n = rounds;
            variants.keySet().forEach(v -> times.put(v, new long[n]));
            for (int i = 0; i < rounds; i++) {
                base[i] = run(baseline, BareSdkPuiHandler.class.getName(), eventFile, env);
                StringBuilder line = new StringBuilder("round " + (i + 1) + ": baseline " + base[i] + " ms");
                for (Map.Entry<String, Path> v : variants.entrySet()) {
                    times.get(v.getKey())[i] = run(runner + File.pathSeparator + v.getValue(), handler, eventFile, env);
                    line.append(", ").append(v.getKey()).append(' ').append(times.get(v.getKey())[i]).append(" ms");
                }
                System.out.println(line);
            }
            Arrays.sort(base);
            StringBuilder rows = new StringBuilder(String.format(Locale.ROOT,
                    "| framework-less, bare SDK (baseline) | | %d ms | %d ms | %d ms | 1.00 |%n",
                    base[0], base[rounds / 2], base[rounds - 1]));
            for (Map.Entry<String, long[]> t : times.entrySet()) {
                long[] v = t.getValue();
                Arrays.sort(v);
                rows.append(String.format(Locale.ROOT, "| registers function: %s | %.1f MB | %d ms | %d ms | %d ms | **%.2f** |%n",
                        t.getKey(), Files.size(variants.get(t.getKey())) / 1e6, v[0], v[rounds / 2], v[rounds - 1],
                        v[rounds / 2] / (double) base[rounds / 2]));
            }
            String report = String.format(Locale.ROOT, """
                    ## Cold start (registers function)

                    `bench/cold-start --rounds %d`, %s, %d cores, Java %s, JVM flags `%s` (as the template's \
                    JAVA_TOOL_OPTIONS). A fresh JVM per run, to the first handled HTTP API event \
                    (GET /v1/puis/{finessEt}: bearer token verified, one DynamoDB GetItem on DynamoDB Local), the \
                    variants interleaved in each round so that the machine's noise hits them alike. Target: \
                    ≤ 1.5 × the baseline.

                    | handler | Lambda jar | min | median | max | median ÷ baseline |
                    |---|---|---|---|---|---|
                    %s""", rounds, LocalDate.now(), Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"), String.join(" ", JVM_FLAGS), rows);
            System.out.println(report);
            fr.dispostock.bench.BenchmarksFile.writeSection("cold-start", report);
        }
        System.exit(0);
    }

    private static String jars(Path dir) throws java.io.IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(Path::toString).sorted().collect(Collectors.joining(File.pathSeparator));
        }
    }

    private static long run(String classpath, String handler, Path event, Map<String, String> env) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        command.addAll(List.of("-cp", classpath, FirstInvocation.class.getName(), handler, event.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        command.add(Long.toString(System.currentTimeMillis()));
        pb.command(command);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        String result = out.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
                .orElseThrow(() -> new IllegalStateException(handler + " failed:\n" + out));
        String[] f = result.split(" ");
        if (!f[1].equals("200")) {
            throw new IllegalStateException(handler + " answered " + f[1] + ":\n" + out);
        }
        return Long.parseLong(f[2]);
    }
}
