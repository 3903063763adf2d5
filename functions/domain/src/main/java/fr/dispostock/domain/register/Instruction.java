package fr.dispostock.domain.register;

import fr.dispostock.domain.Region;

import java.time.LocalDate;

/** Dated instructions ("consignes") shown on the home page: national (no region) or regional. */
public record Instruction(String id, String title, String body, Region region, LocalDate validFrom,
                          LocalDate validTo, long version) {

    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }
}
