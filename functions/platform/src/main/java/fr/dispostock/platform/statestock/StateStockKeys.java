package fr.dispostock.platform.statestock;

import fr.dispostock.domain.Finess;
import fr.dispostock.domain.Region;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Every key of the StateStockTable, in one place: the code twin of DYNAMODB.md's key table (item keys
 * {@code pk}/{@code sk}, index keys {@code gsi1pk}/{@code gsi1sk}, {@code gsi2pk}/{@code gsi2sk}; the
 * sort keys of lot revisions from RevisionWriter). Change a layout here and there.
 */
final class StateStockKeys {
    /** The sort key of every record's own item. */
    static final String ROOT = "#";
    /** gsi1: the catalogue. */
    static final String PRODUCTS = "PRODUCTS";

    private StateStockKeys() {
    }

    static String product(String code) {
        return "PRODUCT#" + code;
    }

    /** The partition of a region's lot declarations of a Thursday. */
    static String lots(Region region, LocalDate date) {
        return "LOTS#" + date + "#REGION#" + region.code();
    }

    /** The sort key of a PUI's lots in its Thursday's partition. */
    static String pui(Finess finessEt) {
        return "PUI#" + finessEt.value();
    }

    /** The partition of a PUI's earlier revisions of a Thursday's lots. */
    static String lotRevisions(LocalDate date, Finess finessEt) {
        return "REVISIONS#LOTS#" + date + "#PUI#" + finessEt.value();
    }

    /** A retried order request's key, kept for the idempotency window. */
    static String idempotency(String idempotencyKey) {
        return "IDEMPOTENCY#" + idempotencyKey;
    }

    static String order(String orderId) {
        return "ORDER#" + orderId;
    }

    /** What the supplier declares available for an order day. */
    static String availability(LocalDate orderDay) {
        return "AVAILABILITY#" + orderDay;
    }

    /** gsi1: a region's orders. */
    static String ordersOf(Region region) {
        return "REGION#" + region.code() + "#ORDERS";
    }

    /** gsi2: a PUI's orders. */
    static String ordersOf(Finess finessEt) {
        return pui(finessEt) + "#ORDERS";
    }

    /** gsi1 and gsi2: orders oldest first. */
    static String ordered(Instant createdAt, String orderId) {
        return createdAt + "#" + orderId;
    }
}
