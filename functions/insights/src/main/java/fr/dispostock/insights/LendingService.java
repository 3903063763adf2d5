package fr.dispostock.insights;

import fr.dispostock.domain.Caller;
import fr.dispostock.domain.Finess;
import fr.dispostock.domain.IsoWeek;
import fr.dispostock.domain.NotFoundException;
import fr.dispostock.domain.Region;
import fr.dispostock.domain.Scope;
import fr.dispostock.domain.Violations;
import fr.dispostock.domain.help.Lending;
import fr.dispostock.domain.help.Lending.Holding;
import fr.dispostock.domain.help.Lending.Lender;
import fr.dispostock.domain.help.Place;
import fr.dispostock.domain.insight.InsightReader;
import fr.dispostock.domain.insight.ShortageRisk;
import fr.dispostock.domain.register.Pui;
import fr.dispostock.domain.register.RegisterReader;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Help between PUIs (dépannage) for a PUI × item: the PUIs that could lend (domain {@link Lending}).
 * Computed when asked, not in the runs: the run already stored every PUI × item's stock and adjusted
 * consumption for the week, and a lender's spare depends on the safety coverage asked of it, so the
 * answer is a few reads of the InsightsTable and the registers, always consistent with the risks
 * shown beside it, and the runs stay as they are. The PUIs of other regions rank after those of the
 * region, so they are read only when the region has fewer than {@link #MOST} lenders.
 */
@Singleton
public class LendingService {
    /** Days of its own consumption a lender keeps, and the coverage a PUI at risk is brought back to. */
    static final int SAFETY_DAYS = 14;
    /** Lenders proposed at most. */
    static final int MOST = 5;
    private final InsightReader insights;
    private final RegisterReader registers;

    public LendingService(InsightReader insights, RegisterReader registers) {
        this.insights = insights;
        this.registers = registers;
    }

    /** For the ARS and OMEDIT of the PUI's region and the national operator; PUIs and software refused. */
    public LendingView lenders(Caller caller, String finessEtParam, String itemParam, String weekParam) {
        Violations v = new Violations();
        Finess finessEt = v.parse("finessEt", finessEtParam, Finess::parse);
        String itemId = v.parse("itemId", itemParam, RiskService::itemId);
        IsoWeek asked = v.parseOptional("week", weekParam, IsoWeek::parse);
        v.throwIfAny("Invalid request");
        Pui pui = registers.existingPui(finessEt);
        Scope.regionOfRead(caller, pui.region());
        IsoWeek week = RiskService.weekOrLatest(insights, asked);
        List<ShortageRisk> ofRegion = ofItem(List.of(pui.region()), week, itemId);
        ShortageRisk own = ofRegion.stream().filter(r -> r.finessEt().equals(finessEt)).findFirst()
                .orElseThrow(() -> new NotFoundException("PUI " + finessEt + " has no assessment of item " + itemId
                        + " for week " + week + " (not declared that week)."));
        long need = Lending.need(own.stock(), own.incoming(), own.adjustedDailyConsumption(), SAFETY_DAYS);
        Neighbourhood near = Neighbourhood.of(registers, List.of(pui.region()));
        Place place = near.place(finessEt).orElseThrow(() -> new NotFoundException("PUI " + finessEt
                + " has no coordinates in the FINESS register: its neighbours cannot be ranked by distance."));
        Holding atRisk = new Holding(finessEt, pui.region(), place, own.stock(), own.adjustedDailyConsumption());
        List<Lender> lenders = Lending.lenders(atRisk, need, holdings(ofRegion, near), SAFETY_DAYS, MOST);
        if (need > 0 && lenders.size() < MOST) {
            List<Region> others = Region.all().stream().filter(r -> !r.equals(pui.region())).toList();
            List<ShortageRisk> all = new ArrayList<>(ofRegion);
            all.addAll(ofItem(others, week, itemId));
            near.add(registers, others);
            lenders = Lending.lenders(atRisk, need, holdings(all, near), SAFETY_DAYS, MOST);
        }
        return LendingView.of(own, SAFETY_DAYS, need, lenders, near);
    }

    private List<ShortageRisk> ofItem(Collection<Region> regions, IsoWeek week, String itemId) {
        return regions.stream().flatMap(r -> insights.risks(r, week).stream())
                .filter(r -> r.itemId().equals(itemId)).toList();
    }

    /** The PUIs of these assessments that have a place (the others cannot be ranked by distance). */
    private static List<Holding> holdings(List<ShortageRisk> assessed, Neighbourhood near) {
        return assessed.stream().flatMap(r -> near.place(r.finessEt()).stream()
                        .map(p -> new Holding(r.finessEt(), r.region(), p, r.stock(), r.adjustedDailyConsumption())))
                .toList();
    }
}
