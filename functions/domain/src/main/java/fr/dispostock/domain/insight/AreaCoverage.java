package fr.dispostock.domain.insight;

import fr.dispostock.domain.IsoWeek;
import fr.dispostock.domain.Region;

import java.util.Map;

/**
 * The coverage days of the PUI × items of an area (the nation, a region or a département) assessed
 * in a week: their median over every item, and item by item.
 *
 * @param code   the region's or the département's code; null for the nation
 * @param region the area's region; null for the nation
 * @param all    the median over every PUI × item of the area
 * @param items  the median of each item's PUIs, by item id
 */
public record AreaCoverage(IsoWeek week, Level level, String code, Region region, Median all,
                           Map<String, Median> items) {
    public enum Level { NATION, REGION, DEPARTEMENT }

    public AreaCoverage {
        items = Map.copyOf(items);
    }

    /** A median of coverage days, and of how many PUI × items. */
    public record Median(double days, int puiItems) {
    }
}
