package fr.dispostock.registers.establishments;

import io.micronaut.serde.annotation.Serdeable;

/** An establishment as a client sends it: raw text, validated as a whole by {@link EstablishmentService}. */
@Serdeable
public record EstablishmentBody(String finessEj, String ipe, String name, String region, String departement,
                                String category, String status) {
}
