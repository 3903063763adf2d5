package fr.dispostock.registers.medicines;

import fr.dispostock.domain.Limits;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.ArraySchema;

import java.util.List;

/** A tracked item as a client sends it, validated as a whole by {@link MedicineService}. */
@Serdeable
public record MedicineBody(String itemId, String label, @ArraySchema(maxItems = Limits.UCDS_MAX) List<String> ucds, PriorityBody priority,
                           String trackingStart, String trackingEnd) {
    @Serdeable
    public record PriorityBody(String level, @ArraySchema(maxItems = Limits.REGIONS_MAX) List<String> regions) {
    }
}
