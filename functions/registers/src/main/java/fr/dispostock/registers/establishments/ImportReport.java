package fr.dispostock.registers.establishments;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** What a FINESS import did, line by line (the header is line 1). */
@Serdeable
public record ImportReport(int created, int updated, int unchanged, List<Rejected> rejected) {
    @Serdeable
    public record Rejected(int line, String reason) {
    }
}
