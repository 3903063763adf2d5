package fr.dispostock.insights;

import fr.dispostock.domain.Caller;
import fr.dispostock.domain.IsoWeek;
import fr.dispostock.domain.Region;
import fr.dispostock.domain.Scope;
import fr.dispostock.domain.Violations;
import fr.dispostock.domain.insight.AlertOutcome;
import fr.dispostock.domain.insight.Indicators;
import fr.dispostock.domain.insight.InsightReader;
import fr.dispostock.domain.insight.WeeklyIndicators;
import jakarta.inject.Singleton;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reading the T0/M6/M12 indicators over a period: an ARS or OMEDIT its region's, the nation every region's and its own. */
@Singleton
public class IndicatorService {
    /** The longest period asked at once: three years, enough for T0 to M12 and a year before. */
    static final int MAX_WEEKS = 156;
    private final InsightReader insights;

    public IndicatorService(InsightReader insights) {
        this.insights = insights;
    }

    /** The query checked, every bad parameter named at once: the period and whether CSV is asked. */
    record Query(IsoWeek from, IsoWeek to, Region region, boolean csv) {
    }

    static Query query(String fromParam, String toParam, String regionParam, String format) {
        Violations v = new Violations();
        IsoWeek from = v.parse("from", fromParam, IsoWeek::parse);
        IsoWeek to = v.parse("to", toParam, IsoWeek::parse);
        Region region = v.parseOptional("region", regionParam, Region::parse);
        if (from != null && to != null) {
            long weeks = ChronoUnit.WEEKS.between(from.monday(), to.monday()) + 1;
            if (weeks < 1) {
                v.add("to", "must not be before from (" + from + ")");
            } else if (weeks > MAX_WEEKS) {
                v.add("to", "the period is at most " + MAX_WEEKS + " weeks; from " + from + " to " + to + " is " + weeks);
            }
        }
        if (format != null && !format.equals("json") && !format.equals("csv")) {
            v.add("format", "must be json or csv");
        }
        v.throwIfAny("Invalid query");
        return new Query(from, to, region, "csv".equals(format));
    }

    public IndicatorsView indicators(Caller caller, Query q) {
        Optional<Region> scoped = Scope.regionOfRead(caller, q.region());
        List<WeeklyIndicators> allWeeks = new ArrayList<>();
        List<AlertOutcome> allOutcomes = new ArrayList<>();
        List<IndicatorsView.Figures> regions = new ArrayList<>();
        for (Region r : scoped.map(List::of).orElse(Region.all())) {
            InsightReader.IndicatorWeeks w = insights.indicatorWeeks(r, q.from(), q.to());
            allWeeks.addAll(w.weeks());
            allOutcomes.addAll(w.outcomes());
            regions.add(IndicatorsView.figures(Indicators.of(r, q.from(), q.to(), w.weeks(), w.outcomes())));
        }
        IndicatorsView.Figures nation = scoped.isPresent() ? null
                : IndicatorsView.figures(Indicators.of(null, q.from(), q.to(), allWeeks, allOutcomes));
        return new IndicatorsView(q.from().toString(), q.to().toString(), nation, regions);
    }
}
