package fr.dispostock.local;

import fr.dispostock.embedded.AotGuard;
import fr.dispostock.embedded.EmbeddedDynamoDb;
import fr.dispostock.embedded.LocalTokens;
import fr.dispostock.embedded.TableDefinitions;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The whole platform in one JVM: DynamoDB Local (tables from template.yaml, data kept in
 * .local-data/), every function's routes on one port, the mail outbox and the token route.
 * Started by ./dispostock-local.
 */
public final class LocalPlatform implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalPlatform.class);
    /**
     * SQLite settings of the running database, where pharmacists' declarations live: a write-ahead log
     * (kept in the file: every later connection opens in it too), synced at its checkpoints only (the
     * connection's own setting: were DynamoDB Local to reopen it, after its queue's thread died, it
     * would sync every commit again, slower and as safe). DynamoDB Local's connection never makes SQLite's
     * automatic checkpoint, so the platform makes one every {@link #CHECKPOINT_SECONDS} and at its stop.
     * A committed write is in the log before DynamoDB Local answers, so a crash of this process (or
     * a SIGKILL) loses nothing and a power cut leaves the file whole, at worst without its last
     * commits. SQLite's default (a rollback journal, synced at every commit) made each BatchWriteItem
     * of 25 items a synced commit: the background insights run took tens of minutes (README).
     */
    static final List<String> RUNNING = List.of("journal_mode = WAL", "synchronous = NORMAL",
            "cache_size = -65536"); // KiB: the insights' reads of two years of history stay in memory
    private final EmbeddedDynamoDb dynamoDb;
    private final ApplicationContext context;
    /** The insights of the history's last weeks, computed after the start ({@link #computeInsights}). */
    private final ExecutorService background = Executors.newSingleThreadExecutor(work -> daemon(work, "local-insights"));
    /** The write-ahead log folded back into the database file every few seconds ({@link DynamoDbLocalSqlite#checkpoint}). */
    private final ScheduledExecutorService checkpoints =
            Executors.newSingleThreadScheduledExecutor(work -> daemon(work, "local-wal-checkpoints"));
    private final Optional<DynamoDbLocalSqlite> sqlite;

    private LocalPlatform(EmbeddedDynamoDb dynamoDb, ApplicationContext context) {
        this.dynamoDb = dynamoDb;
        this.context = context;
        this.sqlite = DynamoDbLocalSqlite.of(dynamoDb.server());
        sqlite.ifPresentOrElse(connection -> connection.apply(RUNNING),
                () -> LOG.warn("DynamoDB Local runs with SQLite's defaults: every commit synced"));
        checkpoints.scheduleWithFixedDelay(this::checkpoint, CHECKPOINT_SECONDS, CHECKPOINT_SECONDS, TimeUnit.SECONDS);
    }

    /** Seconds between two checkpoints: at ~250 items written a second, a log of some 50 MB at most. */
    static final int CHECKPOINT_SECONDS = 10;

    /** A checkpoint of the write-ahead log now; a failed one leaves the log to the next (said in the log). */
    Optional<DynamoDbLocalSqlite.Checkpoint> checkpoint() {
        try {
            return sqlite.map(DynamoDbLocalSqlite::checkpoint);
        } catch (RuntimeException e) {
            LOG.warn("a checkpoint of the database's write-ahead log failed: the next one tries again", e);
            return Optional.empty();
        }
    }

    /** What a start puts into an empty database. */
    public enum Seed {
        /** nothing: benchmarks and tests bring their own data */
        NONE,
        /** Auvergne-Rhône-Alpes and Bretagne, no declarations: seconds to load, what the tests start with */
        SMALL,
        /** the whole of France with two years of history, copied from the seed made once (FranceSeed) */
        FRANCE,
        /** the whole of France, registers only */
        REGISTERS
    }

    /**
     * The small seed, as the tests use it.
     *
     * @param port    0 for any free port
     * @param dataDir where the database and the local signing key are kept across restarts
     */
    public static LocalPlatform start(int port, Path dataDir) {
        return start(port, dataDir, Seed.SMALL);
    }

    /** @param seed false for an empty platform (benchmarks bring their own data) */
    public static LocalPlatform start(int port, Path dataDir, boolean seed) {
        return start(port, dataDir, seed ? Seed.SMALL : Seed.NONE);
    }

    public static LocalPlatform start(int asked, Path dataDir, Seed seed) {
        // the port is known before anything starts: the identity provider's issuer (in every token) names it
        int port = asked == 0 ? EmbeddedDynamoDb.freePort() : asked;
        requireFreePort(port);
        AotGuard.requireNoAotClasses();
        // DynamoDB Local (its database copied from the seed first, when there is none) starts on
        // another thread while the functions' context starts here: two cores, two halves of the start
        int dynamoDbPort = EmbeddedDynamoDb.freePort();
        CompletableFuture<EmbeddedDynamoDb> starting = CompletableFuture.supplyAsync(() -> {
            if (seed == Seed.FRANCE || seed == Seed.REGISTERS) {
                FranceSeed.copyInto(dataDir, seed == Seed.FRANCE);
            }
            EmbeddedDynamoDb started = EmbeddedDynamoDb.startPersistent(dataDir.resolve("dynamodb"), dynamoDbPort);
            started.createTablesFromTemplate(); // its first requests: DynamoDB Local has opened its file
            return started;
        });
        LocalTokens tokens = LocalTokens.persistent(dataDir.resolve("local-signing-key.json"))
                .issuedBy(LocalIdentityProvider.issuer(port));
        Map<String, Object> properties = new HashMap<>(tokens.verifierProperties());
        properties.put("dispostock.dynamodb.endpoint", "http://127.0.0.1:" + dynamoDbPort);
        properties.putAll(TableDefinitions.everyTable());
        properties.put("dispostock.pseudonym.key", pseudonymKey(dataDir.resolve("pseudonym-key")));
        properties.put("micronaut.server.host", "127.0.0.1");
        properties.put("micronaut.server.port", port);
        properties.put("micronaut.server.max-request-size", "20MB");
        // the OpenAPI descriptions generated from each function's code, at /openapi/<function>-1.yml
        properties.put("micronaut.router.static-resources.openapi.paths", "classpath:META-INF/swagger");
        properties.put("micronaut.router.static-resources.openapi.mapping", "/openapi/**");
        // the portal (module portal/), same origin as /v1; its config.json is LocalIdentityProvider's
        properties.put("micronaut.router.static-resources.portal.paths", "classpath:portal");
        properties.put("micronaut.router.static-resources.portal.mapping", "/**");
        // A plain context, its HTTP server started here and stopped by close() alone: Micronaut's
        // runner would add a shutdown hook of its own, which deadlocks with ours (server -> context
        // against context -> server) and leaves the process running after Ctrl-C.
        ApplicationContext context = ApplicationContext.builder()
                .properties(properties)
                .environments("local")
                .singletons(tokens, new LocalOutbox(), LocalClients.persistent(dataDir.resolve("local-clients.txt")))
                .banner(false)
                .start();
        EmbeddedDynamoDb dynamoDb;
        try {
            context.getBean(EmbeddedServer.class).start();
            dynamoDb = starting.join(); // "ready" means every route answers: DynamoDB Local's start included
        } catch (RuntimeException e) {
            context.close();
            starting.thenAccept(EmbeddedDynamoDb::close);
            throw PortInUseException.causing(e, port).orElseThrow(() -> e);
        }
        LocalPlatform platform = new LocalPlatform(dynamoDb, context); // the database's settings first
        if (seed == Seed.SMALL) {
            context.getBean(LocalSeed.class).seedIfEmpty();
        }
        if (seed != Seed.NONE) {
            platform.computeInsights();
        }
        return platform;
    }

    /**
     * The insights of the history's last weeks, in the background, one run after the other
     * ({@link LocalInsightsController#historysLastRuns}): a national run on the whole-France history
     * takes a minute or two here (README "Insights, in short"), which the start does not wait for. A
     * run already made costs one read; one cut short by a stop is finished by the next start, and
     * those not begun are made then.
     */
    private void computeInsights() {
        LocalInsightsController controller = context.getBean(LocalInsightsController.class);
        for (Instant run : LocalInsightsController.historysLastRuns()) {
            background.execute(() -> {
                try {
                    controller.historysRun(run);
                } catch (RuntimeException e) {
                    if (!background.isShutdown()) { // a stop meanwhile: the next start finishes the run
                        LOG.error("the insights run {} of the history was not computed", run, e);
                    }
                }
            });
        }
    }

    /**
     * The erasures' pseudonym key, made at random on first start and kept beside the data: the same address
     * gives the same pseudonym across restarts, as the stack's secret does in AWS.
     */
    private static String pseudonymKey(Path keyFile) {
        try {
            if (!Files.exists(keyFile)) {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                Files.createDirectories(keyFile.getParent());
                Files.writeString(keyFile, HexFormat.of().formatHex(random));
            }
            return Files.readString(keyFile).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Before anything starts, so that a taken port costs a sentence and no start-up. */
    private static void requireFreePort(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true); // as the HTTP server binds: a port left in TIME_WAIT is free
            probe.bind(new InetSocketAddress("127.0.0.1", port));
        } catch (BindException e) {
            throw new PortInUseException(port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return context.getBean(EmbeddedServer.class).getPort();
    }

    public ApplicationContext context() {
        return context;
    }

    /** A PRAGMA's value on the connection DynamoDB Local serves the database with: how the tests see {@link #RUNNING}. */
    String sqlitePragma(String name) {
        return sqlite.orElseThrow().pragma(name);
    }

    private static Thread daemon(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public void close() {
        background.shutdownNow(); // a run cut short is left computing, and finished by the next start
        checkpoints.shutdownNow();
        try {
            background.awaitTermination(5, TimeUnit.SECONDS);
            checkpoints.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        context.close();
        checkpoint(); // the next start has no log to replay
        dynamoDb.close();
    }

    static final String USAGE = "usage: dispostock-local [--port N] [--data-dir DIR] [--fresh] [--empty]"
            + " [--seed france|small|none]"
            + " (see ./dispostock-local --help)";

    public static void main(String[] args) throws IOException {
        int port = 8080;
        Path dataDir = Path.of(".local-data");
        boolean fresh = false;
        Seed seed = Seed.FRANCE;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--port" -> port = Integer.parseInt(args[++i]);
                    case "--data-dir" -> dataDir = Path.of(args[++i]);
                    case "--fresh" -> fresh = true;
                    case "--empty" -> {
                        fresh = true;
                        seed = Seed.REGISTERS;
                    }
                    case "--seed" -> seed = Seed.valueOf(args[++i].toUpperCase(Locale.ROOT));
                    default -> throw new IllegalArgumentException(args[i]);
                }
            }
        } catch (RuntimeException e) { // an unknown option, a missing or bad value
            System.err.println(USAGE);
            System.exit(2);
        }
        if (fresh && Files.isDirectory(dataDir)) { // all but the seed made once
            try (Stream<Path> files = Files.list(dataDir)) {
                files.filter(p -> !p.getFileName().toString().equals(FranceSeed.CACHE)).forEach(FranceSeed::deleteTree);
            }
        }
        LocalPlatform platform;
        try {
            platform = start(port, dataDir, seed);
        } catch (PortInUseException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        // the only shutdown hook: Ctrl-C (SIGINT) and SIGTERM stop the server, the context, then DynamoDB Local
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "dispostock-local-stop"));
        System.out.println("Dispostock local platform ready on http://127.0.0.1:" + platform.port());
        System.out.println("Get a token: curl -s -X POST http://127.0.0.1:" + platform.port()
                + "/local/token -H 'Content-Type: application/json' -d '{\"roles\":[\"NATIONAL\"]}'");
    }
}
