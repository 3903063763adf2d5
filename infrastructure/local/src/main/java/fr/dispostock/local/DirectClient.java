package fr.dispostock.local;

import com.amazonaws.AmazonServiceException;
import com.amazonaws.services.dynamodbv2.AmazonDynamoDB;
import com.amazonaws.services.dynamodbv2.model.AttributeValue;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The functions' SDK v2 client over DynamoDB Local's own SDK v1 handler, in this JVM: the requests
 * the stores build are handed over as objects, where DynamoDB Local's own v2 client turns each into
 * JSON and back (a third of the seed's CPU, measured: BENCHMARKS.md). Only what the stores call
 * while seeding is here (reads by key, queries, batches, transactions, conditional puts); any other
 * call fails as unsupported, never silently.
 */
final class DirectClient implements DynamoDbClient {
    private final AmazonDynamoDB v1;

    DirectClient(AmazonDynamoDB v1) {
        this.v1 = v1;
    }

    @Override
    public GetItemResponse getItem(GetItemRequest r) {
        var out = call(() -> v1.getItem(new com.amazonaws.services.dynamodbv2.model.GetItemRequest()
                .withTableName(r.tableName()).withKey(v1(r.key())).withConsistentRead(r.consistentRead())
                .withProjectionExpression(r.projectionExpression())
                .withExpressionAttributeNames(names(r.expressionAttributeNames()))));
        return GetItemResponse.builder().item(out.getItem() == null ? null : v2(out.getItem())).build();
    }

    @Override
    public QueryResponse query(QueryRequest r) {
        var out = call(() -> v1.query(new com.amazonaws.services.dynamodbv2.model.QueryRequest()
                .withTableName(r.tableName()).withIndexName(r.indexName())
                .withKeyConditionExpression(r.keyConditionExpression()).withFilterExpression(r.filterExpression())
                .withProjectionExpression(r.projectionExpression())
                .withExpressionAttributeNames(names(r.expressionAttributeNames()))
                .withExpressionAttributeValues(values(r.expressionAttributeValues()))
                .withConsistentRead(r.consistentRead()).withScanIndexForward(r.scanIndexForward())
                .withLimit(r.limit()).withExclusiveStartKey(values(r.exclusiveStartKey()))));
        return QueryResponse.builder().items(out.getItems().stream().map(DirectClient::v2).toList())
                .count(out.getCount()).scannedCount(out.getScannedCount())
                .lastEvaluatedKey(out.getLastEvaluatedKey() == null ? null : v2(out.getLastEvaluatedKey())).build();
    }

    @Override
    public BatchGetItemResponse batchGetItem(BatchGetItemRequest r) {
        Map<String, com.amazonaws.services.dynamodbv2.model.KeysAndAttributes> requested = new LinkedHashMap<>();
        r.requestItems().forEach((table, k) -> requested.put(table, keys(k)));
        var out = call(() -> v1.batchGetItem(requested));
        Map<String, List<Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>>> found = new LinkedHashMap<>();
        out.getResponses().forEach((table, items) -> found.put(table, items.stream().map(DirectClient::v2).toList()));
        Map<String, KeysAndAttributes> unprocessed = new LinkedHashMap<>();
        out.getUnprocessedKeys().forEach((table, k) -> unprocessed.put(table, KeysAndAttributes.builder()
                .keys(k.getKeys().stream().map(DirectClient::v2).toList()).consistentRead(k.getConsistentRead())
                .projectionExpression(k.getProjectionExpression()).expressionAttributeNames(k.getExpressionAttributeNames())
                .build()));
        return BatchGetItemResponse.builder().responses(found).unprocessedKeys(unprocessed).build();
    }

    @Override
    public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest r) {
        Map<String, List<com.amazonaws.services.dynamodbv2.model.WriteRequest>> requested = new LinkedHashMap<>();
        r.requestItems().forEach((table, writes) -> requested.put(table, writes.stream().map(DirectClient::v1).toList()));
        var out = call(() -> v1.batchWriteItem(requested));
        Map<String, List<WriteRequest>> unprocessed = new LinkedHashMap<>();
        out.getUnprocessedItems().forEach((table, writes) -> unprocessed.put(table, writes.stream().map(w -> w.getPutRequest() != null
                ? WriteRequest.builder().putRequest(PutRequest.builder().item(v2(w.getPutRequest().getItem())).build()).build()
                : WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(v2(w.getDeleteRequest().getKey())).build()).build())
                .toList()));
        return BatchWriteItemResponse.builder().unprocessedItems(unprocessed).build();
    }

    @Override
    public PutItemResponse putItem(PutItemRequest r) {
        var out = call(() -> v1.putItem(new com.amazonaws.services.dynamodbv2.model.PutItemRequest()
                .withTableName(r.tableName()).withItem(v1(r.item())).withConditionExpression(r.conditionExpression())
                .withExpressionAttributeNames(names(r.expressionAttributeNames()))
                .withExpressionAttributeValues(values(r.expressionAttributeValues()))
                .withReturnValues(r.returnValuesAsString()).withReturnConsumedCapacity(r.returnConsumedCapacityAsString())));
        var capacity = out.getConsumedCapacity();
        return PutItemResponse.builder().attributes(out.getAttributes() == null ? null : v2(out.getAttributes()))
                .consumedCapacity(capacity == null ? null : software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity
                        .builder().tableName(capacity.getTableName()).capacityUnits(capacity.getCapacityUnits()).build())
                .build();
    }

    @Override
    public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest r) {
        List<com.amazonaws.services.dynamodbv2.model.TransactWriteItem> writes = r.transactItems().stream()
                .map(DirectClient::v1).toList();
        call(() -> v1.transactWriteItems(new com.amazonaws.services.dynamodbv2.model.TransactWriteItemsRequest()
                .withTransactItems(writes).withClientRequestToken(r.clientRequestToken())));
        return TransactWriteItemsResponse.builder().build();
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
        // DynamoDB Local's handler is shut down with its database (InProcessDynamoDb#close)
    }

    // ---- requests and errors

    private static com.amazonaws.services.dynamodbv2.model.TransactWriteItem v1(TransactWriteItem w) {
        var out = new com.amazonaws.services.dynamodbv2.model.TransactWriteItem();
        if (w.put() != null) {
            var p = w.put();
            out.setPut(new com.amazonaws.services.dynamodbv2.model.Put().withTableName(p.tableName()).withItem(v1(p.item()))
                    .withConditionExpression(p.conditionExpression())
                    .withExpressionAttributeNames(names(p.expressionAttributeNames()))
                    .withExpressionAttributeValues(values(p.expressionAttributeValues())));
        } else if (w.delete() != null) {
            var d = w.delete();
            out.setDelete(new com.amazonaws.services.dynamodbv2.model.Delete().withTableName(d.tableName()).withKey(v1(d.key()))
                    .withConditionExpression(d.conditionExpression())
                    .withExpressionAttributeNames(names(d.expressionAttributeNames()))
                    .withExpressionAttributeValues(values(d.expressionAttributeValues())));
        } else if (w.update() != null) {
            var u = w.update();
            out.setUpdate(new com.amazonaws.services.dynamodbv2.model.Update().withTableName(u.tableName()).withKey(v1(u.key()))
                    .withUpdateExpression(u.updateExpression()).withConditionExpression(u.conditionExpression())
                    .withExpressionAttributeNames(names(u.expressionAttributeNames()))
                    .withExpressionAttributeValues(values(u.expressionAttributeValues())));
        } else {
            var c = w.conditionCheck();
            out.setConditionCheck(new com.amazonaws.services.dynamodbv2.model.ConditionCheck().withTableName(c.tableName())
                    .withKey(v1(c.key())).withConditionExpression(c.conditionExpression())
                    .withExpressionAttributeNames(names(c.expressionAttributeNames()))
                    .withExpressionAttributeValues(values(c.expressionAttributeValues())));
        }
        return out;
    }

    private static com.amazonaws.services.dynamodbv2.model.WriteRequest v1(WriteRequest w) {
        return w.putRequest() != null
                ? new com.amazonaws.services.dynamodbv2.model.WriteRequest(
                        new com.amazonaws.services.dynamodbv2.model.PutRequest(v1(w.putRequest().item())))
                : new com.amazonaws.services.dynamodbv2.model.WriteRequest(
                        new com.amazonaws.services.dynamodbv2.model.DeleteRequest(v1(w.deleteRequest().key())));
    }

    private static com.amazonaws.services.dynamodbv2.model.KeysAndAttributes keys(KeysAndAttributes k) {
        return new com.amazonaws.services.dynamodbv2.model.KeysAndAttributes()
                .withKeys(k.keys().stream().map(DirectClient::v1).toList()).withConsistentRead(k.consistentRead())
                .withProjectionExpression(k.projectionExpression())
                .withExpressionAttributeNames(names(k.expressionAttributeNames()));
    }

    /** An SDK v2 map left unset reads as empty, which DynamoDB Local refuses where it means "none". */
    private static Map<String, String> names(Map<String, String> names) {
        return names == null || names.isEmpty() ? null : names;
    }

    private static Map<String, AttributeValue> values(Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> values) {
        return values == null || values.isEmpty() ? null : v1(values);
    }

    /** DynamoDB Local's errors as the functions' client raises them, so that the stores' handling is the same. */
    private static <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (com.amazonaws.services.dynamodbv2.model.TransactionCanceledException e) {
            throw TransactionCanceledException.builder().message(e.getErrorMessage())
                    .cancellationReasons(e.getCancellationReasons().stream().map(c -> CancellationReason.builder()
                            .code(c.getCode()).message(c.getMessage()).build()).toList())
                    .awsErrorDetails(details(e)).statusCode(e.getStatusCode()).build();
        } catch (com.amazonaws.services.dynamodbv2.model.ConditionalCheckFailedException e) {
            throw ConditionalCheckFailedException.builder().message(e.getErrorMessage()).awsErrorDetails(details(e))
                    .statusCode(e.getStatusCode()).build();
        } catch (AmazonServiceException e) {
            throw DynamoDbException.builder().message(e.getErrorMessage()).awsErrorDetails(details(e))
                    .statusCode(e.getStatusCode()).build();
        }
    }

    private static AwsErrorDetails details(AmazonServiceException e) {
        return AwsErrorDetails.builder().errorCode(e.getErrorCode()).errorMessage(e.getErrorMessage())
                .serviceName(SERVICE_NAME).build();
    }

    // ---- attribute values, both ways

    static Map<String, AttributeValue> v1(Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item) {
        return convert(item, DirectClient::v1);
    }

    static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> v2(Map<String, AttributeValue> item) {
        return convert(item, DirectClient::v2);
    }

    private static <A, B> Map<String, B> convert(Map<String, A> item, Function<A, B> value) {
        Map<String, B> out = new LinkedHashMap<>();
        item.forEach((k, v) -> out.put(k, value.apply(v)));
        return out;
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
            case L -> out.setL(v.l().stream().map(DirectClient::v1).toList());
            default -> throw new IllegalArgumentException("unknown attribute type " + v.type());
        }
        return out;
    }

    private static software.amazon.awssdk.services.dynamodb.model.AttributeValue v2(AttributeValue v) {
        var out = software.amazon.awssdk.services.dynamodb.model.AttributeValue.builder();
        if (v.getS() != null) {
            out.s(v.getS());
        } else if (v.getN() != null) {
            out.n(v.getN());
        } else if (v.getB() != null) {
            out.b(SdkBytes.fromByteBuffer(v.getB()));
        } else if (v.getBOOL() != null) {
            out.bool(v.getBOOL());
        } else if (v.getNULL() != null) {
            out.nul(v.getNULL());
        } else if (v.getSS() != null) {
            out.ss(v.getSS());
        } else if (v.getNS() != null) {
            out.ns(v.getNS());
        } else if (v.getBS() != null) {
            out.bs(v.getBS().stream().map(SdkBytes::fromByteBuffer).toList());
        } else if (v.getM() != null) {
            out.m(v2(v.getM()));
        } else if (v.getL() != null) {
            out.l(v.getL().stream().map(DirectClient::v2).toList());
        } else {
            throw new IllegalArgumentException("an attribute value of no type");
        }
        return out.build();
    }
}
