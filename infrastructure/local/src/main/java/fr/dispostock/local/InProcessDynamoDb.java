package fr.dispostock.local;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import com.amazonaws.services.dynamodbv2.model.AttributeValue;
import com.amazonaws.services.dynamodbv2.model.PutRequest;
import com.amazonaws.services.dynamodbv2.model.WriteRequest;
import fr.dispostock.platform.dynamo.BatchCalls;
import fr.dispostock.embedded.TableDefinitions;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * DynamoDB Local's database file opened in this JVM without its HTTP server: no HTTP, no request
 * signing. Its SDK v2 client (the functions' beans in {@link #context()}) still turns each request
 * into JSON and back to reach DynamoDB Local's SDK v1 handler; {@link #putAll} hands bulk writes to
 * that handler directly (measured in BENCHMARKS.md). The file is the same as the server's, so the
 * platform then serves it as it is.
 */
public final class InProcessDynamoDb implements AutoCloseable {
    static final String PROPERTY = "dispostock.local.in-process-dynamodb";
    private final AmazonDynamoDBLocal dynamoDb;
    private final DynamoDbClient client;

    private InProcessDynamoDb(AmazonDynamoDBLocal dynamoDb) {
        this.dynamoDb = dynamoDb;
        this.client = dynamoDb.dynamoDbClient();
    }

    /** Opens (or creates) this database file, with the tables of template.yaml. */
    public static InProcessDynamoDb open(Path database) {
        try {
            Files.createDirectories(database.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        InProcessDynamoDb db = new InProcessDynamoDb(DynamoDBEmbedded.create(database.toFile(), true)); // true: no telemetry
        TableDefinitions.load(TableDefinitions.locateTemplate()).createAll(db.client);
        return db;
    }

    public DynamoDbClient client() {
        return client;
    }

    /**
     * BatchWriteItem in pages of 25 through DynamoDB Local's own SDK v1 handler, retrying what it
     * leaves unprocessed; the items as the stores map them (SDK v2).
     */
    public void putAll(String table, List<Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> items) {
        for (int from = 0; from < items.size(); from += 25) {
            List<WriteRequest> page = items.subList(from, Math.min(items.size(), from + 25)).stream()
                    .map(item -> new WriteRequest(new PutRequest(v1(item)))).toList();
            Map<String, List<WriteRequest>> pending = Map.of(table, page);
            for (int attempt = 0; !pending.isEmpty(); attempt++) {
                BatchCalls.backOff(attempt);
                pending = dynamoDb.amazonDynamoDB().batchWriteItem(pending).getUnprocessedItems();
            }
        }
    }

    private static Map<String, AttributeValue> v1(Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item) {
        return item.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> v1(e.getValue())));
    }

    private static AttributeValue v1(software.amazon.awssdk.services.dynamodb.model.AttributeValue v) {
        AttributeValue out = new AttributeValue();
        switch (v.type()) {
            case S -> out.setS(v.s());
            case N -> out.setN(v.n());
            case B -> out.setB(v.b().asByteBuffer());
            case BOOL -> out.setBOOL(v.bool());
            case NUL -> out.setNULL(true);
            case SS -> out.setSS(v.ss());
            case NS -> out.setNS(v.ns());
            case BS -> out.setBS(v.bs().stream().map(SdkBytes::asByteBuffer).toList());
            case M -> out.setM(v1(v.m()));
            case L -> out.setL(v.l().stream().map(InProcessDynamoDb::v1).toList());
            default -> throw new IllegalArgumentException("unknown attribute type " + v.type());
        }
        return out;
    }

    /** The platform's beans (stores, services, the seed's), writing to this database; no HTTP server. */
    public ApplicationContext context() {
        return ApplicationContext.builder()
                .environments("local")
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
