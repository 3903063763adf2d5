package fr.dispostock.registers.supply;

import fr.dispostock.domain.Caller;
import fr.dispostock.domain.Cis;
import fr.dispostock.domain.Scope;
import fr.dispostock.domain.register.Medicine;
import fr.dispostock.domain.register.SupplyStatus;
import fr.dispostock.domain.register.SupplyStatusFile;
import fr.dispostock.domain.register.SupplyStatusStore;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The medicines agency's shortage and supply-tension statuses (the public medicines database's
 * {@code CIS_CIP_Dispo_Spec} file), imported whole by the national operator: the file is the
 * agency's list of the day, so a CIS it no longer lists has its statuses removed; a file with a bad
 * line is refused whole (a CIS whose lines were refused is not "no longer listed"). Importing the same
 * file again writes nothing.
 */
@Singleton
public class SupplyStatusService {
    private static final Logger LOG = LoggerFactory.getLogger(SupplyStatusService.class);
    private final SupplyStatusStore store;

    public SupplyStatusService(SupplyStatusStore store) {
        this.store = store;
    }

    public SupplyStatusImport importFile(Caller caller, String text) {
        Scope.requireNational(caller);
        Map<Cis, List<SupplyStatus>> file = SupplyStatusFile.parse(text);
        Map<Cis, List<SupplyStatus>> before = store.allSupplyStatuses();
        Map<Cis, List<SupplyStatus>> changed = new LinkedHashMap<>();
        int created = 0;
        int statuses = 0;
        for (Map.Entry<Cis, List<SupplyStatus>> e : file.entrySet()) {
            statuses += e.getValue().size();
            List<SupplyStatus> was = before.get(e.getKey());
            if (!e.getValue().equals(was)) {
                changed.put(e.getKey(), e.getValue());
                created += was == null ? 1 : 0;
            }
        }
        List<Cis> ended = before.keySet().stream().filter(c -> !file.containsKey(c)).toList();
        store.writeSupplyStatuses(changed, ended);
        LOG.info("supply statuses import by {}: {} CIS written, {} removed", caller.subject(), changed.size(), ended.size());
        return new SupplyStatusImport(statuses, created, changed.size() - created, file.size() - changed.size(),
                ended.size());
    }

    /** The statuses of an item's CIS codes, in the order of its codes (none when the agency lists none). */
    public List<SupplyStatusView> of(Medicine item) {
        Map<Cis, List<SupplyStatus>> found = store.supplyStatuses(item.cis());
        return item.cis().stream().flatMap(c -> found.getOrDefault(c, List.of()).stream())
                .map(SupplyStatusView::of).toList();
    }
}
