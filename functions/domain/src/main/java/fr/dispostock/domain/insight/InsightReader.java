package fr.dispostock.domain.insight;

import fr.dispostock.domain.Finess;
import fr.dispostock.domain.IsoWeek;
import fr.dispostock.domain.Region;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The insights as the routes read them (port; the run writes through {@link InsightStore}). */
public interface InsightReader {

    Optional<InsightRun> run(Instant scheduledFor);

    /** The latest finished run, if any. */
    Optional<InsightRun> latest();

    /** Every PUI × item of a region assessed for that week (one Query, paged). */
    List<ShortageRisk> risks(Region region, IsoWeek week);

    /** The items of one PUI assessed for that week. */
    List<ShortageRisk> risks(Region region, IsoWeek week, Finess finessEt);

    /**
     * The coverage of the areas for that week (TerritorialDisparities): the nation's, then the regions'
     * and départements', all of them or those of one region; empty before a run of that week.
     */
    List<AreaCoverage> coverages(IsoWeek week, Optional<Region> region);

    /** A region's weekly counts and the outcomes of the alerts it raised, weeks {@code from} to {@code to} (one Query). */
    IndicatorWeeks indicatorWeeks(Region region, IsoWeek from, IsoWeek to);

    /** What {@link Indicators} adds up. */
    record IndicatorWeeks(List<WeeklyIndicators> weeks, List<AlertOutcome> outcomes) {
    }
}
