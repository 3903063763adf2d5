package fr.dispostock.bench;

import fr.dispostock.local.FranceSeed;
import fr.dispostock.local.LocalHistory;
import fr.dispostock.local.LocalPlatform;
import fr.dispostock.platform.declaration.DynamoDeclarationStore;
import fr.dispostock.platform.statestock.DynamoStateStockStore;
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

    /** The history as the seed writes it, and the raw ceiling of the same items. */
    private static String loading(Path scratch) throws Exception {
        List<LocalHistory.SeedPui> puis = LocalHistory.puis("seed/puis.csv");
        List<Map<String, AttributeValue>> declarations = new ArrayList<>();
        List<Map<String, AttributeValue>> stateStock = new ArrayList<>();
        String declarationsTable;
        String stateStockTable;
        double seedSeconds;
        long t0 = System.nanoTime();
        try (LocalPlatform platform = LocalPlatform.start(0, scratch.resolve("seeded"), LocalPlatform.Seed.NONE)) {
            LocalHistory history = platform.context().getBean(LocalHistory.class);
            LocalHistory.Loaded loaded = history.load(puis);
            seedSeconds = secs(t0);
            System.out.printf("seed history: %s in %.1f s%n", loaded, seedSeconds);
            LocalHistory.Consumption consumption = LocalHistory.Consumption.read();
            List<LocalHistory.SeedItem> items = LocalHistory.items();
            declarationsTable = platform.context().getBean(DynamoDeclarationStore.class).table();
            stateStockTable = platform.context().getBean(DynamoStateStockStore.class).table();
            for (LocalHistory.SeedPui pui : puis) {
                Map<String, List<Map<String, AttributeValue>>> of = history.itemsOf(pui, items, consumption);
                declarations.addAll(of.get(declarationsTable));
                stateStock.addAll(of.get(stateStockTable));
            }
        }
        int total = declarations.size() + stateStock.size();
        double rawSeconds;
        try (LocalPlatform platform = LocalPlatform.start(0, scratch.resolve("raw"), LocalPlatform.Seed.NONE)) {
            DynamoDbClient client = platform.context().getBean(DynamoDbClient.class);
            long t1 = System.nanoTime();
            rawWrite(client, declarationsTable, declarations);
            rawWrite(client, stateStockTable, stateStock);
            rawSeconds = secs(t1);
        }
        System.out.printf("raw BatchWriteItem: %d items in %.1f s%n", total, rawSeconds);
        return String.format("""
                ## Local platform: seed loading and start time

                | what | items | seconds | items/s | vs raw ceiling |
                |---|---:|---:|---:|---:|
                | the seed's history as it loads (generated, mapped by the stores, parallel BatchWriteItem) | %d | %.1f | %.0f | %.2f |
                | raw BatchWriteItem of the same items, built beforehand (ceiling) | %d | %.1f | %.0f | 1.00 |
                """, total, seedSeconds, total / seedSeconds, rawSeconds / seedSeconds, total, rawSeconds, total / rawSeconds);
    }

    /** Parallel BatchWriteItem of 25, as many threads as the seed, retrying the unprocessed. */
    private static void rawWrite(DynamoDbClient client, String table, List<Map<String, AttributeValue>> items)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(FranceSeed.WRITERS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int from = 0; from < items.size(); from += 25) {
                List<Map<String, AttributeValue>> page = items.subList(from, Math.min(items.size(), from + 25));
                done.add(pool.submit(() -> {
                    Map<String, List<WriteRequest>> pending = Map.of(table, page.stream().map(i -> WriteRequest.builder()
                            .putRequest(PutRequest.builder().item(i).build()).build()).toList());
                    while (!pending.isEmpty()) {
                        Map<String, List<WriteRequest>> batch = pending;
                        pending = client.batchWriteItem(b -> b.requestItems(batch)).unprocessedItems();
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
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
                    """, base, min(maven), max(maven), median(existing), min(existing), max(existing),
                    median(existing) / base, median(fresh), min(fresh), max(fresh), median(fresh) / base,
                    first, first / base);
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
            System.out.printf("%s: ready in %.1f s%n", String.join(" ", more), seconds);
            return seconds;
        } finally {
            p.destroy(); // SIGTERM: the platform's clean stop
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            Files.delete(out);
        }
    }

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
