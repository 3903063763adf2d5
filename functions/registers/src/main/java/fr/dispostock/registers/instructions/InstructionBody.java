package fr.dispostock.registers.instructions;

import io.micronaut.serde.annotation.Serdeable;

/** Instructions as a client sends them, validated as a whole by {@link InstructionService}. */
@Serdeable
public record InstructionBody(String title, String body, String region, String validFrom, String validTo) {
}
