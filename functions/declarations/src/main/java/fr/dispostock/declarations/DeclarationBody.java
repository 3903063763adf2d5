package fr.dispostock.declarations;

import fr.dispostock.domain.Limits;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/** A weekly declaration as a client sends it in JSON; CSV files are read into the same shape. */
@Serdeable
public record DeclarationBody(@ArraySchema(maxItems = Limits.DECLARATION_LINES_MAX) List<LineBody> lines) {
    @Serdeable
    public record LineBody(String itemId,
                           @Schema(description = "units on hand, a whole number", minimum = "0",
                                   maximum = "" + Limits.STOCK_MAX) BigDecimal stock,
                           @Schema(description = "units per day, at most 3 decimals", minimum = "0",
                                   maximum = "" + Limits.CONSUMPTION_MAX) BigDecimal averageDailyConsumption) {
    }
}
