package fr.dispostock.embedded;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the PutItem and TransactWriteItems of one table cost, counted around the production code
 * rather than inside it: this interceptor of a DynamoDB client asks DynamoDB for the consumed
 * capacity of each such write (production never does) and adds it up, beside the least the written
 * bytes can cost (one unit per started KB of each item, two in a transaction). Writes that fail (a
 * lost condition) are not counted. For the write-cost benchmark and tests.
 */
public final class WriteCostMeter implements ExecutionInterceptor {
    private final String table;
    private final AtomicReference<WriteCost> total = new AtomicReference<>(WriteCost.NONE);

    public WriteCostMeter(String table) {
        this.table = table;
    }

    /** What the writes counted so far cost. */
    public WriteCost writeCost() {
        return total.get();
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        if (context.request() instanceof PutItemRequest put && table.equals(put.tableName())) {
            return put.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        }
        if (context.request() instanceof TransactWriteItemsRequest t && ofTable(t.transactItems())) {
            return t.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        }
        return context.request();
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (context.request() instanceof PutItemRequest put && context.response() instanceof PutItemResponse r
                && table.equals(put.tableName())) {
            long size = size(put.item());
            add(new WriteCost(1, size, units(List.of(r.consumedCapacity())), kilobytes(size)));
        } else if (context.request() instanceof TransactWriteItemsRequest t
                && context.response() instanceof TransactWriteItemsResponse r && ofTable(t.transactItems())) {
            List<Long> sizes = t.transactItems().stream().filter(i -> i.put() != null).map(i -> size(i.put().item())).toList();
            // a transaction is billed two units per started KB of each item
            add(new WriteCost(1, sizes.stream().mapToLong(Long::longValue).sum(), units(r.consumedCapacity()),
                    2 * sizes.stream().mapToLong(WriteCostMeter::kilobytes).sum()));
        }
    }

    private void add(WriteCost cost) {
        total.accumulateAndGet(cost, WriteCost::plus);
    }

    private boolean ofTable(List<TransactWriteItem> items) {
        return !items.isEmpty() && items.stream().allMatch(i -> i.put() != null && table.equals(i.put().tableName()));
    }

    private static double units(List<ConsumedCapacity> consumed) {
        return consumed == null ? 0 : consumed.stream().filter(Objects::nonNull).map(ConsumedCapacity::capacityUnits)
                .filter(Objects::nonNull).mapToDouble(Double::doubleValue).sum();
    }

    private static long kilobytes(long bytes) {
        return (bytes + 1023) / 1024;
    }

    /**
     * The size DynamoDB bills an item for: attribute names plus values (strings in UTF-8, numbers
     * about one byte per two digits plus one, booleans and nulls one byte, three bytes per list or map).
     */
    static long size(Map<String, AttributeValue> item) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            size += e.getKey().getBytes(StandardCharsets.UTF_8).length + size(e.getValue());
        }
        return size;
    }

    private static long size(AttributeValue v) {
        return switch (v.type()) {
            case S -> v.s().getBytes(StandardCharsets.UTF_8).length;
            case N -> (v.n().replace("-", "").replace(".", "").length() + 1) / 2 + 1;
            case BOOL, NUL -> 1;
            case L -> 3 + v.l().stream().mapToLong(e -> size(e) + 1).sum();
            case M -> 3 + size(v.m()) + v.m().size();
            default -> v.toString().length();
        };
    }
}
