package fr.dispostock.declarations;

import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;

/** A weekly declaration as a client sends it in JSON; CSV files are read into the same shape. */
@Serdeable
public record DeclarationBody(List<LineBody> lines) {
    @Serdeable
    public record LineBody(String itemId, BigDecimal stock, BigDecimal averageDailyConsumption) {
    }
}
