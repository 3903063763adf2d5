package fr.dispostock.domain.register;

import fr.dispostock.domain.Cis;
import fr.dispostock.domain.Region;
import fr.dispostock.domain.Ucd;

import java.time.LocalDate;
import java.util.List;

/**
 * A tracked item: one specialty, or several UCD codes grouped under one label (a brand and its
 * generics) when one line is declared for the group, with the CIS codes of those specialties (the
 * key of the medicines agency's shortage statuses; none when not linked yet). Ending its tracking
 * never deletes it.
 */
public record Medicine(String itemId, String label, List<Ucd> ucds, List<Cis> cis, Priority priority,
                       LocalDate trackingStart, LocalDate trackingEnd, long version) {

    public enum Level { NATIONAL, REGIONAL }

    /** National level 1 (every PUI in France declares it) or regional (the PUIs of these regions). */
    public record Priority(Level level, List<Region> regions) {
        public Priority {
            regions = List.copyOf(regions);
        }
    }

    public Medicine {
        ucds = List.copyOf(ucds);
        cis = List.copyOf(cis);
    }

    /** Tracked on that day: started, and not yet ended (the end date is the last tracked day). */
    public boolean trackedOn(LocalDate day) {
        return !day.isBefore(trackingStart) && (trackingEnd == null || !day.isAfter(trackingEnd));
    }

    /** The items the PUIs of a region declare for a week: tracked during it, national or of the region; by id. */
    public static List<Medicine> toDeclare(java.util.Collection<Medicine> all, Region region, fr.dispostock.domain.IsoWeek week) {
        return all.stream()
                .filter(m -> m.concerns(region))
                .filter(m -> !m.trackingStart().isAfter(week.sunday())
                        && (m.trackingEnd() == null || !m.trackingEnd().isBefore(week.monday())))
                .sorted(java.util.Comparator.comparing(Medicine::itemId))
                .toList();
    }

    /** The PUIs of this region must declare it (when tracked). */
    public boolean concerns(Region region) {
        return priority.level() == Level.NATIONAL || priority.regions().contains(region);
    }
}
