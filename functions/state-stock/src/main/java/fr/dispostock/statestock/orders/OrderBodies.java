package fr.dispostock.statestock.orders;

import fr.dispostock.domain.Limits;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/** What clients send to the order routes. */
public final class OrderBodies {
    private OrderBodies() {
    }

    @Serdeable
    public record Place(String finessEt, @ArraySchema(maxItems = Limits.ORDER_LINES_MAX) List<Line> lines) {
        @Serdeable
        public record Line(String productCode, @Schema(description = "units, whole packs", minimum = "0",
                maximum = "" + Limits.ORDER_QUANTITY_MAX) BigDecimal quantity) {
        }
    }

    @Serdeable
    public record Review(@ArraySchema(maxItems = Limits.ORDER_LINES_MAX) List<ReviewLine> lines) {
        @Serdeable
        public record ReviewLine(String productCode, @Schema(minimum = "0", maximum = "" + Limits.ORDER_QUANTITY_MAX)
                BigDecimal approvedQuantity, String reason) {
        }
    }

    @Serdeable
    public record Ship(String shippedOn, @ArraySchema(maxItems = Limits.ORDER_LINES_MAX) List<ShipLine> lines) {
        @Serdeable
        public record ShipLine(String productCode, String lot, String expiry,
                               @Schema(minimum = "0", maximum = "" + Limits.ORDER_QUANTITY_MAX) BigDecimal quantity) {
        }
    }
}
