package fr.dispostock.statestock.catalogue;

import fr.dispostock.domain.Limits;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/** A catalogue product as the national operator sends it. */
@Serdeable
public record ProductBody(String name, String kind, String unit, @Schema(minimum = "1", maximum = "" + Limits.PACK_SIZE_MAX) BigDecimal packSize, @ArraySchema(maxItems = Limits.DEVICES_MAX) List<DeviceBody> devices,
                          Boolean orderable) {
    @Serdeable
    public record DeviceBody(String code, @Schema(minimum = "1", maximum = "" + Limits.DEVICES_PER_UNIT_MAX) BigDecimal perUnit) {
    }
}
