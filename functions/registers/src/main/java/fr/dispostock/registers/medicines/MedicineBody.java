package fr.dispostock.registers.medicines;

import fr.dispostock.domain.Limits;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * A tracked item as a client sends it, validated as a whole by {@link MedicineService}. {@code cis}
 * absent or null: no CIS code (a PUT replaces the item: send the codes it keeps).
 */
@Serdeable
public record MedicineBody(String itemId, String label, @ArraySchema(maxItems = Limits.UCDS_MAX) List<String> ucds,
                           @Nullable @ArraySchema(maxItems = Limits.CIS_MAX, schema = @Schema(pattern = "^\\s*[0-9]{8}\\s*$",
                                   description = "CIS code of the public medicines database (8 digits)")) List<String> cis,
                           PriorityBody priority, String trackingStart, String trackingEnd) {
    @Serdeable
    public record PriorityBody(String level, @ArraySchema(maxItems = Limits.REGIONS_MAX) List<String> regions) {
    }
}
