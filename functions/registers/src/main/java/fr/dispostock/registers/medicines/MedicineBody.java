package fr.dispostock.registers.medicines;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A tracked item as a client sends it, validated as a whole by {@link MedicineService}. */
@Serdeable
public record MedicineBody(String itemId, String label, List<String> ucds, PriorityBody priority,
                           String trackingStart, String trackingEnd) {
    @Serdeable
    public record PriorityBody(String level, List<String> regions) {
    }
}
