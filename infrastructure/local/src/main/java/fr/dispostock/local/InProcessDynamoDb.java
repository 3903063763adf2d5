package fr.dispostock.local;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import com.almworks.sqlite4java.SQLiteConnection;
import com.almworks.sqlite4java.SQLiteException;
import com.almworks.sqlite4java.SQLiteStatement;
import fr.dispostock.embedded.TableDefinitions;
import fr.dispostock.platform.dynamo.BatchCalls;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * DynamoDB Local's database file opened in this JVM without its HTTP server: no HTTP, no request
 * signing, no JSON. The functions' beans in {@link #context()} reach DynamoDB Local's SDK v1 handler
 * through {@link DirectClient} (DynamoDB Local's own SDK v2 client would turn each request into JSON
 * and back), bulk writes ({@link #putAll}) too (measured in BENCHMARKS.md). The file is the same as the server's, so the platform then serves it as it is.
 *
 * <p>Every file opened here is one being made (the seed, the benchmark's, the tests'), and a crash
 * loses it whole anyway (it is made in a scratch directory, then copied). So its SQLite connection
 * keeps its rollback journal in memory and never syncs ({@link #BULK_LOAD}): most of the seed's
 * system time went to the journal file made, synced and deleted at every commit (measured in
 * BENCHMARKS.md).
 * Rollback still works; only a power cut would leave the scratch file torn.
 */
public final class InProcessDynamoDb implements AutoCloseable {
    static final String PROPERTY = "dispostock.local.in-process-dynamodb";
    /**
     * SQLite settings of a database being made; the running platform's server opens the copied file
     * with settings safe for its data ({@link LocalPlatform#RUNNING}).
     */
    static final List<String> BULK_LOAD = List.of("journal_mode = MEMORY", "synchronous = OFF",
            "cache_size = -65536"); // KiB: the history's indexes stay in memory
    private static final Logger LOG = LoggerFactory.getLogger(InProcessDynamoDb.class);
    private final AmazonDynamoDBLocal dynamoDb;
    private final DynamoDbClient client;
    /** DynamoDB Local's SQLite connection; null where it was not reached. */
    private final DynamoDbLocalSqlite sqlite;

    private InProcessDynamoDb(AmazonDynamoDBLocal dynamoDb, boolean direct) {
        this.dynamoDb = dynamoDb;
        this.sqlite = DynamoDbLocalSqlite.of(dynamoDb).orElse(null);
        if (sqlite != null) {
            sqlite.apply(BULK_LOAD);
        } else {
            LOG.warn("the seed loads with SQLite's defaults (every commit synced)");
        }
        this.client = direct ? new DirectClient(dynamoDb.amazonDynamoDB()) : dynamoDb.dynamoDbClient();
    }

    /** Opens (or creates) this database file, with the tables of template.yaml. */
    public static InProcessDynamoDb open(Path database) {
        return open(database, true);
    }

    /**
     * @param direct false: the beans go through DynamoDB Local's own SDK v2 client (JSON, as over
     *               HTTP), the reference {@link DirectClient}'s writes are compared with
     */
    static InProcessDynamoDb open(Path database, boolean direct) {
        try {
            Files.createDirectories(database.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        InProcessDynamoDb db = new InProcessDynamoDb(DynamoDBEmbedded.create(database.toFile(), true), direct); // true: no telemetry
        TableDefinitions.load(TableDefinitions.locateTemplate()).createAll(db.dynamoDb.dynamoDbClient());
        return db;
    }

    /** A PRAGMA's value on DynamoDB Local's own connection: how the tests see {@link #BULK_LOAD} applied. */
    String pragma(String name) {
        return sqlite.pragma(name);
    }

    public DynamoDbClient client() {
        return client;
    }

    /** BatchWriteItem in pages of 25 (the stores' one batch loop) through {@link #client()}. */
    public void putAll(String table, List<Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> items) {
        new BatchCalls(client).putAll(table, items);
    }

    /**
     * Adds every row of another DynamoDB Local database file to this one, in one SQLite transaction:
     * two parts of the seed, loaded at once into files of their own, become one file (seconds, where
     * writing the items again through DynamoDB Local takes minutes). Both files are closed, made
     * by the same DynamoDB Local with the same tables; no key is in both (the primary key refuses a
     * second one, and the whole merge with it).
     */
    static void merge(Path into, Path from) {
        SQLiteConnection db = new SQLiteConnection(into.toFile());
        try {
            db.open(false);
            SQLiteStatement attach = db.prepare("ATTACH DATABASE ? AS other");
            attach.bind(1, from.toAbsolutePath().toString()).stepThrough().dispose();
            List<String> tables = new ArrayList<>();
            // every table but DynamoDB Local's own description of the tables and its version, both alike
            SQLiteStatement named = db.prepare("SELECT name FROM other.sqlite_master WHERE type = 'table'"
                    + " AND name NOT IN ('dm', 'cf')");
            while (named.step()) {
                tables.add(named.columnString(0));
            }
            named.dispose();
            db.exec("BEGIN");
            for (String table : tables) {
                db.exec("INSERT INTO main.\"" + table + "\" SELECT * FROM other.\"" + table + "\"");
            }
            db.exec("COMMIT");
        } catch (SQLiteException e) {
            throw new IllegalStateException("could not add " + from + " to " + into, e);
        } finally {
            db.dispose();
        }
    }

    /** How many items the table holds (a counting Scan: the benchmark's figures). */
    public long count(String table) {
        long count = 0;
        Map<String, com.amazonaws.services.dynamodbv2.model.AttributeValue> from = null;
        do {
            var page = dynamoDb.amazonDynamoDB().scan(new com.amazonaws.services.dynamodbv2.model.ScanRequest(table)
                    .withSelect(com.amazonaws.services.dynamodbv2.model.Select.COUNT).withExclusiveStartKey(from));
            count += page.getCount();
            from = page.getLastEvaluatedKey();
        } while (from != null);
        return count;
    }

    /** The platform's beans (stores, services, the seed's), writing to this database; no HTTP server. */
    public ApplicationContext context() {
        return ApplicationContext.builder()
                .environments("local")
                .properties(TableDefinitions.everyTable())
                .properties(Map.of(PROPERTY, true))
                .singletons(this)
                .banner(false)
                .start();
    }

    @Override
    public void close() {
        dynamoDb.shutdown();
    }

    /** The functions' DynamoDB client replaced by the in-process one, in a {@link #context()} only. */
    @Factory
    @Requires(property = PROPERTY)
    static class ClientFactory {
        @Singleton
        @Replaces(DynamoDbClient.class)
        DynamoDbClient inProcess(InProcessDynamoDb db) {
            return db.client();
        }
    }
}
