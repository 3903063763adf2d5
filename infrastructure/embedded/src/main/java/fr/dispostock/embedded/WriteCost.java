package fr.dispostock.embedded;

/**
 * What writes cost in DynamoDB write capacity: what DynamoDB reported as consumed, against the
 * least writes of those bytes can cost (one unit per started KB of each item, two in a
 * transaction), as {@link WriteCostMeter} counts it for the write-cost benchmark and tests.
 */
public record WriteCost(long writes, long bytes, double capacityUnits, long minimumCapacityUnits) {
    public static final WriteCost NONE = new WriteCost(0, 0, 0, 0);

    public WriteCost plus(WriteCost o) {
        return new WriteCost(writes + o.writes, bytes + o.bytes, capacityUnits + o.capacityUnits,
                minimumCapacityUnits + o.minimumCapacityUnits);
    }

    public WriteCost minus(WriteCost o) {
        return new WriteCost(writes - o.writes, bytes - o.bytes, capacityUnits - o.capacityUnits,
                minimumCapacityUnits - o.minimumCapacityUnits);
    }
}
