package fr.dispostock.registers.supply;

import fr.dispostock.domain.register.SupplyStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;

/** One of the agency's statuses as clients read it. */
@Serdeable
public record SupplyStatusView(String cis, @Nullable String cip13,
                               @Schema(allowableValues = {"SHORTAGE", "TENSION", "DISCONTINUED", "AVAILABLE_AGAIN"}) String kind,
                               LocalDate since, LocalDate updatedOn, @Nullable LocalDate availableAgainOn,
                               @Nullable String url) {

    static SupplyStatusView of(SupplyStatus s) {
        return new SupplyStatusView(s.cis().code(), s.cip13(), s.kind().name(), s.since(), s.updatedOn(),
                s.availableAgainOn(), s.url());
    }
}
