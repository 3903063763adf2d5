package fr.dispostock.domain.insight;

import java.util.List;

/** Where the insights' runs write (port; the routes read through {@link InsightReader}). */
public interface InsightStore extends InsightReader {

    /** Records the run as COMPUTING; false, writing nothing, when this run (same instant) exists already. */
    boolean start(InsightRun run);

    /** Writes (or overwrites with the same key) the assessments of a run. */
    void saveRisks(List<ShortageRisk> risks);

    /** Writes (or overwrites with the same key, one per area) the coverage of the areas for a week. */
    void saveCoverages(List<AreaCoverage> areas);

    /** Writes (or overwrites: the week's latest run's) a region's counts of the week and the outcomes it saw. */
    void saveIndicators(WeeklyIndicators week, List<AlertOutcome> outcomes);

    /** Marks the run DONE with its counts. */
    void finish(InsightRun run);
}
