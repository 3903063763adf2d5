package fr.dispostock.bench;

import fr.dispostock.local.FranceSeed;
import fr.dispostock.local.InProcessDynamoDb;
import fr.dispostock.local.LocalHistory;
import io.micronaut.context.ApplicationContext;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long ./dispostock-local takes to be ready, against the targets (start on existing data
 * at most 10 s, first start with the whole seed at most 2 minutes), each against a baseline
 * measured in the same run:
 * <ol>
 *   <li>the first start, which makes the whole-France seed (registers and history loaded at once
 *   into two DynamoDB Local files, merged), against DynamoDB Local's raw BatchWriteItem ceiling:
 *   the history's items (the bulk of the seed), built beforehand, written in-process with nothing
 *   else, by the best of a few thread counts;</li>
 *   <li>a start on that data and a --fresh start (the database made once, copied), each through
 *   ./dispostock-local as a process, to its "ready" line, against Maven's own up-to-date build of
 *   the platform, which the launcher used to run at every start.</li>
 * </ol>
 * Usage: bench/local-start [--rounds 3]
 */
public final class LocalStart {
    private static final Pattern READY = Pattern.compile("ready on http://127\\.0\\.0\\.1:\\d+");
    /** FranceSeed's last line. */
    private static final Pattern SEED_MADE = Pattern.compile("Whole-France seed made in .*\\)");
    private static final double FIRST_START_TARGET = 120;
    private static final double EXISTING_DATA_TARGET = 10;

    public static void main(String[] args) throws Exception {
        int rounds = args.length == 2 && args[0].equals("--rounds") ? Integer.parseInt(args[1]) : 3;
        Path root = Path.of(System.getProperty("dispostock.root", ".")).toAbsolutePath();
        Path scratch = Files.createTempDirectory(Path.of("/dev/shm"), "local-start-");
        try {
            Raw ceiling = ceiling(scratch);
            String starts = starts(root, rounds, ceiling);
            BenchmarksFile.writeSection("local-start", starts + "\n"
                    + "Measured with `bench/local-start --rounds " + rounds + "` (" + FranceSeed.WRITERS
                    + " writer threads for the registers and as many for the history; the seed is made in tmpfs, and it and"
                    + " the raw ceiling's database with SQLite's journal in memory and no sync, "
                    + "`InProcessDynamoDb.BULK_LOAD`).");
        } finally {
            FranceSeed.deleteTree(scratch);
        }
    }

    /** Writer threads tried for the raw ceiling, on a tenth of the items first; the best then writes them all. */
    private static final int[] THREADS = {1, 2, 4};

    /** DynamoDB Local's raw in-process BatchWriteItem ceiling for the seed's history items, built beforehand. */
    private static Raw ceiling(Path scratch) throws Exception {
        Map<String, List<Map<String, AttributeValue>>> all = new HashMap<>();
        try (InProcessDynamoDb db = InProcessDynamoDb.open(scratch.resolve("mapping.db"));
             ApplicationContext context = db.context()) {
            LocalHistory history = context.getBean(LocalHistory.class);
            LocalHistory.Consumption consumption = LocalHistory.Consumption.read();
            List<LocalHistory.SeedItem> items = LocalHistory.items();
            for (LocalHistory.SeedPui pui : LocalHistory.puis("seed/puis.csv")) {
                history.itemsOf(pui, items, consumption).forEach((table, of) ->
                        all.computeIfAbsent(table, t -> new ArrayList<>()).addAll(of));
            }
        }
        Map<String, List<Map<String, AttributeValue>>> tenth = new HashMap<>();
        all.forEach((table, items) -> tenth.put(table, items.subList(0, items.size() / 10)));
        int best = THREADS[0];
        double bestSeconds = Double.MAX_VALUE;
        for (int threads : THREADS) {
            double seconds = rawWrites(scratch, threads, tenth);
            System.out.printf("raw in-process, a tenth, %d threads: %.1f s (load %s)%n", threads, seconds, load());
            if (seconds < bestSeconds) {
                bestSeconds = seconds;
                best = threads;
            }
        }
        double seconds = rawWrites(scratch, best, all);
        int total = all.values().stream().mapToInt(List::size).sum();
        System.out.printf("raw in-process, all %d items, %d threads: %.1f s (load %s)%n", total, best, seconds, load());
        return new Raw(total, best, seconds, load());
    }

    /** The items written to a fresh in-process DynamoDB Local (in tmpfs, as the seed), in pages of 25. */
    private static double rawWrites(Path scratch, int threads, Map<String, List<Map<String, AttributeValue>>> items)
            throws Exception {
        Path dir = Files.createTempDirectory(scratch, "raw-");
        try (InProcessDynamoDb db = InProcessDynamoDb.open(dir.resolve("raw.db"))) {
            return timed(threads, items, db::putAll);
        } finally {
            FranceSeed.deleteTree(dir);
        }
    }

    /** The raw ceiling: so many items, written by so many threads in so many seconds. */
    private record Raw(int items, int threads, double seconds, String load) {
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
    private static String starts(Path root, int rounds, Raw ceiling) throws Exception {
        Path data = Files.createTempDirectory("local-start-data");
        try {
            launch(root, data, "--seed", "none"); // unmeasured: builds the platform if a source changed since the last build
            FranceSeed.deleteTree(data);
            Launched first = launch(root, data);
            String made = SEED_MADE.matcher(first.output()).results().map(MatchResult::group).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no seed made by the first start: " + first.output()));
            double firstLoad = LOADS.get(LOADS.size() - 1);
            double[] existing = new double[rounds];
            double[] fresh = new double[rounds];
            double[] maven = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                maven[r] = mavenUpToDate(root);
                existing[r] = launch(root, data).seconds();
                fresh[r] = launch(root, data, "--fresh").seconds();
            }
            double base = median(maven);
            double ceilingRate = ceiling.items() / ceiling.seconds();
            return String.format(Locale.ROOT, """
                    ## Local platform: start time and the whole-France seed

                    | `./dispostock-local` to "ready" | median s | min s | max s | vs baseline | target | |
                    |---|---:|---:|---:|---:|---:|---|
                    | first start with the whole seed (made once: registers and history at once, merged, copied) | %.1f | | | %.2f × the raw ceiling | ≤ 120 s | %s |
                    | start on existing data (no build: nothing changed) | %.1f | %.1f | %.1f | %.2f × Maven | ≤ 10 s | %s |
                    | `--fresh` (the database made once, copied again) | %.1f | %.1f | %.1f | %.2f × Maven | | |

                    | baseline, in the same run | items | s | items/s |
                    |---|---:|---:|---:|
                    | raw BatchWriteItem in-process (DynamoDB Local's own SDK v1 handler, no HTTP) of the seed's history items, built beforehand, %d threads (the best of %s on a tenth): one DynamoDB Local's ceiling | %d | %.1f | %.0f |
                    | Maven's up-to-date build of the platform alone (`process-classes -am`, offline), median of %d | | %.1f | |

                    The first start's seed: %s; the history's %d items at %.0f items/s beside the registers (%.2f × the ceiling's rate).
                    Load average (1 min): %.2f at the first start's "ready", %s at the other "ready" lines, %s at the raw ceiling's end.
                    """, first.seconds(), first.seconds() / ceiling.seconds(), verdict(first.seconds(), FIRST_START_TARGET),
                    median(existing), min(existing), max(existing), median(existing) / base,
                    verdict(median(existing), EXISTING_DATA_TARGET), median(fresh), min(fresh), max(fresh), median(fresh) / base,
                    ceiling.threads(), Arrays.toString(THREADS), ceiling.items(), ceiling.seconds(), ceilingRate,
                    rounds, base, made, ceiling.items(), ceiling.items() / historySeconds(made),
                    ceiling.items() / historySeconds(made) / ceilingRate, firstLoad,
                    LOADS.subList(2, LOADS.size()), ceiling.load());
        } finally {
            FranceSeed.deleteTree(data);
        }
    }

    private static String verdict(double seconds, double target) {
        return seconds <= target ? "**met**" : "**not met**";
    }

    /** The history's seconds in FranceSeed's line. */
    private static double historySeconds(String made) {
        Matcher m = Pattern.compile("history ([0-9.]+) s").matcher(made);
        if (!m.find()) {
            throw new IllegalStateException("no history time in: " + made);
        }
        return Double.parseDouble(m.group(1));
    }

    /** What a launch printed up to its ready line, and how long it took. */
    private record Launched(double seconds, String output) {
    }

    private static Launched launch(Path root, Path data, String... more) throws Exception {
        List<String> command = new ArrayList<>(List.of(root.resolve("dispostock-local").toString(), "--port", "0",
                "--data-dir", data.toString()));
        command.addAll(Arrays.asList(more));
        Path out = Files.createTempFile("local-start", ".out");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        try {
            String output;
            while (!READY.matcher(output = Files.readString(out)).find()) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("dispostock-local ended: " + output);
                }
                Thread.sleep(50);
            }
            double seconds = secs(t0);
            System.out.printf("%s: ready in %.1f s (load %s)%n", String.join(" ", more), seconds, load());
            LOADS.add(Double.parseDouble(load()));
            return new Launched(seconds, output);
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
