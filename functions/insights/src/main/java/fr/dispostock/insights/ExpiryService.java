package fr.dispostock.insights;

import fr.dispostock.domain.Caller;
import fr.dispostock.domain.Dates;
import fr.dispostock.domain.IsoWeek;
import fr.dispostock.domain.Region;
import fr.dispostock.domain.Scope;
import fr.dispostock.domain.Violations;
import fr.dispostock.domain.help.ExpiryRisk;
import fr.dispostock.domain.help.ExpiryRisk.Lot;
import fr.dispostock.domain.help.ExpiryRisk.LotOutcome;
import fr.dispostock.domain.help.Place;
import fr.dispostock.domain.insight.InsightReader;
import fr.dispostock.domain.insight.ShortageRisk;
import fr.dispostock.domain.register.RegisterReader;
import fr.dispostock.domain.statestock.LotDeclaration;
import fr.dispostock.domain.statestock.LotLine;
import fr.dispostock.domain.statestock.StateStockReader;
import fr.dispostock.insights.ExpiryView.LotExpiry;
import fr.dispostock.insights.ExpiryView.PuiExpiry;
import fr.dispostock.insights.ExpiryView.RegionExpiry;
import fr.dispostock.insights.ExpiryView.Taker;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Expiry risk of the State-stock lots (domain {@link ExpiryRisk}): each PUI's lots of a Thursday, used
 * first-expiry-first-out from that day at its adjusted consumption of the product (the run's assessment
 * of the item whose id is the product's code; none assessed: nothing counted as used), the units that will
 * expire unused by PUI, region and nation, and for each lot at risk the PUIs of its region that would use
 * them before they expire (beyond their own stock), nearest first: its ARS arranges the transfer.
 * Computed when asked from the lots and the run's assessments, as the lenders are (LendingService).
 */
@Singleton
public class ExpiryService {
    /** PUIs proposed at most to take a lot's units. */
    static final int TAKERS = 3;
    private final InsightReader insights;
    private final StateStockReader stateStock;
    private final RegisterReader registers;
    private final Clock clock;

    public ExpiryService(InsightReader insights, StateStockReader stateStock, RegisterReader registers, Clock clock) {
        this.insights = insights;
        this.stateStock = stateStock;
        this.registers = registers;
        this.clock = clock;
    }

    /** For the ARS and OMEDIT their region, the national operator any or all; PUIs and software refused. */
    public ExpiryView expiry(Caller caller, String regionParam, String dateParam, String weekParam) {
        Violations v = new Violations();
        Region region = v.parseOptional("region", regionParam, Region::parse);
        LocalDate given = v.parseOptional("date", dateParam, LotDeclaration::parseDate);
        IsoWeek asked = v.parseOptional("week", weekParam, IsoWeek::parse);
        v.throwIfAny("Invalid query");
        Optional<Region> scoped = Scope.regionOfRead(caller, region);
        LocalDate date = given != null ? given
                : LocalDate.now(clock.withZone(Dates.PARIS)).with(TemporalAdjusters.previousOrSame(DayOfWeek.THURSDAY));
        IsoWeek week = RiskService.weekOrLatest(insights, asked);
        List<RegionExpiry> regions = new ArrayList<>();
        List<PuiExpiry> puis = new ArrayList<>();
        for (Region r : scoped.map(List::of).orElse(Region.all())) {
            List<LotDeclaration> lots = stateStock.lots(r, date);
            if (!lots.isEmpty()) {
                List<PuiExpiry> ofRegion = region(r, lots, date, week);
                regions.add(new RegionExpiry(r.code(), ofRegion.stream().mapToLong(PuiExpiry::units).sum(),
                        ofRegion.stream().mapToLong(PuiExpiry::expiring).sum()));
                ofRegion.stream().filter(p -> p.expiring() > 0).forEach(puis::add);
            }
        }
        puis.sort(Comparator.comparingLong(PuiExpiry::expiring).reversed().thenComparing(PuiExpiry::finessEt));
        return new ExpiryView(date.toString(), week.toString(), regions.stream().mapToLong(RegionExpiry::units).sum(),
                regions.stream().mapToLong(RegionExpiry::expiring).sum(), regions, puis);
    }

    private List<PuiExpiry> region(Region region, List<LotDeclaration> declared, LocalDate date, IsoWeek week) {
        Map<String, List<ShortageRisk>> byItem = insights.risks(region, week).stream()
                .collect(Collectors.groupingBy(ShortageRisk::itemId));
        Neighbourhood near = Neighbourhood.of(registers, List.of(region));
        List<PuiExpiry> puis = new ArrayList<>();
        for (LotDeclaration d : declared) {
            List<LotExpiry> lots = new ArrayList<>();
            Map<String, List<LotLine>> byProduct = d.current().lines().stream().filter(l -> !l.expired())
                    .collect(Collectors.groupingBy(LotLine::productCode));
            byProduct.forEach((product, lines) -> {
                List<ShortageRisk> assessed = byItem.getOrDefault(product, List.of());
                double daily = assessed.stream().filter(r -> r.finessEt().equals(d.finessEt())).findFirst()
                        .map(ShortageRisk::adjustedDailyConsumption).orElse(0.0);
                for (LotOutcome o : ExpiryRisk.fefo(lines.stream().map(l -> new Lot(l.lot(), l.expiry(), l.quantity()))
                        .toList(), daily, date)) {
                    List<Taker> takers = o.expiring() == 0 ? List.of()
                            : takers(d, o, assessed, near, date);
                    lots.add(new LotExpiry(product, o.lot().lot(), o.lot().expiry().toString(), o.lot().quantity(),
                            daily, o.used(), o.expiring(), takers));
                }
            });
            lots.sort(Comparator.comparing(LotExpiry::expiry).thenComparing(LotExpiry::productCode)
                    .thenComparing(LotExpiry::lot));
            puis.add(new PuiExpiry(d.finessEt().value(), near.name(d.finessEt()), region.code(),
                    d.departement().code(), lots.stream().mapToLong(LotExpiry::quantity).sum(),
                    lots.stream().mapToLong(LotExpiry::expiring).sum(), lots));
        }
        return puis;
    }

    /** The PUIs of the region that would use some of the lot's expiring units in time, nearest first. */
    private static List<Taker> takers(LotDeclaration holder, LotOutcome lot, List<ShortageRisk> assessed,
                                      Neighbourhood near, LocalDate date) {
        Optional<Place> here = near.place(holder.finessEt());
        if (here.isEmpty()) {
            return List.of();
        }
        return assessed.stream()
                .filter(r -> !r.finessEt().equals(holder.finessEt()))
                .flatMap(r -> near.place(r.finessEt()).stream().map(there -> new Taker(r.finessEt().value(),
                        near.name(r.finessEt()), Math.round(here.get().kmTo(there) * 10) / 10.0,
                        Math.min(lot.expiring(), ExpiryRisk.couldUseBefore(lot.lot().expiry(), date, r.stock(),
                                r.adjustedDailyConsumption())))))
                .filter(t -> t.couldUse() > 0)
                .sorted(Comparator.comparingDouble(Taker::km).thenComparing(Taker::finessEt))
                .limit(TAKERS).toList();
    }
}
