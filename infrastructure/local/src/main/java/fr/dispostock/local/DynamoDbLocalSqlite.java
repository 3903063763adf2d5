package fr.dispostock.local;

import com.almworks.sqlite4java.SQLiteConnection;
import com.almworks.sqlite4java.SQLiteException;
import com.almworks.sqlite4java.SQLiteJob;
import com.almworks.sqlite4java.SQLiteQueue;
import com.almworks.sqlite4java.SQLiteStatement;
import com.amazonaws.services.dynamodbv2.local.server.AbstractLocalDynamoDBServerHandler;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import com.amazonaws.services.dynamodbv2.local.shared.access.sqlite.SQLiteDBAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * DynamoDB Local's SQLite connection to a database file. DynamoDB Local opens one connection per file
 * (with -sharedDb, one in all), on the queue of its {@code SQLiteDBAccess}, which runs every statement
 * in turn; it has no option for that connection's settings, so the queue is reached by reflection. If
 * another version of DynamoDB Local moves things, it runs with SQLite's defaults (said in the log) and
 * the tests reading these settings fail.
 */
final class DynamoDbLocalSqlite {
    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbLocalSqlite.class);
    /** DynamoDB Local's name for its one database with -sharedDb (LocalDynamoDBRequestHandler). */
    private static final String SHARED = "shared-local-instance";
    private final SQLiteQueue queue;

    private DynamoDbLocalSqlite(SQLiteQueue queue) {
        this.queue = queue;
    }

    /** The connection of a DynamoDB Local opened in this JVM (DynamoDBEmbedded). */
    static Optional<DynamoDbLocalSqlite> of(AmazonDynamoDBLocal embedded) {
        try {
            Object exceptionMapping = field(embedded, embedded.getClass(), "val$handler");
            return Optional.of(ofClient(field(exceptionMapping, exceptionMapping.getClass(), "impl")));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("DynamoDB Local's SQLite connection was not reached ({})", e.toString());
            return Optional.empty();
        }
    }

    /**
     * The connection of DynamoDB Local's HTTP server (-sharedDb), which opens its database at the first
     * request it serves: empty before.
     */
    static Optional<DynamoDbLocalSqlite> of(DynamoDBProxyServer server) {
        try {
            Object handler = field(field(server, DynamoDBProxyServer.class, "serverHandler"),
                    AbstractLocalDynamoDBServerHandler.class, "primaryHandler");
            Object client = ((Map<?, ?>) field(handler, handler.getClass(), "dbRequestHandlers")).get(SHARED);
            if (client == null) {
                throw new IllegalStateException("no database opened yet");
            }
            return Optional.of(ofClient(client));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("DynamoDB Local's SQLite connection was not reached ({})", e.toString());
            return Optional.empty();
        }
    }

    /** From DynamoDB Local's LocalDBClient, the one both ways lead to. */
    private static DynamoDbLocalSqlite ofClient(Object client) throws ReflectiveOperationException {
        return new DynamoDbLocalSqlite((SQLiteQueue) field(field(client, client.getClass(), "dbAccess"),
                SQLiteDBAccess.class, "queue"));
    }

    private static Object field(Object owner, Class<?> declaring, String name) throws ReflectiveOperationException {
        Field field = declaring.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(owner);
    }

    /** Sets these PRAGMAs ("name = value") on the connection, in turn with DynamoDB Local's statements. */
    void apply(List<String> pragmas) {
        onConnection(connection -> {
            for (String pragma : pragmas) {
                connection.exec("PRAGMA " + pragma);
            }
            return null;
        });
    }

    /** What a checkpoint saw: the write-ahead log's frames, and how many of them are now in the database file. */
    record Checkpoint(long logFrames, long copiedFrames) {
    }

    /**
     * A passive checkpoint of the write-ahead log, in turn with DynamoDB Local's statements: this
     * connection never makes SQLite's automatic one (seen: 12,571 frames of log after 2,000 PutItems, the
     * database file untouched), so the log would grow without end and each start replay it. Once the
     * whole log is in the database file, the next write starts it again from its beginning.
     */
    Checkpoint checkpoint() {
        return onConnection(connection -> {
            SQLiteStatement checkpoint = connection.prepare("PRAGMA wal_checkpoint(PASSIVE)");
            try {
                checkpoint.step();
                return new Checkpoint(checkpoint.columnLong(1), checkpoint.columnLong(2));
            } finally {
                checkpoint.dispose();
            }
        });
    }

    /** A PRAGMA's value on the connection: how the tests see the settings applied. */
    String pragma(String name) {
        return onConnection(connection -> {
            SQLiteStatement read = connection.prepare("PRAGMA " + name);
            try {
                return read.step() ? read.columnString(0) : null;
            } finally {
                read.dispose();
            }
        });
    }

    private <T> T onConnection(Work<T> work) {
        return queue.execute(new SQLiteJob<T>() {
            @Override
            protected T job(SQLiteConnection connection) throws SQLiteException {
                return work.on(connection);
            }
        }).complete();
    }

    private interface Work<T> {
        T on(SQLiteConnection connection) throws SQLiteException;
    }
}
