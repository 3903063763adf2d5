package fr.dispostock.insights;

import fr.dispostock.domain.Caller;
import fr.dispostock.domain.Finess;
import fr.dispostock.domain.InvalidValueException;
import fr.dispostock.domain.IsoWeek;
import fr.dispostock.domain.NotFoundException;
import fr.dispostock.domain.Region;
import fr.dispostock.domain.Scope;
import fr.dispostock.domain.Violations;
import fr.dispostock.domain.insight.InsightReader;
import fr.dispostock.domain.insight.InsightRun;
import fr.dispostock.domain.insight.ShortageRisk;
import fr.dispostock.domain.register.Pui;
import fr.dispostock.domain.register.RegisterReader;
import jakarta.inject.Singleton;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading the shortage risks, scoped like the declarations they come from. */
@Singleton
public class RiskService {
    static final Map<String, ShortageRisk.Horizon> HORIZONS = Map.of("7", ShortageRisk.Horizon.DAYS_7,
            "14", ShortageRisk.Horizon.DAYS_14, "28", ShortageRisk.Horizon.DAYS_28);
    private final InsightReader insights;
    private final RegisterReader registers;

    public RiskService(InsightReader insights, RegisterReader registers) {
        this.insights = insights;
        this.registers = registers;
    }

    /**
     * The alerts of a region (an ARS or OMEDIT its own, the nation any or all) within the horizon, the
     * nearest stock-outs first; every assessed PUI × item when {@code horizon} is absent.
     */
    public List<RiskView> region(Caller caller, String weekParam, String regionParam, String horizonParam) {
        Violations v = new Violations();
        IsoWeek asked = v.parseOptional("week", weekParam, IsoWeek::parse);
        Region region = v.parseOptional("region", regionParam, Region::parse);
        ShortageRisk.Horizon horizon = v.parseOptional("horizon", horizonParam, RiskService::horizon);
        v.throwIfAny("Invalid query");
        Optional<Region> scoped = Scope.regionOfRead(caller, region);
        IsoWeek week = asked != null ? asked : latestWeek();
        return scoped.map(List::of).orElse(Region.all()).stream()
                .flatMap(r -> insights.risks(r, week).stream())
                .filter(r -> horizon == null || r.horizon().within(horizon))
                .sorted(NEAREST_FIRST).map(RiskView::of).toList();
    }

    /** Every item of a PUI assessed for the week: its pharmacists, its region's authorities, the nation. */
    public List<RiskView> pui(Caller caller, String finessEtParam, String weekParam) {
        Violations v = new Violations();
        Finess finessEt = v.parse("finessEt", finessEtParam, Finess::parse);
        IsoWeek asked = v.parseOptional("week", weekParam, IsoWeek::parse);
        v.throwIfAny("Invalid request");
        Pui pui = registers.existingPui(finessEt);
        Scope.requireDeclarationRead(caller, pui.region(), pui.finessEj());
        IsoWeek week = asked != null ? asked : latestWeek();
        return insights.risks(pui.region(), week, finessEt).stream().sorted(NEAREST_FIRST).map(RiskView::of).toList();
    }

    private static final Comparator<ShortageRisk> NEAREST_FIRST = Comparator
            .comparing((ShortageRisk r) -> r.coverageDays() == null ? Double.MAX_VALUE : r.coverageDays())
            .thenComparing(r -> r.finessEt().value()).thenComparing(ShortageRisk::itemId);

    IsoWeek latestWeek() {
        return insights.latest().map(InsightRun::week)
                .orElseThrow(() -> new NotFoundException("No insights computed yet: the first run follows Monday's declarations."));
    }

    private static ShortageRisk.Horizon horizon(String raw) {
        ShortageRisk.Horizon h = HORIZONS.get(raw);
        if (h == null) {
            throw new InvalidValueException("must be 7, 14 or 28");
        }
        return h;
    }
}
