package fr.dispostock.domain.insight;

import fr.dispostock.domain.Cis;
import fr.dispostock.domain.register.Medicine;
import fr.dispostock.domain.register.SupplyStatus;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The supply tensions of the tracked items on a day, from the medicines agency's statuses of their
 * CIS codes (BDPM, imported into the registers): for each CIS its latest status declared by that day;
 * when it is a shortage, a tension or a withdrawal (not a resumed supply, not one whose resumption
 * date has come), the item is tense, since the most recent such status of its codes.
 */
public final class AgencyTensions implements SupplyTension {
    private final Map<String, Tension> byItem;

    private AgencyTensions(Map<String, Tension> byItem) {
        this.byItem = byItem;
    }

    /** The CIS codes whose statuses {@link #of(Collection, Map, LocalDate)} needs. */
    public static List<Cis> codes(Collection<Medicine> medicines) {
        return medicines.stream().flatMap(m -> m.cis().stream()).distinct().toList();
    }

    public static AgencyTensions of(Collection<Medicine> medicines, Map<Cis, List<SupplyStatus>> statuses, LocalDate day) {
        Map<String, Tension> byItem = new HashMap<>();
        for (Medicine m : medicines) {
            m.cis().stream()
                    .map(cis -> statuses.getOrDefault(cis, List.of()).stream()
                            .filter(s -> !s.since().isAfter(day))
                            .max(Comparator.comparing(SupplyStatus::since)))
                    .flatMap(Optional::stream)
                    .filter(s -> s.constrainsSupply() && (s.availableAgainOn() == null || s.availableAgainOn().isAfter(day)))
                    .max(Comparator.comparing(SupplyStatus::since))
                    .ifPresent(s -> byItem.put(m.itemId(), new Tension(words(s.kind()), s.since())));
        }
        return new AgencyTensions(byItem);
    }

    /** The agency's own words for its statuses. */
    static String words(SupplyStatus.Kind kind) {
        return switch (kind) {
            case SHORTAGE -> "Rupture de stock";
            case TENSION -> "Tension d'approvisionnement";
            case DISCONTINUED -> "Arrêt de commercialisation";
            case AVAILABLE_AGAIN -> "Remise à disposition";
        };
    }

    @Override
    public Optional<Tension> of(String itemId) {
        return Optional.ofNullable(byItem.get(itemId));
    }
}
