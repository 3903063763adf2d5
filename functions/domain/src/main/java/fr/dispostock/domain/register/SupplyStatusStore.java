package fr.dispostock.domain.register;

import fr.dispostock.domain.Cis;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Where the registers function keeps the agency's statuses, one record per CIS (port). */
public interface SupplyStatusStore extends SupplyStatusReader {

    /** Every CIS that has statuses, with them. */
    Map<Cis, List<SupplyStatus>> allSupplyStatuses();

    /** Writes these CIS's statuses (replacing theirs) and removes those of the CIS no longer listed. */
    void writeSupplyStatuses(Map<Cis, List<SupplyStatus>> changed, Collection<Cis> ended);
}
