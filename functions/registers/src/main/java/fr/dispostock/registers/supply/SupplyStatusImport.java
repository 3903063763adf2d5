package fr.dispostock.registers.supply;

import fr.dispostock.registers.establishments.ImportReport;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * What an import of the agency's file did, by CIS: statuses of a CIS new, changed, the same, or
 * removed (its CIS is no longer in the file: supply is no longer followed by the agency), and the
 * lines refused with why (line 1 is the first; the file has no header).
 */
@Serdeable
public record SupplyStatusImport(int statuses, int created, int updated, int unchanged, int removed,
                                 List<ImportReport.Rejected> rejected) {
}
