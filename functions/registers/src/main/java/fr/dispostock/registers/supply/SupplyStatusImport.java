package fr.dispostock.registers.supply;

import io.micronaut.serde.annotation.Serdeable;

/**
 * What an import of the agency's file did, by CIS: statuses of a CIS new, changed, the same, or
 * removed (its CIS is no longer in the file: supply is no longer followed by the agency). A file
 * with a bad line is refused whole (422), so nothing is ever imported beside refused lines.
 */
@Serdeable
public record SupplyStatusImport(int statuses, int created, int updated, int unchanged, int removed) {
}
