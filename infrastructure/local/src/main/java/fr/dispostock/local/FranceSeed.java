package fr.dispostock.local;

import fr.dispostock.embedded.TableDefinitions;
import io.micronaut.context.ApplicationContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * The whole-France seed, made once: loaded into a DynamoDB Local database of its own, opened in
 * this JVM without its HTTP server ({@link InProcessDynamoDb}: the registers through the API's
 * rules and, at the same time, two years of history in parallel batch writes), kept in
 * {@code <data dir>/seed-cache/<key>/}, and copied
 * as the database of every start that needs it (first start, --fresh, --empty). The key changes
 * with the seed's files and the classes that map them to items, so that a change of either makes a
 * new one.
 */
public final class FranceSeed {
    private static final Logger LOG = LoggerFactory.getLogger(FranceSeed.class);
    /** DynamoDB Local's one file with -sharedDb. */
    static final String DATABASE = "shared-local-instance.db";
    static final String CACHE = "seed-cache";
    /** How many write at once (bulk loads). */
    public static final int WRITERS = Parallel.THREADS;
    private static final List<String> RESOURCES = List.of("seed/finess.csv", "seed/puis.csv", "seed/medicines.csv",
            "seed/consumption-weekly.csv", "seed/bdpm-cis-cip-dispo-spec.txt");
    private static final String REGISTER_MAPPING = fr.dispostock.platform.register.DynamoRegisterStore.class.getPackageName();
    /** The classes that turn the seed's files into items (the register's package-private ones by name). */
    private static final List<String> MAPPING = List.of(LocalSeed.class.getName(), LocalHistory.class.getName(),
            InProcessDynamoDb.class.getName(), DirectClient.class.getName(),
            fr.dispostock.platform.declaration.DynamoDeclarationStore.class.getName(),
            fr.dispostock.platform.statestock.DynamoStateStockStore.class.getName(),
            fr.dispostock.platform.dynamo.AuditedWriter.class.getName(),
            fr.dispostock.registers.establishments.EstablishmentService.class.getName(),
            fr.dispostock.registers.puis.PuiService.class.getName(),
            fr.dispostock.registers.medicines.MedicineService.class.getName(),
            fr.dispostock.registers.supply.SupplyStatusService.class.getName(),
            REGISTER_MAPPING + ".DynamoRegisterStore", REGISTER_MAPPING + ".DynamoSupplyStatusStore",
            REGISTER_MAPPING + ".RegisterItems", REGISTER_MAPPING + ".RegisterKeys");

    private FranceSeed() {
    }

    /** Puts the seed's database (with its history, or the registers only) in place of an absent one. */
    static void copyInto(Path dataDir, boolean withHistory) {
        Path database = dataDir.resolve("dynamodb").resolve(DATABASE);
        if (Files.exists(database)) {
            return;
        }
        copy(cached(dataDir.resolve(CACHE)).resolve(withHistory ? "france.db" : "registers.db"), database);
    }

    /** The directory of the cached seed, made first if it is not there. */
    public static Path cached(Path cacheRoot) {
        Path dir = cacheRoot.resolve(key());
        if (Files.exists(dir.resolve("france.db"))) {
            return dir;
        }
        makeInAnotherJvm(cacheRoot);
        return dir;
    }

    /**
     * The launcher's JVM compiles with C1 only, for a fast start; minutes of bulk writes run faster
     * with C2, in a JVM of their own (same class path and options but that one). Ctrl-C reaches it
     * too (same process group).
     */
    private static void makeInAnotherJvm(Path cacheRoot) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(option -> !option.startsWith("-XX:TieredStopAtLevel")).forEach(command::add);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), FranceSeed.class.getName(),
                cacheRoot.toString()));
        try {
            Process making = new ProcessBuilder(command).inheritIO().start();
            if (making.waitFor() != 0) {
                throw new IllegalStateException("the whole-France seed was not made (exit " + making.exitValue() + ")");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making the seed", e);
        }
    }

    /** Makes the seed into {@code args[0]/<key>} (run by {@link #cached}), then ends, whatever threads DynamoDB Local left. */
    public static void main(String[] args) {
        try {
            make(Path.of(args[0]));
        } catch (RuntimeException e) {
            LOG.error("the whole-France seed was not made", e);
            System.exit(1);
        }
        System.exit(0);
    }

    private static void make(Path cacheRoot) {
        Path dir = cacheRoot.resolve(key());
        deleteTree(cacheRoot); // seeds of other keys are stale
        long started = System.nanoTime();
        System.out.println("Making the whole-France seed with two years of history, once (a few minutes)...");
        Path work = workDirectory();
        Thread interrupted = new Thread(() -> deleteTree(work)); // Ctrl-C meanwhile: tmpfs is memory
        Runtime.getRuntime().addShutdownHook(interrupted);
        Path registers = work.resolve("registers.db");
        Path france = work.resolve(DATABASE);
        LocalHistory.Loaded loaded;
        long registersDone;
        long[] historyDone = new long[1];
        long merging;
        try {
            // The registers and the history are independent: each loads into a database of its own at
            // the same time (two SQLite writers, the two cores busy), then the registers' items are
            // added to the history's file (seconds).
            try (InProcessDynamoDb registersDb = InProcessDynamoDb.open(registers);
                 InProcessDynamoDb historyDb = InProcessDynamoDb.open(france);
                 ApplicationContext context = registersDb.context()) {
                CompletableFuture<LocalHistory.Loaded> history = CompletableFuture.supplyAsync(() -> {
                    LocalHistory.Loaded written = context.getBean(LocalHistory.class)
                            .load(LocalHistory.puis("seed/puis.csv"), historyDb::putAll);
                    historyDone[0] = System.nanoTime();
                    return written;
                });
                context.getBean(LocalSeed.class).registers("seed/finess.csv", "seed/puis.csv");
                registersDone = System.nanoTime();
                loaded = history.join();
            }
            merging = System.nanoTime();
            copy(registers, dir.resolve("registers.db"));
            InProcessDynamoDb.merge(france, registers);
            copy(france, dir.resolve("france.db"));
        } finally {
            deleteTree(work);
            Runtime.getRuntime().removeShutdownHook(interrupted);
        }
        long end = System.nanoTime();
        LOG.info("seed: {} weekly declarations, {} Thursday lot declarations, {} orders", loaded.declarations(),
                loaded.lotDeclarations(), loaded.orders());
        System.out.printf("Whole-France seed made in %.1f s (registers %.1f s and history %.1f s at once,"
                        + " merged and kept in %.1f s)%n", seconds(started, end), seconds(started, registersDone),
                seconds(started, historyDone[0]), seconds(merging, end));
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }

    /**
     * Where the seed is loaded: in memory (tmpfs) where the machine has one, since SQLite's sync of
     * every commit to disk makes DynamoDB Local many times slower there (measured: 15x); the file
     * is copied to disk once complete.
     */
    private static Path workDirectory() {
        Path memory = Path.of("/dev/shm");
        try {
            return Files.isDirectory(memory) && Files.isWritable(memory)
                    ? Files.createTempDirectory(memory, "dispostock-seed-") : Files.createTempDirectory("dispostock-seed-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copied beside its place, then moved there in one step: a copy cut short (Ctrl-C, a full disk)
     * never leaves a torn database that the next start would take for whole.
     */
    private static void copy(Path database, Path to) {
        Path part = to.resolveSibling(to.getFileName() + ".part");
        try {
            Files.createDirectories(to.getParent());
            Files.copy(database, part, StandardCopyOption.REPLACE_EXISTING);
            Files.move(part, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The seed's files, the classes that turn them into items, the State-stock catalogue and the
     * tables' definitions: a change of any of them makes a new seed (the browser tests' seed too).
     */
    public static String key() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            ClassLoader loader = FranceSeed.class.getClassLoader();
            for (String resource : RESOURCES) {
                sha.update(bytes(loader, resource));
            }
            for (String mapping : MAPPING) {
                sha.update(bytes(loader, mapping.replace('.', '/') + ".class"));
            }
            sha.update(Files.readAllBytes(LocalSeed.catalogueFile()));
            sha.update(Files.readAllBytes(TableDefinitions.locateTemplate()));
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(ClassLoader loader, String resource) throws IOException {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is gone: the seed's key names it");
            }
            return in.readAllBytes();
        }
    }

    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
