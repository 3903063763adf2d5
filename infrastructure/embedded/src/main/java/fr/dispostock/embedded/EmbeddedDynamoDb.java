package fr.dispostock.embedded;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * AWS's DynamoDB Local, in this JVM. Shared database (-sharedDb): any credentials and region see
 * the same tables, as the functions use their own dummy ones.
 */
public final class EmbeddedDynamoDb implements AutoCloseable {
    private final DynamoDBProxyServer server;
    private final URI endpoint;
    private final DynamoDbClient client;

    private EmbeddedDynamoDb(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
        this.client = builder().build();
    }

    private DynamoDbClientBuilder builder() {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.EU_WEST_3)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create());
    }

    public static EmbeddedDynamoDb startInMemory() {
        return start(List.of("-inMemory"), 0);
    }

    /** Kept in this folder across restarts (the local platform). Port 0: any free port. */
    public static EmbeddedDynamoDb startPersistent(Path dir, int port) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return start(List.of("-dbPath", dir.toAbsolutePath().toString()), port);
    }

    private static EmbeddedDynamoDb start(List<String> storage, int requestedPort) {
        Exception last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            int port = requestedPort != 0 ? requestedPort : freePort(); // "-port 0" is refused
            List<String> args = new ArrayList<>(storage);
            args.addAll(List.of("-port", Integer.toString(port), "-sharedDb", "-disableTelemetry"));
            try {
                DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
                server.start();
                return new EmbeddedDynamoDb(server, port);
            } catch (Exception e) { // a port taken between our probe and its bind: try another
                last = e;
                if (requestedPort != 0) {
                    break;
                }
            }
        }
        throw new IllegalStateException("DynamoDB Local did not start", last);
    }

    /** A port free now (another process may take it before it is bound). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** DynamoDB Local's server itself: the local platform sets its SQLite connection. */
    public DynamoDBProxyServer server() {
        return server;
    }

    public URI endpoint() {
        return endpoint;
    }

    public DynamoDbClient client() {
        return client;
    }

    /**
     * Another client of this DynamoDB that asks for, and adds to {@code billed} in order, the write
     * capacity DynamoDB reports for each PutItem and TransactWriteItems; with {@code others} (a
     * {@link WriteCostMeter}) around its calls too.
     */
    public DynamoDbClient clientBillingTo(List<Double> billed, ExecutionInterceptor... others) {
        return builder().overrideConfiguration(c -> {
            c.addExecutionInterceptor(new ExecutionInterceptor() {
                @Override
                public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
                    if (context.request() instanceof PutItemRequest put) {
                        return put.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
                    }
                    if (context.request() instanceof TransactWriteItemsRequest transaction) {
                        return transaction.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
                    }
                    return context.request();
                }

                @Override
                public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
                    if (context.response() instanceof PutItemResponse put && put.consumedCapacity() != null) {
                        billed.add(put.consumedCapacity().capacityUnits());
                    } else if (context.response() instanceof TransactWriteItemsResponse transaction
                            && transaction.hasConsumedCapacity()) {
                        billed.add(transaction.consumedCapacity().stream().mapToDouble(ConsumedCapacity::capacityUnits).sum());
                    }
                }
            });
            for (ExecutionInterceptor other : others) {
                c.addExecutionInterceptor(other);
            }
        }).build();
    }

    public void createTablesFromTemplate() {
        TableDefinitions.load(TableDefinitions.locateTemplate()).createAll(client);
    }

    /** Empties a table between tests (a Scan: fine in a test helper, never on a request path). */
    public void deleteAllItems(String table) {
        List<String> keys = client.describeTable(d -> d.tableName(table)).table().keySchema().stream()
                .map(KeySchemaElement::attributeName).toList();
        List<WriteRequest> deletes = client.scanPaginator(s -> s.tableName(table)).items().stream()
                .map(item -> WriteRequest.builder().deleteRequest(DeleteRequest.builder()
                        .key(keys.stream().collect(Collectors.toMap(k -> k, item::get))).build()).build())
                .toList();
        for (int from = 0; from < deletes.size(); from += 25) {
            Map<String, List<WriteRequest>> pending = Map.of(table, deletes.subList(from, Math.min(deletes.size(), from + 25)));
            while (!pending.isEmpty()) {
                Map<String, List<WriteRequest>> batch = pending;
                pending = client.batchWriteItem(b -> b.requestItems(batch)).unprocessedItems();
            }
        }
    }

    @Override
    public void close() {
        client.close();
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop", e);
        }
    }

    /** For tests that check what is stored. */
    public Map<String, AttributeValue> get(String table, Map<String, AttributeValue> key) {
        return client.getItem(g -> g.tableName(table).key(key).consistentRead(true)).item();
    }
}
