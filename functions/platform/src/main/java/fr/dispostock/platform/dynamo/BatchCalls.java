package fr.dispostock.platform.dynamo;

import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * BatchWriteItem in pages of 25 and BatchGetItem in pages of 100, retrying what DynamoDB leaves
 * unprocessed (throttling) with exponential back-off and jitter, a bounded number of times: the one
 * batch loop of every store.
 */
@Singleton
public class BatchCalls {
    private static final int BATCH_WRITE_MAX = 25;
    private static final int BATCH_GET_MAX = 100;
    private static final int MAX_ATTEMPTS = 12;
    private final DynamoDbClient dynamoDb;

    public BatchCalls(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
    }

    public void putAll(String table, List<Map<String, AttributeValue>> items) {
        writeAll(table, items.stream().map(item -> WriteRequest.builder()
                .putRequest(PutRequest.builder().item(item).build()).build()).toList());
    }

    public void deleteAll(String table, List<Map<String, AttributeValue>> keys) {
        writeAll(table, keys.stream().map(key -> WriteRequest.builder()
                .deleteRequest(DeleteRequest.builder().key(key).build()).build()).toList());
    }

    private void writeAll(String table, List<WriteRequest> writes) {
        for (int from = 0; from < writes.size(); from += BATCH_WRITE_MAX) {
            List<WriteRequest> page = writes.subList(from, Math.min(writes.size(), from + BATCH_WRITE_MAX));
            Map<String, List<WriteRequest>> pending = Map.of(table, page);
            for (int attempt = 0; !pending.isEmpty(); attempt++) {
                retrying(attempt);
                pending = dynamoDb.batchWriteItem(BatchWriteItemRequest.builder().requestItems(pending).build())
                        .unprocessedItems();
            }
        }
    }

    /** The items of these keys that exist (each key once), in no particular order. */
    public List<Map<String, AttributeValue>> getAll(String table, List<Map<String, AttributeValue>> keys,
                                                    boolean consistentRead) {
        List<Map<String, AttributeValue>> distinct = new ArrayList<>(new LinkedHashSet<>(keys));
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += BATCH_GET_MAX) {
            Map<String, KeysAndAttributes> pending = Map.of(table, KeysAndAttributes.builder()
                    .keys(distinct.subList(from, Math.min(distinct.size(), from + BATCH_GET_MAX)))
                    .consistentRead(consistentRead).build());
            for (int attempt = 0; !pending.isEmpty(); attempt++) {
                retrying(attempt);
                BatchGetItemResponse response = dynamoDb.batchGetItem(BatchGetItemRequest.builder()
                        .requestItems(pending).build());
                found.addAll(response.responses().getOrDefault(table, List.of()));
                pending = response.unprocessedKeys();
            }
        }
        return found;
    }

    private static void retrying(int attempt) {
        if (attempt == MAX_ATTEMPTS) {
            throw new IllegalStateException("DynamoDB left items unprocessed after " + attempt + " attempts");
        }
        backOff(attempt);
    }

    /** Sleeps before the n-th retry: nothing before the first try, then 25 ms doubling up to ~3 s, with jitter. */
    public static void backOff(int attempt) {
        if (attempt == 0) {
            return;
        }
        long ceiling = Math.min(3_000, 25L << Math.min(attempt, 7));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing off", e);
        }
    }
}
