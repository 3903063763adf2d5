package fr.dispostock.domain.statestock;

import java.util.Set;

/**
 * Where an order stands. The transitions are the only ones the rules allow: an ARS reviews a
 * submitted order, the pharmacist may cancel it until then, the supplier ships what was approved.
 */
public enum OrderStatus {
    SUBMITTED, APPROVED, PARTIALLY_APPROVED, REJECTED, CANCELLED, SHIPPED;

    public boolean canBecome(OrderStatus next) {
        return switch (this) {
            case SUBMITTED -> Set.of(APPROVED, PARTIALLY_APPROVED, REJECTED, CANCELLED).contains(next);
            case APPROVED, PARTIALLY_APPROVED -> next == SHIPPED;
            case REJECTED, CANCELLED, SHIPPED -> false;
        };
    }

    /** Whether the supplier sees an order in this status: it has to ship it, or has shipped it. */
    public boolean seenBySupplier() {
        return this == APPROVED || this == PARTIALLY_APPROVED || this == SHIPPED;
    }
}
