package fr.dispostock.insights;

import fr.dispostock.domain.Caller;
import fr.dispostock.domain.Dates;
import fr.dispostock.domain.Finess;
import fr.dispostock.domain.IsoWeek;
import fr.dispostock.domain.Region;
import fr.dispostock.domain.Scope;
import fr.dispostock.domain.Violations;
import fr.dispostock.domain.help.ExpiryRisk;
import fr.dispostock.domain.help.ExpiryRisk.Lot;
import fr.dispostock.domain.help.ExpiryRisk.LotOutcome;
import fr.dispostock.domain.help.Place;
import fr.dispostock.domain.help.StateStockUse;
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
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * Expiry risk of the State-stock lots (domain {@link ExpiryRisk}): each PUI's lots of a Thursday, used
 * first-expiry-first-out from that day at the PUI's own use of the product ({@link StateStockUse}: its
 * Thursday lots and the shipments to it over the last 8 weeks; unknown use: the lot counted neither used
 * nor expiring), the units that will expire unused by PUI, region and nation, and for each lot at risk the
 * PUIs of its region that would use them before they expire (beyond their own stock that Thursday, at
 * their own measured use), nearest first: its ARS arranges the transfer. Computed when asked from the lots
 * and orders, as the lenders are (LendingService); the weekly insights run plays no part.
 */
@Singleton
public class ExpiryService {
    /** PUIs proposed at most to take a lot's units. */
    static final int TAKERS = 3;
    private final StateStockReader stateStock;
    private final RegisterReader registers;
    private final Clock clock;

    public ExpiryService(StateStockReader stateStock, RegisterReader registers, Clock clock) {
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
        List<RegionExpiry> regions = new ArrayList<>();
        List<PuiExpiry> puis = new ArrayList<>();
        for (Region r : scoped.map(List::of).orElse(Region.all())) {
            List<LotDeclaration> lots = stateStock.lots(r, date);
            if (!lots.isEmpty()) {
                List<PuiExpiry> ofRegion = region(r, lots, date);
                regions.add(new RegionExpiry(r.code(), ofRegion.stream().mapToLong(PuiExpiry::units).sum(),
                        ofRegion.stream().mapToLong(PuiExpiry::expiring).sum(),
                        ofRegion.stream().mapToLong(PuiExpiry::unknownUse).sum()));
                ofRegion.stream().filter(p -> p.expiring() > 0 || p.unknownUse() > 0).forEach(puis::add);
            }
        }
        puis.sort(Comparator.comparingLong(PuiExpiry::expiring).reversed().thenComparing(PuiExpiry::finessEt));
        return new ExpiryView(date.toString(), (asked != null ? asked : IsoWeek.of(date)).toString(),
                regions.stream().mapToLong(RegionExpiry::units).sum(), regions.stream().mapToLong(RegionExpiry::expiring).sum(),
                regions.stream().mapToLong(RegionExpiry::unknownUse).sum(), regions, puis);
    }

    private List<PuiExpiry> region(Region region, List<LotDeclaration> declared, LocalDate date) {
        List<LotDeclaration> history = StateStockUse.window(date).stream().filter(d -> !d.equals(date))
                .flatMap(d -> stateStock.lots(region, d).stream()).collect(Collectors.toCollection(ArrayList::new));
        history.addAll(declared);
        StateStockUse use = StateStockUse.of(date, history, stateStock.ordersOfRegion(region));
        Neighbourhood near = Neighbourhood.of(registers, List.of(region));
        List<PuiExpiry> puis = new ArrayList<>();
        for (LotDeclaration d : declared) {
            List<LotExpiry> lots = new ArrayList<>();
            usable(d).forEach((product, lines) -> {
                OptionalDouble daily = use.dailyUse(d.finessEt(), product);
                List<Lot> held = lines.stream().map(l -> new Lot(l.lot(), l.expiry(), l.quantity())).toList();
                if (daily.isEmpty()) {
                    held.forEach(l -> lots.add(new LotExpiry(product, l.lot(), l.expiry().toString(), l.quantity(), 0, null,
                            0, 0, List.of())));
                    return;
                }
                for (LotOutcome o : ExpiryRisk.fefo(held, daily.getAsDouble(), date)) {
                    List<Taker> takers = o.expiring() == 0 ? List.of()
                            : takers(d, product, o, declared, use, near, date);
                    lots.add(new LotExpiry(product, o.lot().lot(), o.lot().expiry().toString(), o.lot().quantity(),
                            daily.getAsDouble(), daily.getAsDouble(), o.used(), o.expiring(), takers));
                }
            });
            lots.sort(Comparator.comparing(LotExpiry::expiry).thenComparing(LotExpiry::productCode)
                    .thenComparing(LotExpiry::lot));
            puis.add(new PuiExpiry(d.finessEt().value(), near.name(d.finessEt()), region.code(),
                    d.departement().code(), lots.stream().mapToLong(LotExpiry::quantity).sum(),
                    lots.stream().mapToLong(LotExpiry::expiring).sum(),
                    lots.stream().filter(l -> l.dailyUse() == null).mapToLong(LotExpiry::quantity).sum(), lots));
        }
        return puis;
    }

    /** A PUI's lots not yet expired that Thursday, by product. */
    private static Map<String, List<LotLine>> usable(LotDeclaration declaration) {
        return declaration.current().lines().stream().filter(l -> !l.expired())
                .collect(Collectors.groupingBy(LotLine::productCode));
    }

    /**
     * The PUIs of the region that declared lots that Thursday and would use some of the lot's expiring units
     * in time, beyond their own units of the product, at their own measured use: nearest first.
     */
    private static List<Taker> takers(LotDeclaration holder, String product, LotOutcome lot, List<LotDeclaration> declared,
                                      StateStockUse use, Neighbourhood near, LocalDate date) {
        Optional<Place> here = near.place(holder.finessEt());
        if (here.isEmpty()) {
            return List.of();
        }
        List<Taker> takers = new ArrayList<>();
        for (LotDeclaration other : declared) {
            Finess taker = other.finessEt();
            OptionalDouble daily = use.dailyUse(taker, product);
            Optional<Place> there = near.place(taker);
            if (taker.equals(holder.finessEt()) || daily.isEmpty() || there.isEmpty()) {
                continue;
            }
            long own = usable(other).getOrDefault(product, List.of()).stream().mapToLong(LotLine::quantity).sum();
            long couldUse = Math.min(lot.expiring(), ExpiryRisk.couldUseBefore(lot.lot().expiry(), date, own,
                    daily.getAsDouble()));
            if (couldUse > 0) {
                takers.add(new Taker(taker.value(), near.name(taker), Math.round(here.get().kmTo(there.get()) * 10) / 10.0,
                        couldUse));
            }
        }
        return takers.stream().sorted(Comparator.comparingDouble(Taker::km).thenComparing(Taker::finessEt))
                .limit(TAKERS).toList();
    }
}
