package fr.dispostock.bench;

import fr.dispostock.domain.Csv;
import fr.dispostock.domain.Dates;
import fr.dispostock.domain.IsoWeek;
import fr.dispostock.domain.Region;
import fr.dispostock.domain.Ucd;
import fr.dispostock.domain.declaration.Declaration;
import fr.dispostock.domain.declaration.DeclarationStore;
import fr.dispostock.domain.register.Medicine;
import fr.dispostock.domain.register.Pui;
import fr.dispostock.domain.register.RegisterStore;
import fr.dispostock.embedded.LocalTokens;
import fr.dispostock.embedded.RegisterFixtures;
import fr.dispostock.local.LocalPlatform;
import fr.dispostock.platform.declaration.DynamoDeclarationStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Monday at the peak: every PUI of France (2,300, real FINESS sites, those of the SAE hospital
 * pharmacy return first) declares 40 lines over HTTP to the local platform, many clients at once.
 * Then it checks that every line is stored exactly once, measures in the same run the ceiling of
 * raw BatchWriteItem calls on the same DynamoDB Local, reports the write cost of a declaration,
 * and times the authorities' reads of the resulting week. Writes its section of BENCHMARKS.md.
 *
 * <p>Usage: bench/monday-peak [--puis 2300] [--lines 40] [--clients 32]
 */
public final class MondayPeak {
    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        int puiCount = Integer.parseInt(opts.getOrDefault("--puis", "2300"));
        int lineCount = Integer.parseInt(opts.getOrDefault("--lines", "40"));
        int clients = Integer.parseInt(opts.getOrDefault("--clients", "32"));
        Path shared = Path.of(System.getProperty("dispostock.root", ".")).toAbsolutePath().resolveSibling("shared")
                .resolve("data");
        Path dataDir = Files.createTempDirectory("monday-peak");
        try (LocalPlatform platform = LocalPlatform.start(0, dataDir, false)) {
            RegisterStore registers = platform.context().getBean(RegisterStore.class);
            LocalTokens tokens = platform.context().getBean(LocalTokens.class);
            long t0 = System.nanoTime();
            List<Pui> puis = registerPuis(registers, shared, puiCount);
            List<String> items = registerItems(registers, shared, lineCount);
            System.out.printf("registers: %d PUIs, %d items in %.1f s%n", puis.size(), items.size(), secs(t0));

            IsoWeek week = IsoWeek.of(LocalDate.now(Dates.PARIS));
            List<String> bodies = new ArrayList<>();
            List<String> bearer = new ArrayList<>();
            Random random = new Random(48);
            for (Pui pui : puis) {
                StringBuilder b = new StringBuilder("{\"lines\":[");
                for (int i = 0; i < items.size(); i++) {
                    b.append(i == 0 ? "" : ",").append("{\"itemId\":\"").append(items.get(i)).append("\",\"stock\":")
                            .append(random.nextInt(5) == 0 ? 0 : random.nextInt(2000))
                            .append(",\"averageDailyConsumption\":").append(random.nextInt(400) / 10.0).append('}');
                }
                bodies.add(b.append("]}").toString());
                bearer.add("Bearer " + tokens.token("ph-" + pui.finessEt(), null, List.of("PHARMACIST"),
                        List.of(pui.finessEj().value()), null));
            }

            // the peak: every PUI declares once, `clients` at a time, over HTTP
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String base = "http://127.0.0.1:" + platform.port();
            ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
            AtomicInteger failures = new AtomicInteger();
            long start = System.nanoTime();
            run(clients, puis.size(), i -> {
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v1/puis/" + puis.get(i).finessEt()
                                + "/declarations/" + week))
                        .header("Authorization", bearer.get(i)).header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(bodies.get(i))).build();
                long s = System.nanoTime();
                try {
                    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200) {
                        failures.incrementAndGet();
                        System.err.println(r.statusCode() + " " + r.body());
                    }
                } catch (IOException | InterruptedException e) {
                    failures.incrementAndGet();
                }
                latencies.add((System.nanoTime() - s) / 1000);
            });
            double appSeconds = secs(start);
            double appLinesPerSecond = puis.size() * (double) items.size() / appSeconds;

            // exactly once: every PUI's week holds its lines, and was written once (no earlier figures)
            DeclarationStore store = platform.context().getBean(DeclarationStore.class);
            Set<String> expected = new HashSet<>();
            puis.forEach(p -> expected.add(p.finessEt().value()));
            long storedLines = 0;
            long duplicated = 0;
            Set<String> declared = new HashSet<>();
            for (Region r : Region.all()) {
                for (Declaration d : store.ofRegion(r, week)) {
                    declared.add(d.finessEt().value());
                    storedLines += d.lines().size();
                    duplicated += d.history().size();
                }
            }
            long lostLines = (long) puis.size() * items.size() - storedLines;
            expected.removeAll(declared);

            // the ceiling: raw BatchWriteItem of the same number of lines, one item per line
            DynamoDbClient dynamoDb = platform.context().getBean(DynamoDbClient.class);
            long rawStart = System.nanoTime();
            int batches = (puis.size() * items.size() + 24) / 25;
            run(clients, batches, b -> {
                List<WriteRequest> page = new ArrayList<>();
                for (int k = 0; k < 25; k++) {
                    int line = b * 25 + k;
                    if (line >= puis.size() * items.size()) {
                        break;
                    }
                    page.add(WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of(
                            "pk", AttributeValue.fromS("RAW#" + week + "#" + puis.get(line / items.size()).finessEt()),
                            "sk", AttributeValue.fromS(items.get(line % items.size())),
                            "stock", AttributeValue.fromN("123"),
                            "cmj", AttributeValue.fromN("4.5"))).build()).build());
                }
                Map<String, List<WriteRequest>> pending = Map.of("DeclarationsTable", page);
                while (!pending.isEmpty()) {
                    Map<String, List<WriteRequest>> batch = pending;
                    pending = dynamoDb.batchWriteItem(w -> w.requestItems(batch)).unprocessedItems();
                }
            });
            double rawSeconds = secs(rawStart);
            double rawLinesPerSecond = puis.size() * (double) items.size() / rawSeconds;

            DynamoDeclarationStore.WriteCost cost = ((DynamoDeclarationStore) store).writeCost();

            // the authorities' reads of that Monday
            String national = "Bearer " + tokens.token("dgs", null, List.of("NATIONAL"), List.of(), null);
            Region biggest = Region.all().stream().max((a, b) -> Long.compare(
                    puis.stream().filter(p -> p.region().equals(a)).count(),
                    puis.stream().filter(p -> p.region().equals(b)).count())).orElseThrow();
            long biggestCount = puis.stream().filter(p -> p.region().equals(biggest)).count();
            Map<String, String> reads = new LinkedHashMap<>();
            reads.put("completeness, region " + biggest.code() + " (" + biggestCount + " PUIs)",
                    "/v1/declarations/completeness?week=" + week + "&region=" + biggest.code());
            reads.put("completeness, France (" + puis.size() + " PUIs)", "/v1/declarations/completeness?week=" + week);
            reads.put("overview by PUI, region " + biggest.code() + ", with 8-week trend",
                    "/v1/stock/overview?itemId=" + items.get(0) + "&week=" + week + "&region=" + biggest.code());
            reads.put("overview by region, France, with 8-week trend",
                    "/v1/stock/overview?itemId=" + items.get(0) + "&week=" + week);
            Map<String, String> readTimes = new LinkedHashMap<>();
            for (Map.Entry<String, String> read : reads.entrySet()) {
                long[] ms = new long[5];
                for (int i = 0; i < ms.length; i++) {
                    long s = System.nanoTime();
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + read.getValue()))
                            .header("Authorization", national).build(), HttpResponse.BodyHandlers.ofString());
                    ms[i] = (System.nanoTime() - s) / 1_000_000;
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException(read.getValue() + " -> " + r.statusCode() + " " + r.body());
                    }
                }
                Arrays.sort(ms);
                readTimes.put(read.getKey(), ms[2] + " ms (min " + ms[0] + ", max " + ms[4] + ")");
            }

            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            String report = String.format(Locale.ROOT, """
                    ## Monday peak (weekly declarations)

                    `bench/monday-peak --puis %d --lines %d --clients %d`, %s, %d cores, %s. The local platform \
                    (one JVM: Netty, the functions, DynamoDB Local on disk) is loaded over HTTP; the load \
                    generator runs in the same JVM.

                    | measure | value |
                    |---|---|
                    | declarations (PUIs × lines) | %d × %d = %d lines |
                    | HTTP failures | %d |
                    | lines lost / PUIs missing / declarations written twice | %d / %d / %d |
                    | app throughput | %.0f declarations/s, %.0f lines/s (%.1f s) |
                    | latency of a declaration p50 / p95 / p99 / max | %s / %s / %s / %s ms |
                    | raw BatchWriteItem ceiling, same DynamoDB Local, one item per line | %.0f lines/s (%.1f s) |
                    | **app ÷ raw ceiling** (target ≥ 0.7) | **%.2f** |
                    | write cost: capacity units consumed per declaration (DynamoDB Local's count) | %.2f WCU for %d bytes on average |
                    | write cost: per declared line | %.4f WCU |
                    | **consumed ÷ minimum for the bytes written** (one WCU per started KB; target ≤ 1.1) | **%.2f** |

                    Reads of that week (median of 5, over HTTP):

                    | read | time |
                    |---|---|
                    %s
                    """,
                    puis.size(), items.size(), clients, OffsetDateTime.now().toLocalDate(),
                    Runtime.getRuntime().availableProcessors(), "Java " + System.getProperty("java.version"),
                    puis.size(), items.size(), (long) puis.size() * items.size(), failures.get(),
                    lostLines, expected.size(), duplicated,
                    puis.size() / appSeconds, appLinesPerSecond, appSeconds,
                    BenchmarksFile.percentile(sorted, 50), BenchmarksFile.percentile(sorted, 95),
                    BenchmarksFile.percentile(sorted, 99), BenchmarksFile.percentile(sorted, 100),
                    rawLinesPerSecond, rawSeconds, appLinesPerSecond / rawLinesPerSecond,
                    cost.capacityUnits() / Math.max(1, cost.writes()), cost.bytes() / Math.max(1, cost.writes()),
                    cost.capacityUnits() / Math.max(1, cost.writes() * (double) items.size()),
                    cost.capacityUnits() / Math.max(1, cost.minimumCapacityUnits()),
                    String.join("\n", readTimes.entrySet().stream().map(e -> "| " + e.getKey() + " | " + e.getValue() + " |").toList()));
            System.out.println(report);
            BenchmarksFile.writeSection("monday-peak", report);
            if (failures.get() > 0 || lostLines != 0 || duplicated != 0 || !expected.isEmpty()) {
                System.err.println("NOT EXACTLY ONCE: see above");
                System.exit(1);
            }
        }
        System.exit(0);
    }

    /** The PUIs: FINESS sites that filed the SAE hospital-pharmacy return, then other sites, up to count. */
    static List<Pui> registerPuis(RegisterStore registers, Path shared, int count) throws IOException {
        Set<String> pharmacies = new HashSet<>();
        for (Csv.Row row : csv(shared.resolve("finess/sae-2022-pharma.csv"), Charset.forName("ISO-8859-1")).rows()) {
            pharmacies.add(row.get("fi"));
        }
        List<Csv.Row> rows = new ArrayList<>(csv(shared.resolve("finess/finess-health-establishments-2021-01.csv"),
                StandardCharsets.UTF_8).rows());
        rows.sort((a, b) -> Boolean.compare(!pharmacies.contains(a.get("nofinesset")), !pharmacies.contains(b.get("nofinesset"))));
        List<Pui> puis = new ArrayList<>();
        for (Csv.Row row : rows.subList(0, Math.min(count, rows.size()))) {
            puis.add(RegisterFixtures.pui(registers, row.get("nofinesset"), row.get("nofinessej"), row.get("rs"),
                    row.get("code_departement")));
        }
        return puis;
    }

    /** National items made of the first marketed UCD codes of the CNAM file. */
    static List<String> registerItems(RegisterStore registers, Path shared, int count) throws IOException {
        List<String> ids = new ArrayList<>();
        for (String line : Files.readAllLines(shared.resolve("medicines/ucd-tot-00491.tsv"))) {
            String[] f = line.split("\t", -1);
            if (ids.size() == count || !"D".equals(f[11])) {
                continue;
            }
            String id = "ucd-" + f[0];
            registers.save(null, new Medicine(id, f[8], List.of(Ucd.parse(f[0])),
                    new Medicine.Priority(Medicine.Level.NATIONAL, List.of()), LocalDate.parse("2026-01-05"), null, 0),
                    "bench");
            ids.add(id);
        }
        return ids;
    }

    private static Csv csv(Path file, Charset charset) throws IOException {
        return Csv.parse(Files.readString(file, charset));
    }

    private static void run(int threads, int tasks, IntConsumer task) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                for (int i = next.getAndIncrement(); i < tasks; i = next.getAndIncrement()) {
                    task.accept(i);
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(30, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the load did not finish within 30 minutes");
        }
    }

    private static double secs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i], args[i + 1]);
        }
        return o;
    }
}
