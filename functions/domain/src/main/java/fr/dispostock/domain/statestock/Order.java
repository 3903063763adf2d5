package fr.dispostock.domain.statestock;

import fr.dispostock.domain.Finess;
import fr.dispostock.domain.Region;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An order of State-stock products by a PUI for an order day, with every step that happened to it
 * (who, when, what), its review line by line and what was shipped.
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
}
