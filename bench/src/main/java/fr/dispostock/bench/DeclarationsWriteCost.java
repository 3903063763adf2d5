package fr.dispostock.bench;

import fr.dispostock.embedded.WriteCost;
import fr.dispostock.embedded.WriteCostMeter;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * The write cost of the DeclarationsTable, counted around the local platform's own DynamoDB client:
 * the SDK adds this interceptor to every client of a benchmark's JVM (execution.interceptors beside
 * it), so the production store neither asks for nor adds up consumed capacity.
 */
public final class DeclarationsWriteCost implements ExecutionInterceptor {
    private static final WriteCostMeter METER = new WriteCostMeter("DeclarationsTable");

    /** What the declarations written so far in this JVM cost. */
    public static WriteCost total() {
        return METER.writeCost();
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        return METER.modifyRequest(context, attributes);
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        METER.afterExecution(context, attributes);
    }
}
