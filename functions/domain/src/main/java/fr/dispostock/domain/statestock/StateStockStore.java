package fr.dispostock.domain.statestock;

import java.util.Optional;

/** Where the State-stock catalogue, lot declarations and orders are kept (port of the State-stock function, which alone writes them). */
public interface StateStockStore extends StateStockReader {

    /** Conditional on the version read ({@code previous} null: create). */
    Product save(Product previous, Product next, String who);

    /**
     * Writes {@code next} if the Thursday is still as {@code previous} was read ({@code previous}
     * null: not declared yet), and keeps {@code previous}'s lots as an earlier revision in the same
     * write; false when someone declared meanwhile.
     */
    boolean save(LotDeclaration previous, LotDeclaration next);

    /** The order a caller's idempotency key already created, with the fingerprint of that first request. */
    record Remembered(String orderId, String requestFingerprint) {
    }

    /**
     * Creates the order and remembers its idempotency key in one transaction; if the key was used
     * already nothing is written and what it created is returned.
     */
    Optional<Remembered> create(Order order, String idempotencyKey, String requestFingerprint);

    /** Conditional on the version read: false when another change won. */
    boolean update(Order order, long expectedVersion);

    /** Replaces what was declared available for its order day. */
    void save(Availability availability);
}
