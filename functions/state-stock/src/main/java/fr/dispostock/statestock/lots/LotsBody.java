package fr.dispostock.statestock.lots;

import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;

/** The lots a PUI declares for a Thursday, as it sends them. */
@Serdeable
public record LotsBody(List<LotBody> lines) {
    @Serdeable
    public record LotBody(String productCode, String lot, String expiry, BigDecimal quantity, Boolean expired) {
    }
}
