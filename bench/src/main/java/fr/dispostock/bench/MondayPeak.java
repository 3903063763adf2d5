package fr.dispostock.bench;

import fr.dispostock.domain.Csv;
import fr.dispostock.domain.Dates;
import fr.dispostock.domain.HistoryPage;
import fr.dispostock.domain.IsoWeek;
import fr.dispostock.domain.Region;
import fr.dispostock.domain.Ucd;
import fr.dispostock.domain.declaration.Declaration;
import fr.dispostock.domain.declaration.DeclarationStore;
import fr.dispostock.domain.declaration.Line;
import fr.dispostock.domain.declaration.Revision;
import fr.dispostock.domain.register.Medicine;
import fr.dispostock.domain.register.Pui;
import fr.dispostock.domain.register.RegisterStore;
import fr.dispostock.embedded.LocalTokens;
import fr.dispostock.embedded.RegisterFixtures;
import fr.dispostock.embedded.WriteCost;
import fr.dispostock.local.LocalPlatform;
import fr.dispostock.platform.declaration.DeclarationItems;
import fr.dispostock.platform.dynamo.RevisionWriter;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Monday at the peak: every PUI of France (2,300, real FINESS sites, those of the SAE hospital
 * pharmacy return first) declares 40 lines over HTTP to the local platform, many clients at once;
 * then every PUI corrects its week {@code --corrections} times (hospital software re-sending its
 * figures). It checks that every declaration and every correction is stored exactly once (the
 * current figures are the last ones, the history holds every earlier one, in order), measures in
 * the same run the ceiling of raw writes of the same items as the app writes them (the same
 * DynamoDB operations on the same DynamoDB Local, without HTTP, token or registers reads), reports
 * the write cost of a declaration and of a correction against the least their bytes can cost, and
 * times the authorities' reads of the resulting week. Writes its section of BENCHMARKS.md.
 *
 * <p>Usage: bench/monday-peak [--puis 2300] [--lines 40] [--clients 32] [--corrections 20]
 */
public final class MondayPeak {
    private static final String TABLE = "DeclarationsTable";

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        int puiCount = Integer.parseInt(opts.getOrDefault("--puis", "2300"));
        int lineCount = Integer.parseInt(opts.getOrDefault("--lines", "40"));
        int clients = Integer.parseInt(opts.getOrDefault("--clients", "32"));
        int corrections = Integer.parseInt(opts.getOrDefault("--corrections", "20"));
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
            Figures figures = new Figures(puis.size(), items, new Random(48));
            List<String> bearer = new ArrayList<>();
            for (Pui pui : puis) {
                bearer.add("Bearer " + tokens.token("ph-" + pui.finessEt(), null, List.of("PHARMACIST"),
                        List.of(pui.finessEj().value()), null));
            }
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String base = "http://127.0.0.1:" + platform.port();
            DeclarationStore store = platform.context().getBean(DeclarationStore.class);
            RevisionWriter writer = platform.context().getBean(RevisionWriter.class);

            // unmeasured: every PUI declares the week before, so that the request path is compiled (JIT) when measured
            Load warmUp = new Load();
            run(clients, puis.size(), i -> warmUp.put(http, base + "/v1/puis/" + puis.get(i).finessEt()
                    + "/declarations/" + week.previous(), bearer.get(i), figures.json(i, 0)));
            WriteCost warmUpCost = DeclarationsWriteCost.total();

            // the peak: every PUI declares once, `clients` at a time, over HTTP
            Load declarations = new Load();
            run(clients, puis.size(), i -> declarations.put(http, base + "/v1/puis/" + puis.get(i).finessEt()
                    + "/declarations/" + week, bearer.get(i), figures.json(i, 0)));
            WriteCost declarationCost = DeclarationsWriteCost.total().minus(warmUpCost);

            // the re-sends: every PUI corrects its week `corrections` times, one after the other
            Load resent = new Load();
            run(clients, puis.size(), i -> {
                for (int round = 1; round <= corrections; round++) {
                    resent.put(http, base + "/v1/puis/" + puis.get(i).finessEt() + "/declarations/" + week,
                            bearer.get(i), figures.json(i, round));
                }
            });
            WriteCost correctionCost = DeclarationsWriteCost.total().minus(declarationCost).minus(warmUpCost);

            // exactly once: each week holds the last figures, and its history every earlier one, newest first
            long lost = 0;
            long missingPuis = 0;
            for (int i = 0; i < puis.size(); i++) {
                Pui p = puis.get(i);
                int index = i;
                Optional<Declaration> d = store.find(p.region(), week, p.finessEt());
                if (d.isEmpty()) {
                    missingPuis++;
                    lost += corrections + 1;
                    continue;
                }
                List<Integer> stored = new ArrayList<>(List.of(figures.round(i, d.get().current())));
                for (OptionalInt before = OptionalInt.empty(); ; ) {
                    HistoryPage<Revision> page = store.history(p.region(), week, p.finessEt(),
                            new HistoryPage.Request(HistoryPage.MAX_LIMIT, before)).orElseThrow();
                    page.revisions().forEach(r -> stored.add(figures.round(index, r)));
                    if ((before = page.next()).isEmpty()) {
                        break;
                    }
                }
                for (int round = corrections; round >= 0; round--) {
                    lost += stored.remove((Integer) round) ? 0 : 1;
                }
                lost += stored.size(); // anything else is a revision written twice or garbled
            }

            // the ceiling: the same items written as the app writes them, straight to DynamoDB Local
            Load rawDeclarations = new Load();
            run(clients, puis.size(), i -> rawDeclarations.timed(() -> writer.write(TABLE,
                    raw(DeclarationItems.itemOf(figures.declaration(i, puis.get(i), week, 0))), null, 0, x -> List.of())));
            Load rawCorrections = new Load();
            run(clients, puis.size(), i -> {
                for (int round = 1; round <= corrections; round++) {
                    Declaration previous = figures.declaration(i, puis.get(i), week, round - 1);
                    Declaration next = figures.declaration(i, puis.get(i), week, round);
                    rawCorrections.timed(() -> writer.write(TABLE, raw(DeclarationItems.itemOf(next)),
                            raw(DeclarationItems.revisionItemOf(week, previous.finessEt(), previous.revision(),
                                    previous.current())), previous.revision(), x -> List.of()));
                }
            });

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

            long correctionCount = (long) puis.size() * corrections;
            String report = String.format(Locale.ROOT, """
                    ## Monday peak (weekly declarations)

                    `bench/monday-peak --puis %d --lines %d --clients %d --corrections %d`, %s, %d cores, %s. The \
                    local platform (one JVM: Netty, the functions, DynamoDB Local on disk) is loaded over HTTP; the \
                    load generator runs in the same JVM. The ceiling writes the same items as the app, with the same \
                    DynamoDB operation (a conditional PutItem for a declaration, a transaction of the new figures and \
                    the revision they replace for a correction), from the same number of clients, without HTTP, \
                    token or registers reads. Before measuring, every PUI declares the week before (unmeasured), \
                    so that the request path is compiled. "app ÷ raw ceiling" is the share of the DynamoDB write rate the \
                    whole request path keeps (before issue 16 the ceiling wrote one item per line, which the app \
                    never does, and its 0.7 target compared unlike things).

                    | measure | declarations | corrections |
                    |---|---|---|
                    | writes (PUIs × times) | %d × 1 = %d | %d × %d = %d |
                    | failures: HTTP (raw ceiling) | %d (%d) | %d (%d) |
                    | **lost** (figures not stored exactly once, PUIs missing) | **%d**, %d PUIs missing | (counted with declarations) |
                    | app throughput | %.0f /s (%.1f s) | %.0f /s (%.1f s) |
                    | latency p50 / p95 / p99 / max | %s / %s / %s / %s ms | %s / %s / %s / %s ms |
                    | raw ceiling, same items, same operations | %.0f /s (%.1f s) | %.0f /s (%.1f s) |
                    | **app ÷ raw ceiling** | **%.2f** | **%.2f** |
                    | write capacity consumed per write (DynamoDB Local's count) | %.2f WCU for %d bytes | %.2f WCU for %d bytes (two items) |
                    | **consumed ÷ minimum for the bytes written** (target ≤ 1.1) | **%.2f** (1 WCU per started KB) | **%.2f** (2 WCU per started KB of each item, as transactions are billed) |
                    | the same bytes as plain PutItems would cost | %d WCU | %.2f WCU per correction: atomicity doubles it |

                    Reads of that week after the corrections (median of 5, over HTTP):

                    | read | time |
                    |---|---|
                    %s
                    """,
                    puis.size(), items.size(), clients, corrections, OffsetDateTime.now().toLocalDate(),
                    Runtime.getRuntime().availableProcessors(), "Java " + System.getProperty("java.version"),
                    puis.size(), puis.size(), puis.size(), corrections, correctionCount,
                    declarations.failures.get(), rawDeclarations.failures.get(), resent.failures.get(),
                    rawCorrections.failures.get(), lost, missingPuis,
                    puis.size() / declarations.seconds(), declarations.seconds(),
                    correctionCount / resent.seconds(), resent.seconds(),
                    declarations.percentile(50), declarations.percentile(95), declarations.percentile(99),
                    declarations.percentile(100), resent.percentile(50), resent.percentile(95), resent.percentile(99),
                    resent.percentile(100),
                    puis.size() / rawDeclarations.seconds(), rawDeclarations.seconds(),
                    correctionCount / rawCorrections.seconds(), rawCorrections.seconds(),
                    rawDeclarations.seconds() / declarations.seconds(), rawCorrections.seconds() / resent.seconds(),
                    perWrite(declarationCost.capacityUnits(), declarationCost), declarationCost.bytes() / Math.max(1, declarationCost.writes()),
                    perWrite(correctionCost.capacityUnits(), correctionCost), correctionCost.bytes() / Math.max(1, correctionCost.writes()),
                    declarationCost.capacityUnits() / Math.max(1, declarationCost.minimumCapacityUnits()),
                    correctionCost.capacityUnits() / Math.max(1, correctionCost.minimumCapacityUnits()),
                    declarationCost.minimumCapacityUnits() / Math.max(1, declarationCost.writes()),
                    perWrite(correctionCost.minimumCapacityUnits() / 2.0, correctionCost),
                    String.join("\n", readTimes.entrySet().stream().map(e -> "| " + e.getKey() + " | " + e.getValue() + " |").toList()));
            System.out.println(report);
            BenchmarksFile.writeSection("monday-peak", report);
            if (warmUp.failures.get() + declarations.failures.get() + resent.failures.get() + rawDeclarations.failures.get()
                    + rawCorrections.failures.get() > 0 || lost != 0) {
                System.err.println("NOT EXACTLY ONCE: see above");
                System.exit(1);
            }
        }
        System.exit(0);
    }

    private static double perWrite(double units, WriteCost cost) {
        return units / Math.max(1, cost.writes());
    }

    /** An item of the app moved to partitions of its own, for the ceiling (RAW#…: the same bytes, give or take 4). */
    private static Map<String, AttributeValue> raw(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> copy = new HashMap<>(item);
        copy.put("pk", AttributeValue.fromS("RAW#" + item.get("pk").s()));
        return copy;
    }

    /**
     * Each PUI's figures: round 0 is its declaration, round r its r-th correction; a line's stock is
     * its base plus the round, so that the stored figures tell which round they are.
     */
    private record Figures(int[][] stock, String[][] cmj, List<String> items) {
        Figures(int puis, List<String> items, Random random) {
            this(new int[puis][items.size()], new String[puis][items.size()], items);
            for (int p = 0; p < puis; p++) {
                for (int i = 0; i < items.size(); i++) {
                    stock[p][i] = random.nextInt(5) == 0 ? 0 : random.nextInt(2000);
                    cmj[p][i] = Double.toString(random.nextInt(400) / 10.0);
                }
            }
        }

        String json(int pui, int round) {
            StringBuilder b = new StringBuilder("{\"lines\":[");
            for (int i = 0; i < items.size(); i++) {
                b.append(i == 0 ? "" : ",").append("{\"itemId\":\"").append(items.get(i)).append("\",\"stock\":")
                        .append(stock[pui][i] + round).append(",\"averageDailyConsumption\":").append(cmj[pui][i]).append('}');
            }
            return b.append("]}").toString();
        }

        /** The round a PUI's stored figures come from, or -1 when they are none of its rounds. */
        int round(int pui, Revision r) {
            if (r.lines().size() != items.size()) {
                return -1;
            }
            long shift = r.lines().get(0).stock() - stock[pui][items.indexOf(r.lines().get(0).itemId())];
            return r.lines().stream().allMatch(l -> l.stock() - stock[pui][items.indexOf(l.itemId())] == shift
                    && l.averageDailyConsumption().compareTo(new BigDecimal(cmj[pui][items.indexOf(l.itemId())])) == 0)
                    ? (int) shift : -1;
        }

        /** The declaration as the app stores it after the given round (for the raw ceiling). */
        Declaration declaration(int pui, Pui p, IsoWeek week, int round) {
            List<Line> lines = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                lines.add(new Line(items.get(i), stock[pui][i] + round, new BigDecimal(cmj[pui][i]).stripTrailingZeros()));
            }
            lines.sort(Comparator.comparing(Line::itemId));
            return new Declaration(p.finessEt(), p.finessEj(), p.region(), p.departement(), week,
                    new Revision(Instant.now(), "ph-" + p.finessEt(), false, lines), round, false);
        }
    }

    /** The requests or writes of one phase: failures, latencies, and the time from its start to its last answer. */
    private static final class Load {
        final AtomicInteger failures = new AtomicInteger();
        private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        private final long start = System.nanoTime();
        private final AtomicLong end = new AtomicLong(start);

        void put(HttpClient http, String url, String bearer, String body) {
            timed(() -> {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url))
                            .header("Authorization", bearer).header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                    return r.statusCode() == 200 || fail(r.statusCode() + " " + r.body());
                } catch (IOException | InterruptedException e) {
                    return fail(e.toString());
                }
            });
        }

        /** Times one write; a write that answers false or empty failed. */
        void timed(Supplier<Object> write) {
            long s = System.nanoTime();
            Object done = write.get();
            if (Boolean.FALSE.equals(done) || Optional.empty().equals(done)) {
                failures.incrementAndGet();
            }
            long now = System.nanoTime();
            latencies.add((now - s) / 1000);
            end.accumulateAndGet(now, Math::max);
        }

        private static boolean fail(String why) {
            System.err.println(why);
            return false;
        }

        double seconds() {
            return (end.get() - start) / 1e9;
        }

        String percentile(double p) {
            return BenchmarksFile.percentile(latencies.stream().mapToLong(Long::longValue).sorted().toArray(), p);
        }
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
            registers.save(null, new Medicine(id, f[8], List.of(Ucd.parse(f[0])), List.of(),
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
