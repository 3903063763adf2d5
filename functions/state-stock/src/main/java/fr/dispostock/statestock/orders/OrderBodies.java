package fr.dispostock.statestock.orders;

import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;

/** What clients send to the order routes. */
public final class OrderBodies {
    private OrderBodies() {
    }

    @Serdeable
    public record Place(String finessEt, List<Line> lines) {
        @Serdeable
        public record Line(String productCode, BigDecimal quantity) {
        }
    }

    @Serdeable
    public record Review(List<ReviewLine> lines) {
        @Serdeable
        public record ReviewLine(String productCode, BigDecimal approvedQuantity, String reason) {
        }
    }

    @Serdeable
    public record Ship(String shippedOn, List<ShipLine> lines) {
        @Serdeable
        public record ShipLine(String productCode, String lot, String expiry, BigDecimal quantity) {
        }
    }
}
