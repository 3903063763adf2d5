package fr.dispostock.domain.statestock;

import fr.dispostock.domain.ConflictException;
import fr.dispostock.domain.Finess;
import fr.dispostock.domain.Region;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * An order of State-stock products by a PUI for an order day, with every step that happened to it
 * (who, when, what), its review line by line and what was shipped. Its steps are its own methods, each
 * a new version of the order; only the transitions of {@link OrderStatus} are allowed.
 */
public record Order(String orderId, Finess finessEt, Finess finessEj, Region region, LocalDate orderDay,
                    OrderStatus status, List<Line> lines, List<Shipment> shipments, List<Step> history,
                    Instant createdAt, long version) {

    /**
     * @param proposed a device line the platform added for the vaccines ordered
     * @param approvedQuantity null until reviewed
     */
    public record Line(String productCode, long quantity, boolean proposed, Long approvedQuantity, String reason) {
    }

    public record Shipment(LocalDate shippedOn, String deliveryAddress, List<ShippedLot> lots) {
        public Shipment {
            lots = lots == null ? List.of() : List.copyOf(lots);
        }
    }

    public record ShippedLot(String productCode, String lot, LocalDate expiry, long quantity) {
    }

    public record Step(Instant at, String by, OrderStatus status, String note) {
    }

    public Order {
        lines = lines == null ? List.of() : List.copyOf(lines); // absent from a document written without empty lists
        shipments = shipments == null ? List.of() : List.copyOf(shipments); // absent from a document written without empty lists
        history = history == null ? List.of() : List.copyOf(history); // absent from a document written without empty lists
    }

    /** A new order, submitted by {@code by} at {@code at} for the order day that instant belongs to. */
    public static Order placed(String orderId, Finess finessEt, Finess finessEj, Region region, List<Line> lines,
                               Instant at, String by) {
        return new Order(orderId, finessEt, finessEj, region, OrderDays.of(at), OrderStatus.SUBMITTED, lines, List.of(),
                List.of(new Step(at, by, OrderStatus.SUBMITTED, null)), at, 1);
    }

    /** Reviewed line by line: approved when every line is, rejected when none is, else partially approved. */
    public Order reviewed(List<Line> reviewedLines, Instant at, String by) {
        boolean all = reviewedLines.stream().allMatch(l -> l.approvedQuantity() == l.quantity());
        boolean none = reviewedLines.stream().allMatch(l -> l.approvedQuantity() == 0);
        OrderStatus next = all ? OrderStatus.APPROVED : none ? OrderStatus.REJECTED : OrderStatus.PARTIALLY_APPROVED;
        return step(next, reviewedLines, shipments, at, by, null);
    }

    /** What the supplier shipped, to the PUI's delivery address. */
    public Order shipped(Shipment shipment, Instant at, String by) {
        List<Shipment> all = new ArrayList<>(shipments);
        all.add(shipment);
        return step(OrderStatus.SHIPPED, lines, all, at, by, "to " + shipment.deliveryAddress());
    }

    /** Cancelled by the pharmacist, before the review. */
    public Order cancelled(Instant at, String by) {
        return step(OrderStatus.CANCELLED, lines, shipments, at, by, null);
    }

    /**
     * Whether the order may still take this step: a conflict naming its status if not (checked before
     * the step's body, so that a late step is told it is late rather than what its body lacks).
     */
    public void requireStep(OrderStatus next, String verb) {
        if (!status.canBecome(next)) {
            throw new ConflictException(ConflictException.Kind.CONFLICT, "Order " + orderId + " is " + status
                    + ": it can no longer be " + verb + ".");
        }
    }

    private Order step(OrderStatus next, List<Line> nextLines, List<Shipment> nextShipments, Instant at, String by,
                       String note) {
        List<Step> steps = new ArrayList<>(history);
        steps.add(new Step(at, by, next, note));
        return new Order(orderId, finessEt, finessEj, region, orderDay, next, nextLines, nextShipments, steps, createdAt,
                version + 1);
    }
}
