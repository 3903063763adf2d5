package fr.dispostock.insights;

import fr.dispostock.domain.insight.AreaCoverage;
import fr.dispostock.domain.insight.TerritorialDisparities;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;
import java.util.List;

/**
 * Territorial disparities as the route answers them: the nation's median coverage days, item by item,
 * and each region and département in scope against it, with the items on which it falls behind (its
 * median under {@code behindShare} of the nation's), furthest below first. A decision aid: a person decides.
 *
 * @param nation the nation's medians (every place is compared with them)
 * @param places the regions, then the départements, by code
 */
@Serdeable
public record DisparitiesView(String week, double behindShare, Area nation, List<Area> places) {

    /**
     * An area's coverage.
     *
     * @param level              NATION, REGION or DEPARTEMENT
     * @param code               the region's or département's code; null for the nation
     * @param region             the area's region code; null for the nation
     * @param medianCoverageDays over every PUI × item of the area that consumes something
     * @param items              item by item
     * @param behind             where it falls behind the nation (itemId null: over every item); empty for the nation
     */
    @Serdeable
    public record Area(String level, @Nullable String code, String name, @Nullable String region,
                       double medianCoverageDays, int puiItems, List<Item> items, List<Shortfall> behind) {
    }

    @Serdeable
    public record Item(String itemId, double medianCoverageDays, int puiItems) {
    }

    /**
     * @param daysBelow how many days under the nation's median
     * @param share     the area's median as a share of the nation's
     */
    @Serdeable
    public record Shortfall(@Nullable String itemId, double medianCoverageDays, double nationalMedianDays,
                            double daysBelow, double share, int puiItems) {
    }

    static DisparitiesView of(String week, AreaCoverage nation, List<AreaCoverage> places) {
        return new DisparitiesView(week, TerritorialDisparities.BEHIND_SHARE, area(nation, List.of()),
                places.stream().map(p -> area(p, TerritorialDisparities.behind(p, nation).stream()
                        .map(s -> new Shortfall(s.itemId(), s.medianCoverageDays(), s.nationalMedianDays(),
                                s.daysBelow(), s.share(), s.puiItems())).toList())).toList());
    }

    private static Area area(AreaCoverage a, List<Shortfall> behind) {
        return new Area(a.level().name(), a.code(), TerritorialDisparities.name(a),
                a.region() == null ? null : a.region().code(), a.all().days(), a.all().puiItems(),
                a.items().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> new Item(e.getKey(), e.getValue().days(), e.getValue().puiItems())).toList(), behind);
    }
}
