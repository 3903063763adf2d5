package fr.dispostock.statestock.lots;

import fr.dispostock.domain.BusinessMetric;
import fr.dispostock.domain.Caller;
import fr.dispostock.domain.Dates;
import fr.dispostock.domain.Finess;
import fr.dispostock.domain.HistoryPage;
import fr.dispostock.domain.Identifiers;
import fr.dispostock.domain.Limits;
import fr.dispostock.domain.NotFoundException;
import fr.dispostock.domain.Region;
import fr.dispostock.domain.Retries;
import fr.dispostock.domain.Scope;
import fr.dispostock.domain.Violations;
import fr.dispostock.domain.register.Pui;
import fr.dispostock.domain.register.RegisterReader;
import fr.dispostock.domain.statestock.LotDeclaration;
import fr.dispostock.domain.statestock.LotLine;
import fr.dispostock.domain.statestock.Product;
import fr.dispostock.domain.statestock.StateStockStore;
import fr.dispostock.statestock.lots.LotViews.Declared;
import fr.dispostock.statestock.lots.LotViews.History;
import fr.dispostock.statestock.lots.LotViews.LotStock;
import fr.dispostock.statestock.lots.LotViews.Picture;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Thursday: a PUI declares the State-stock lots it holds (lot number, expiry, quantity), so that it
 * is resupplied and nothing expires unseen. All lines or none; corrections keep the earlier figures,
 * read page by page.
 */
@Singleton
public class LotService {
    private final RegisterReader registers;
    private final StateStockStore store;
    private final Clock clock;
    private final BusinessMetric.Counter metrics;

    public LotService(RegisterReader registers, StateStockStore store, Clock clock, BusinessMetric.Counter metrics) {
        this.registers = registers;
        this.store = store;
        this.clock = clock;
        this.metrics = metrics;
    }

    public Declared declare(Caller caller, Finess finessEt, String dateParam, LotsBody body) {
        return declare(caller, declarant(caller, finessEt), dateParam, body == null ? null : body.lines(), new Violations());
    }

    /**
     * The PUI, if the caller may record its lots: checked before a body is read, so that an account
     * out of scope is refused (403) whatever it sent, and learns nothing from the body's errors.
     */
    public Pui declarant(Caller caller, Finess finessEt) {
        Pui pui = registers.existingPui(finessEt);
        Scope.requireDeclarantOrSoftware(caller, pui.finessEj());
        return pui;
    }

    /**
     * @param pui as {@link #declarant} gave it for this caller
     * @param v   problems already found while reading the body (a FHIR report's elements)
     */
    public Declared declare(Caller caller, Pui pui, String dateParam, List<LotsBody.LotBody> body, Violations v) {
        Finess finessEt = pui.finessEt();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, Dates.PARIS);
        LocalDate date = v.parse("date", dateParam, LotDeclaration::parseDate);
        if (date != null && date.isAfter(today)) {
            v.add("date", date + " is still to come");
        }
        List<LotLine> lines = lines(v, body, date == null ? today : date);
        v.throwIfAny("Invalid lot declaration");

        return Retries.untilWritten(() -> {
            Optional<LotDeclaration> existing = store.lots(pui.region(), date, finessEt);
            if (existing.isPresent() && existing.get().current().lines().equals(lines)) {
                return Optional.of(view(existing.get())); // the same figures again: a retry
            }
            LotDeclaration.Revision figures = new LotDeclaration.Revision(now, caller.auditName(), lines);
            LotDeclaration next = existing.map(d -> d.correctedBy(figures)).orElseGet(() -> LotDeclaration.first(
                    finessEt, pui.finessEj(), pui.region(), pui.departement(), date, figures));
            if (!store.save(existing.orElse(null), next)) {
                return Optional.empty();
            }
            metrics.count(BusinessMetric.LOTS_DECLARED);
            return Optional.of(view(next));
        }, "Declarations keep arriving at once; retry.");
    }

    private List<LotLine> lines(Violations v, List<LotsBody.LotBody> body, LocalDate date) {
        if (body == null || body.isEmpty()) {
            v.add("/lines", "at least one lot is required; a lot used up is declared with quantity 0");
            return List.of();
        }
        if (!v.size("/lines", body, Limits.LOTS_MAX, "lots in one declaration")) {
            return List.of();
        }
        Map<String, Integer> seen = new HashMap<>();
        List<LotLine> lines = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            LotsBody.LotBody l = body.get(i);
            String at = "/lines/" + i;
            Optional<Product> product = Identifiers.fits(Identifiers.PRODUCT_CODE, l.productCode())
                    ? store.product(l.productCode()) : Optional.empty();
            if (product.isEmpty() || product.get().kind() == Product.Kind.DEVICE) {
                v.add(at + "/productCode", "must be a vaccine or antiviral of the State-stock catalogue");
            }
            String lot = v.text(at + "/lot", l.lot(), 40);
            LocalDate expiry = v.parse(at + "/expiry", l.expiry(), Dates::parse);
            Long quantity = v.count(at + "/quantity", l.quantity(), Limits.LOT_QUANTITY_MAX);
            boolean expired = Boolean.TRUE.equals(l.expired());
            if (expiry != null && quantity != null) {
                boolean isPast = expiry.isBefore(date);
                if (isPast && quantity > 0 && !expired) {
                    v.add(at + "/expired", "lot " + lot + " expired on " + expiry + ": declare it with \"expired\": true"
                            + " so that it is seen and taken back");
                }
                if (!isPast && expired) {
                    v.add(at + "/expired", "lot " + lot + " expires on " + expiry + ", after " + date);
                }
            }
            if (lot != null && l.productCode() != null) {
                Integer first = seen.putIfAbsent(l.productCode() + "#" + lot, i);
                if (first != null) {
                    v.add(at + "/lot", "lot " + lot + " of " + l.productCode() + " is declared twice (also at /lines/" + first + ")");
                }
            }
            if (product.isPresent() && lot != null && expiry != null && quantity != null) {
                lines.add(new LotLine(l.productCode(), lot, expiry, quantity, expired));
            }
        }
        lines.sort(Comparator.comparing(LotLine::productCode).thenComparing(LotLine::lot));
        return lines;
    }

    public Declared get(Caller caller, Finess finessEt, String dateParam) {
        Pui pui = registers.existingPui(finessEt);
        Scope.requireDeclarationRead(caller, pui.region(), pui.finessEj());
        LocalDate date = Dates.parse(dateParam);
        return view(store.lots(pui.region(), date, finessEt).orElseThrow(() -> nothingDeclared(finessEt, date)));
    }

    /** The Thursday's earlier revisions, newest first, a page at a time ({@code limit}, {@code cursor} as sent). */
    public History history(Caller caller, Finess finessEt, String dateParam, String limit, String cursor) {
        Pui pui = registers.existingPui(finessEt);
        Scope.requireDeclarationRead(caller, pui.region(), pui.finessEj());
        LocalDate date = Dates.parse(dateParam);
        Violations v = new Violations();
        HistoryPage.Request request = HistoryPage.Request.parse(v, limit, cursor);
        v.throwIfAny("Invalid query");
        HistoryPage<LotDeclaration.Revision> page = store.lotHistory(pui.region(), date, finessEt, request)
                .orElseThrow(() -> nothingDeclared(finessEt, date));
        return new History(page.revisions().stream()
                .map(r -> new LotViews.Revision(r.declaredAt(), r.declaredBy(), r.lines())).toList(), page.nextCursor());
    }

    private static NotFoundException nothingDeclared(Finess finessEt, LocalDate date) {
        return new NotFoundException("PUI " + finessEt + " has declared no lots for " + date + ".");
    }

    /**
     * The lots of a region (or France) for a Thursday, with what expires within 30, 60 and 90 days; with
     * {@code finessEt}, those of one PUI, which its pharmacists read too (their own expiry view).
     */
    public Picture picture(Caller caller, String dateParam, String regionParam, String finessEtParam) {
        Violations v = new Violations();
        LocalDate date = v.parse("date", dateParam, Dates::parse);
        Region asked = v.parseOptional("region", regionParam, Region::parse);
        Finess finessEt = v.parseOptional("finessEt", finessEtParam, Finess::parse);
        if (asked != null && finessEt != null) {
            v.add("region", "give either a region or a PUI (finessEt), not both");
        }
        v.throwIfAny("Invalid query");
        Optional<Region> region;
        List<LotDeclaration> declarations = new ArrayList<>();
        if (finessEt != null) {
            Pui pui = registers.existingPui(finessEt);
            Scope.requireDeclarationRead(caller, pui.region(), pui.finessEj());
            region = Optional.of(pui.region());
            store.lots(pui.region(), date, finessEt).ifPresent(declarations::add);
        } else {
            region = Scope.regionOfRead(caller, asked);
            region.map(List::of).orElse(Region.all()).forEach(r -> declarations.addAll(store.lots(r, date)));
        }
        Map<String, long[]> byLot = new LinkedHashMap<>();
        Map<String, LotLine> lotOf = new HashMap<>();
        for (LotDeclaration d : declarations) {
            for (LotLine l : d.current().lines()) {
                String key = l.productCode() + "#" + l.lot();
                lotOf.putIfAbsent(key, l);
                long[] sums = byLot.computeIfAbsent(key, k -> new long[2]);
                sums[0] = Math.addExact(sums[0], l.quantity());
                sums[1] += 1;
            }
        }
        List<LotStock> lots = byLot.entrySet().stream().map(e -> {
            LotLine l = lotOf.get(e.getKey());
            return new LotStock(l.productCode(), l.lot(), l.expiry(), e.getValue()[0], (int) e.getValue()[1],
                    bucket(date, l.expiry()));
        }).sorted(Comparator.comparing(LotStock::expiry)).toList();
        return new Picture(date, region.map(Region::code).orElse(null), declarations.size(), lots,
                sum(lots, "EXPIRED"), sum(lots, "30"), sum(lots, "60"), sum(lots, "90"));
    }

    private static String bucket(LocalDate date, LocalDate expiry) {
        long days = ChronoUnit.DAYS.between(date, expiry);
        return days < 0 ? "EXPIRED" : days <= 30 ? "30" : days <= 60 ? "60" : days <= 90 ? "90" : "LATER";
    }

    /** Units expiring within the window (30 counts in 60 and 90 too). */
    private static long sum(List<LotStock> lots, String window) {
        List<String> within = switch (window) {
            case "EXPIRED" -> List.of("EXPIRED");
            case "30" -> List.of("30");
            case "60" -> List.of("30", "60");
            default -> List.of("30", "60", "90");
        };
        return lots.stream().filter(l -> within.contains(l.expiresWithin())).mapToLong(LotStock::quantity).reduce(0, Math::addExact);
    }

    private static Declared view(LotDeclaration d) {
        return new Declared(d.finessEt().value(), d.date(), d.current().lines(), d.current().declaredAt(),
                d.current().declaredBy(), d.earlierRevisions());
    }
}
