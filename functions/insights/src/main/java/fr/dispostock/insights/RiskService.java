package fr.dispostock.insights;

import fr.dispostock.domain.Caller;
import fr.dispostock.domain.Finess;
import fr.dispostock.domain.Identifiers;
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
    /**
     * The most alerts one answer carries: the nation's every assessed PUI × item (some 92,000, about
     * 38 MB of JSON) would pass Lambda's 6 MB answer; 5,000 are about 2 MB.
     */
    static final int MAX_LIMIT = 5_000;
    static final int DEFAULT_LIMIT = 1_000;
    static final Map<String, ShortageRisk.Horizon> HORIZONS = Map.of("7", ShortageRisk.Horizon.DAYS_7,
            "14", ShortageRisk.Horizon.DAYS_14, "28", ShortageRisk.Horizon.DAYS_28);
    private final InsightReader insights;
    private final RegisterReader registers;

    public RiskService(InsightReader insights, RegisterReader registers) {
        this.insights = insights;
        this.registers = registers;
    }

    /** The nearest {@code limit} alerts of all those asked, and how many there were. */
    public record Risks(List<RiskView> nearest, int total) {
    }

    /**
     * The alerts of a region (an ARS or OMEDIT its own, the nation any or all) within the horizon, the
     * nearest stock-outs first; every assessed PUI × item when {@code horizon} is absent; those of one
     * item when {@code itemId} is given; at most {@code limit} of them. A week no run has assessed is
     * not found (its empty list would read as no risk).
     */
    public Risks region(Caller caller, String weekParam, String regionParam, String horizonParam, String itemParam,
                        String limitParam) {
        Violations v = new Violations();
        IsoWeek asked = v.parseOptional("week", weekParam, IsoWeek::parse);
        Region region = v.parseOptional("region", regionParam, Region::parse);
        ShortageRisk.Horizon horizon = v.parseOptional("horizon", horizonParam, RiskService::horizon);
        String itemId = v.parseOptional("itemId", itemParam, RiskService::itemId);
        Integer limit = v.parseOptional("limit", limitParam, RiskService::limit);
        v.throwIfAny("Invalid query");
        Optional<Region> scoped = Scope.regionOfRead(caller, region);
        IsoWeek week = weekOrLatest(insights, asked);
        List<Region> regions = scoped.map(List::of).orElse(Region.all());
        List<ShortageRisk> all = regions.stream()
                .flatMap(r -> insights.risks(r, week).stream())
                .filter(r -> horizon == null || r.horizon().within(horizon))
                .filter(r -> itemId == null || r.itemId().equals(itemId))
                .sorted(NEAREST_FIRST).toList();
        // no alert is no risk only if the week was assessed: a run writes every region's indicators
        if (all.isEmpty() && insights.indicatorWeeks(regions.get(0), week, week).weeks().isEmpty()) {
            throw new NotFoundException("No insights computed for week " + week
                    + " yet: they are computed each Monday after the declarations.");
        }
        return new Risks(all.stream().limit(limit == null ? DEFAULT_LIMIT : limit).map(RiskView::of).toList(), all.size());
    }

    /** Every item of a PUI assessed for the week: its pharmacists, its region's authorities, the nation. */
    public List<RiskView> pui(Caller caller, String finessEtParam, String weekParam) {
        Violations v = new Violations();
        Finess finessEt = v.parse("finessEt", finessEtParam, Finess::parse);
        IsoWeek asked = v.parseOptional("week", weekParam, IsoWeek::parse);
        v.throwIfAny("Invalid request");
        Pui pui = registers.existingPui(finessEt);
        Scope.requireDeclarationRead(caller, pui.region(), pui.finessEj());
        IsoWeek week = weekOrLatest(insights, asked);
        return insights.risks(pui.region(), week, finessEt).stream().sorted(NEAREST_FIRST).map(RiskView::of).toList();
    }

    private static final Comparator<ShortageRisk> NEAREST_FIRST = Comparator
            .comparing((ShortageRisk r) -> r.coverageDays() == null ? Double.MAX_VALUE : r.coverageDays())
            .thenComparing(r -> r.finessEt().value()).thenComparing(ShortageRisk::itemId);

    /** The week asked, else the last run's: a 404 before any run. */
    static IsoWeek weekOrLatest(InsightReader insights, IsoWeek asked) {
        return asked != null ? asked : insights.latest().map(InsightRun::week)
                .orElseThrow(() -> new NotFoundException("No insights computed yet: the first run follows Monday's declarations."));
    }

    private static int limit(String raw) {
        int limit = raw.matches("[0-9]{1,4}") ? Integer.parseInt(raw) : -1;
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValueException("must be a whole number between 1 and " + MAX_LIMIT);
        }
        return limit;
    }

    /** A tracked item's id, as the insights' routes take it in their query. */
    static String itemId(String raw) {
        if (!Identifiers.fits(Identifiers.ID, raw)) {
            throw new InvalidValueException("must be a tracked item's id: letters, digits, '.', '_' or '-', at most 64");
        }
        return raw;
    }

    private static ShortageRisk.Horizon horizon(String raw) {
        ShortageRisk.Horizon h = HORIZONS.get(raw);
        if (h == null) {
            throw new InvalidValueException("must be 7, 14 or 28");
        }
        return h;
    }
}
