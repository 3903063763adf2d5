package fr.dispostock.statestock.lots;

import fr.dispostock.domain.Limits;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/** The lots a PUI declares for a Thursday, as it sends them. */
@Serdeable
public record LotsBody(@ArraySchema(maxItems = Limits.LOTS_MAX) List<LotBody> lines) {
    @Serdeable
    public record LotBody(String productCode, String lot, String expiry, @Schema(description = "units, a whole number", minimum = "0",
                                  maximum = "" + Limits.LOT_QUANTITY_MAX) BigDecimal quantity, Boolean expired) {
    }
}
