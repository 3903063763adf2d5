package fr.dispostock.domain.insight;

import fr.dispostock.domain.Departement;
import fr.dispostock.domain.IsoWeek;
import fr.dispostock.domain.Region;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Territorial disparities: the coverage days of each département and region against the nation's,
 * item by item and over every item. An area falls behind on an item when the median coverage of its
 * PUIs is under half the national median of that item (the same rule over every item). PUI × items
 * that consume nothing have no coverage and are left out. Collected during a run, one assessment at
 * a time, in primitive form (a national run holds about 90,000).
 */
public final class TerritorialDisparities {
    /** Behind: the area's median under this share of the nation's. */
    public static final double BEHIND_SHARE = 0.5;
    private static final String ALL = "";
    /** Coverage days by area key ("" the nation, 1 and a region's code, 2 and a département's: their order), then by item ("" every item). */
    private final Map<String, Map<String, Values>> byArea = new HashMap<>();
    private final Map<String, AreaCoverage.Level> levels = new HashMap<>();
    private final Map<String, Region> regions = new HashMap<>();

    public void add(ShortageRisk r) {
        if (r.coverageDays() == null) {
            return;
        }
        add(ALL, AreaCoverage.Level.NATION, null, r);
        add("1" + r.region().code(), AreaCoverage.Level.REGION, r.region(), r);
        add("2" + r.departement().code(), AreaCoverage.Level.DEPARTEMENT, r.region(), r);
    }

    private void add(String area, AreaCoverage.Level level, Region region, ShortageRisk r) {
        levels.put(area, level);
        regions.put(area, region);
        Map<String, Values> items = byArea.computeIfAbsent(area, a -> new HashMap<>());
        items.computeIfAbsent(ALL, i -> new Values()).add(r.coverageDays());
        items.computeIfAbsent(r.itemId(), i -> new Values()).add(r.coverageDays());
    }

    /** The nation first, then the regions and départements by code. */
    public List<AreaCoverage> areas(IsoWeek week) {
        List<AreaCoverage> areas = new ArrayList<>();
        for (Map.Entry<String, Map<String, Values>> e : new TreeMap<>(byArea).entrySet()) {
            Map<String, AreaCoverage.Median> items = new HashMap<>();
            e.getValue().forEach((item, values) -> {
                if (!item.equals(ALL)) {
                    items.put(item, values.median());
                }
            });
            String area = e.getKey();
            areas.add(new AreaCoverage(week, levels.get(area), area.isEmpty() ? null : area.substring(1),
                    regions.get(area), e.getValue().get(ALL).median(), items));
        }
        return areas;
    }

    /**
     * Where an area falls behind the nation: every item (and "every item", {@code itemId} null) whose
     * median is under BEHIND_SHARE of the nation's, furthest below first.
     */
    public static List<Shortfall> behind(AreaCoverage area, AreaCoverage nation) {
        List<Shortfall> behind = new ArrayList<>();
        shortfall(null, area.all(), nation.all()).ifPresent(behind::add);
        area.items().forEach((item, median) -> {
            AreaCoverage.Median national = nation.items().get(item);
            if (national != null) {
                shortfall(item, median, national).ifPresent(behind::add);
            }
        });
        behind.sort(Comparator.comparingDouble(Shortfall::share).thenComparing(s -> s.itemId() == null ? "" : s.itemId()));
        return behind;
    }

    private static java.util.Optional<Shortfall> shortfall(String itemId, AreaCoverage.Median area,
                                                           AreaCoverage.Median nation) {
        if (area.days() >= BEHIND_SHARE * nation.days()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Shortfall(itemId, area.days(), nation.days(), nation.days() - area.days(),
                area.days() / nation.days(), area.puiItems()));
    }

    /**
     * An item on which an area falls behind.
     *
     * @param itemId    null for every item together
     * @param daysBelow how many days the area's median is under the nation's
     * @param share     the area's median as a share of the nation's (under BEHIND_SHARE)
     */
    public record Shortfall(String itemId, double medianCoverageDays, double nationalMedianDays, double daysBelow,
                            double share, int puiItems) {
    }

    /** The median of an odd count is the middle value, of an even one the mean of the two middle ones. */
    static double median(double[] values, int count) {
        double[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        int middle = count / 2;
        return count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** A growing array of coverage days. */
    private static final class Values {
        private double[] values = new double[4];
        private int count;

        void add(double value) {
            if (count == values.length) {
                values = Arrays.copyOf(values, count * 2);
            }
            values[count++] = value;
        }

        AreaCoverage.Median median() {
            return new AreaCoverage.Median(TerritorialDisparities.median(values, count), count);
        }
    }

    /** The area's name as people read it. */
    public static String name(AreaCoverage area) {
        return switch (area.level()) {
            case NATION -> "France";
            case REGION -> area.region().name();
            case DEPARTEMENT -> Departement.parse(area.code()).name();
        };
    }
}
