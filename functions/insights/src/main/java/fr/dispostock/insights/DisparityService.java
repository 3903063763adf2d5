package fr.dispostock.insights;

import fr.dispostock.domain.Caller;
import fr.dispostock.domain.IsoWeek;
import fr.dispostock.domain.NotFoundException;
import fr.dispostock.domain.Region;
import fr.dispostock.domain.Scope;
import fr.dispostock.domain.Violations;
import fr.dispostock.domain.insight.AreaCoverage;
import fr.dispostock.domain.insight.InsightReader;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/** Reading the territorial disparities: an ARS or OMEDIT its region's places, the nation every place. */
@Singleton
public class DisparityService {
    private final InsightReader insights;

    public DisparityService(InsightReader insights) {
        this.insights = insights;
    }

    public DisparitiesView disparities(Caller caller, String weekParam, String regionParam) {
        Violations v = new Violations();
        IsoWeek asked = v.parseOptional("week", weekParam, IsoWeek::parse);
        Region region = v.parseOptional("region", regionParam, Region::parse);
        v.throwIfAny("Invalid query");
        Optional<Region> scoped = Scope.regionOfRead(caller, region);
        IsoWeek week = RiskService.weekOrLatest(insights, asked);
        List<AreaCoverage> areas = insights.coverages(week, scoped);
        AreaCoverage nation = areas.stream().filter(a -> a.level() == AreaCoverage.Level.NATION).findFirst()
                .orElseThrow(() -> new NotFoundException("No coverage computed for week " + week + "."));
        return DisparitiesView.of(week.toString(), nation,
                areas.stream().filter(a -> a.level() != AreaCoverage.Level.NATION).toList());
    }
}
