package fr.dispostock.bench;

import fr.dispostock.embedded.EmbeddedDynamoDb;
import fr.dispostock.local.FranceSeed;
import fr.dispostock.local.InProcessDynamoDb;
import fr.dispostock.local.LocalHistory;
import fr.dispostock.platform.declaration.DynamoDeclarationStore;
import fr.dispostock.platform.statestock.DynamoStateStockStore;
import io.micronaut.context.ApplicationContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * How long ./dispostock-local takes to be ready, and how fast the whole-France seed loads.
 * <ol>
 *   <li>the seed's history loaded as the seed loads it (items built by the stores' own mapping,
 *   parallel BatchWriteItem), against the raw BatchWriteItem ceiling: the same items, built
 *   beforehand, written by as many threads with nothing else, on a DynamoDB Local of their own;</li>
 *   <li>a first start with the whole seed (made once: registers, history, copy), then a start on
 *   that data and a --fresh start (the seed copied again), each through ./dispostock-local as a
 *   process, to its "ready" line; the baseline is Maven's own up-to-date build of the platform,
 *   which the launcher used to run at every start.</li>
 * </ol>
 * Usage: bench/local-start [--rounds 3]
 */
public final class LocalStart {
    private static final Pattern READY = Pattern.compile("ready on http://127\\.0\\.0\\.1:\\d+");

    public static void main(String[] args) throws Exception {
        int rounds = args.length == 2 && args[0].equals("--rounds") ? Integer.parseInt(args[1]) : 3;
        Path root = Path.of(System.getProperty("dispostock.root", ".")).toAbsolutePath();
        Path scratch = Files.createTempDirectory(Path.of("/dev/shm"), "local-start-");
        try {
            String loading = loading(scratch);
            String starts = starts(root, rounds);
            BenchmarksFile.writeSection("local-start", loading + "\n" + starts + "\n"
                    + "Measured with `bench/local-start --rounds " + rounds + "` (" + FranceSeed.WRITERS
                    + " writer threads; DynamoDB Local in tmpfs for the loads, as the seed is made).");
        } finally {
            FranceSeed.deleteTree(scratch);
        }
    }

    /** Writer threads tried for the raw ceiling, on a tenth of the items first; the best then writes them all. */
    private static final int[] THREADS = {1, 2, 4, 8};

    /**
     * The history as the seed writes it, and DynamoDB Local's raw BatchWriteItem ceiling for the
     * same items, over HTTP (as every function writes) and in-process (as the seed writes).
     */
    private static String loading(Path scratch) throws Exception {
        List<LocalHistory.SeedPui> puis = LocalHistory.puis("seed/puis.csv");
        List<Map<String, AttributeValue>> declarations = new ArrayList<>();
        List<Map<String, AttributeValue>> stateStock = new ArrayList<>();
        String declarationsTable;
        String stateStockTable;
        double seedSeconds;
        String seedLoad;
        long t0 = System.nanoTime();
        try (InProcessDynamoDb db = InProcessDynamoDb.open(scratch.resolve("seeded.db"));
             ApplicationContext context = db.context()) {
            LocalHistory history = context.getBean(LocalHistory.class);
            LocalHistory.Loaded loaded = history.load(puis, db::putAll);
            seedSeconds = secs(t0);
            seedLoad = load();
            System.out.printf("seed history: %s in %.1f s (load %s)%n", loaded, seedSeconds, seedLoad);
            LocalHistory.Consumption consumption = LocalHistory.Consumption.read();
            List<LocalHistory.SeedItem> items = LocalHistory.items();
            declarationsTable = context.getBean(DynamoDeclarationStore.class).table();
            stateStockTable = context.getBean(DynamoStateStockStore.class).table();
            for (LocalHistory.SeedPui pui : puis) {
                Map<String, List<Map<String, AttributeValue>>> of = history.itemsOf(pui, items, consumption);
                declarations.addAll(of.get(declarationsTable));
                stateStock.addAll(of.get(stateStockTable));
            }
        }
        Map<String, List<Map<String, AttributeValue>>> all = Map.of(declarationsTable, declarations, stateStockTable, stateStock);
        Map<String, List<Map<String, AttributeValue>>> tenth = Map.of(declarationsTable,
                declarations.subList(0, declarations.size() / 10), stateStockTable, stateStock.subList(0, stateStock.size() / 10));
        int total = declarations.size() + stateStock.size();
        Raw http = ceiling("HTTP", scratch, tenth, all, (dir, threads, items) -> {
            try (EmbeddedDynamoDb server = EmbeddedDynamoDb.startPersistent(dir, 0)) {
                server.createTablesFromTemplate();
                DynamoDbClient client = server.client();
                return timed(threads, items, (table, page) -> {
                    Map<String, List<WriteRequest>> pending = Map.of(table, page.stream().map(i -> WriteRequest.builder()
                            .putRequest(PutRequest.builder().item(i).build()).build()).toList());
                    while (!pending.isEmpty()) {
                        Map<String, List<WriteRequest>> batch = pending;
                        pending = client.batchWriteItem(b -> b.requestItems(batch)).unprocessedItems();
                    }
                });
            }
        });
        Raw inProcess = ceiling("in-process", scratch, tenth, all, (dir, threads, items) -> {
            try (InProcessDynamoDb db = InProcessDynamoDb.open(dir.resolve("raw.db"))) {
                return timed(threads, items, db::putAll);
            }
        });
        return String.format("""
                ## Local platform: seed loading and start time

                | what | items | seconds | items/s | vs raw HTTP ceiling |
                |---|---:|---:|---:|---:|
                | raw BatchWriteItem over HTTP, items built beforehand, %d threads (the best of %s on a tenth): DynamoDB Local's ceiling as the functions reach it | %d | %.1f | %.0f | 1.00 |
                | raw BatchWriteItem in-process (DynamoDB Local's own SDK v1 handler, no HTTP), %d threads (best of %s) | %d | %.1f | %.0f | %.2f |
                | the seed's history as it loads (generated, mapped by the stores, in-process BatchWriteItem, %d threads) | %d | %.1f | %.0f | %.2f |

                Load average (1 min) at the end of each: HTTP %s, in-process %s, seed %s.
                """, http.threads, Arrays.toString(THREADS), total, http.seconds, total / http.seconds,
                inProcess.threads, Arrays.toString(THREADS), total, inProcess.seconds, total / inProcess.seconds,
                http.seconds / inProcess.seconds, FranceSeed.WRITERS, total, seedSeconds, total / seedSeconds,
                http.seconds / seedSeconds, http.load, inProcess.load, seedLoad);
    }

    private record Raw(int threads, double seconds, String load) {
    }

    private interface Writes {
        double seconds(Path dir, int threads, Map<String, List<Map<String, AttributeValue>>> items) throws Exception;
    }

    /** The best thread count on a tenth of the items, each on a fresh database, then all the items with it. */
    private static Raw ceiling(String how, Path scratch, Map<String, List<Map<String, AttributeValue>>> tenth,
                               Map<String, List<Map<String, AttributeValue>>> all, Writes writes) throws Exception {
        int best = THREADS[0];
        double bestSeconds = Double.MAX_VALUE;
        for (int threads : THREADS) {
            Path dir = Files.createTempDirectory(scratch, "raw-");
            double seconds = writes.seconds(dir, threads, tenth);
            FranceSeed.deleteTree(dir);
            System.out.printf("raw %s, a tenth, %d threads: %.1f s (load %s)%n", how, threads, seconds, load());
            if (seconds < bestSeconds) {
                bestSeconds = seconds;
                best = threads;
            }
        }
        Path dir = Files.createTempDirectory(scratch, "raw-");
        double seconds = writes.seconds(dir, best, all);
        FranceSeed.deleteTree(dir);
        System.out.printf("raw %s, all, %d threads: %.1f s (load %s)%n", how, best, seconds, load());
        return new Raw(best, seconds, load());
    }

    /** Pages of 25 of every table's items, written by this many threads. */
    private static double timed(int threads, Map<String, List<Map<String, AttributeValue>>> items,
                                BiConsumer<String, List<Map<String, AttributeValue>>> write) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t0 = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            items.forEach((table, list) -> {
                for (int from = 0; from < list.size(); from += 25) {
                    List<Map<String, AttributeValue>> page = list.subList(from, Math.min(list.size(), from + 25));
                    done.add(pool.submit(() -> write.accept(table, page)));
                }
            });
            for (Future<?> f : done) {
                f.get();
            }
            return secs(t0);
        } finally {
            pool.shutdownNow();
        }
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    /** ./dispostock-local to its ready line: first start with the seed, on existing data, --fresh. */
    private static String starts(Path root, int rounds) throws Exception {
        Path data = Files.createTempDirectory("local-start-data");
        try {
            launch(root, data, "--seed", "none"); // unmeasured: builds the platform if a source changed since the last build
            FranceSeed.deleteTree(data);
            double first = launch(root, data);
            double[] existing = new double[rounds];
            double[] fresh = new double[rounds];
            double[] maven = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                maven[r] = mavenUpToDate(root);
                existing[r] = launch(root, data);
                fresh[r] = launch(root, data, "--fresh");
            }
            double base = median(maven);
            return String.format("""
                    | `./dispostock-local` to "ready" | median s | min s | max s | vs Maven's up-to-date build |
                    |---|---:|---:|---:|---:|
                    | Maven's up-to-date build of the platform alone (`process-classes -am`, offline): the baseline | %.1f | %.1f | %.1f | 1.00 |
                    | start on existing data (no build: nothing changed) | %.1f | %.1f | %.1f | %.2f |
                    | `--fresh` (the seed's database copied again) | %.1f | %.1f | %.1f | %.2f |
                    | first start with the whole seed (made once: registers, history, copy) | %.1f | | | %.2f |

                    Load average (1 min) at the "ready" lines: %s.
                    """, base, min(maven), max(maven), median(existing), min(existing), max(existing),
                    median(existing) / base, median(fresh), min(fresh), max(fresh), median(fresh) / base,
                    first, first / base, LOADS);
        } finally {
            FranceSeed.deleteTree(data);
        }
    }

    private static double launch(Path root, Path data, String... more) throws Exception {
        List<String> command = new ArrayList<>(List.of(root.resolve("dispostock-local").toString(), "--port", "0",
                "--data-dir", data.toString()));
        command.addAll(Arrays.asList(more));
        Path out = Files.createTempFile("local-start", ".out");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        try {
            while (!READY.matcher(Files.readString(out)).find()) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("dispostock-local ended: " + Files.readString(out));
                }
                Thread.sleep(50);
            }
            double seconds = secs(t0);
            System.out.printf("%s: ready in %.1f s (load %s)%n", String.join(" ", more), seconds, load());
            LOADS.add(Double.parseDouble(load()));
            return seconds;
        } finally {
            p.destroy(); // SIGTERM: the platform's clean stop
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            Files.delete(out);
        }
    }

    /** The load average (1 min) seen at each "ready". */
    private static final List<Double> LOADS = new ArrayList<>();

    private static double mavenUpToDate(Path root) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(root.resolve("mvnw").toString(), "-q", "-o", "-B", "-DskipTests",
                "process-classes", "-pl", "infrastructure/local", "-am").directory(root.toFile()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("the Maven build failed");
        }
        return secs(t0);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(0);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(0);
    }

    private static double secs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
