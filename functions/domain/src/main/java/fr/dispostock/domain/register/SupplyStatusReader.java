package fr.dispostock.domain.register;

import fr.dispostock.domain.Cis;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The medicines agency's shortage and supply-tension statuses as last imported into the registers,
 * for the functions that only read them (port; the registers function writes them through
 * {@link SupplyStatusStore}).
 */
public interface SupplyStatusReader {

    /** The statuses of these CIS codes, in the file's order; a CIS with none is absent from the map. */
    Map<Cis, List<SupplyStatus>> supplyStatuses(Collection<Cis> cis);
}
