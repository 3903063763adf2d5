package fr.dispostock.statestock.allocation;

import fr.dispostock.domain.AccessDeniedException;
import fr.dispostock.domain.Caller;
import fr.dispostock.domain.Dates;
import fr.dispostock.domain.Finess;
import fr.dispostock.domain.Limits;
import fr.dispostock.domain.Region;
import fr.dispostock.domain.Role;
import fr.dispostock.domain.Scope;
import fr.dispostock.domain.Violations;
import fr.dispostock.domain.statestock.Allocation;
import fr.dispostock.domain.statestock.Availability;
import fr.dispostock.domain.statestock.LotDeclaration;
import fr.dispostock.domain.statestock.Order;
import fr.dispostock.domain.statestock.OrderDays;
import fr.dispostock.domain.statestock.OrderStatus;
import fr.dispostock.domain.statestock.Product;
import fr.dispostock.domain.statestock.StateStockStore;
import fr.dispostock.statestock.allocation.AllocationViews.LineProposal;
import fr.dispostock.statestock.allocation.AllocationViews.ProductProposal;
import fr.dispostock.statestock.allocation.AllocationViews.Proposal;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fair share of an order day (issue 13): the supplier declares what it can deliver; when the
 * orders still to review ask more than what remains once the reviewed ones are served, each line
 * is proposed the units that bring every PUI of France to the same coverage in days
 * ({@link Allocation}), shown to the ARS of each region in its review, which decides.
 */
@Singleton
public class AllocationService {
    /** Use is measured over the 4 weeks before the order day's lots. */
    private static final int USE_WEEKS = 4;
    private final StateStockStore store;
    private final Clock clock;

    public AllocationService(StateStockStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The supplier (or the national operator) declares the units available for an order day; a new declaration replaces it. */
    public Availability declare(Caller caller, String orderDayParam, AllocationViews.AvailabilityBody body) {
        if (!caller.isNational()) {
            Scope.requireSupplier(caller);
        }
        Violations v = new Violations();
        LocalDate orderDay = orderDay(v, "orderDay", orderDayParam);
        List<AllocationViews.AvailabilityBody.Line> raw = body == null || body.lines() == null ? List.of() : body.lines();
        List<Availability.Line> lines = new ArrayList<>();
        if (raw.isEmpty()) {
            v.add("/lines", "at least one product is declared");
        }
        if (v.size("/lines", raw, Limits.ORDER_LINES_MAX, "products")) {
            Set<String> catalogue = new java.util.HashSet<>(store.products().stream().map(Product::code).toList());
            for (int i = 0; i < raw.size(); i++) {
                AllocationViews.AvailabilityBody.Line line = raw.get(i);
                String at = "/lines/" + i;
                if (line == null || line.productCode() == null || !catalogue.contains(line.productCode())) {
                    v.add(at + "/productCode", "is not a product of the catalogue");
                } else if (lines.stream().anyMatch(l -> l.productCode().equals(line.productCode()))) {
                    v.add(at + "/productCode", line.productCode() + " is declared twice");
                }
                Long available = v.count(at + "/available", line == null ? null : line.available(), Limits.LOT_QUANTITY_MAX);
                if (line != null && line.productCode() != null && available != null) {
                    lines.add(new Availability.Line(line.productCode(), available));
                }
            }
        }
        v.throwIfAny("Invalid availability");
        Availability availability = new Availability(orderDay, lines, clock.instant(), caller.auditName());
        store.save(availability);
        return availability;
    }

    /** The proposal of an order day for the lines of a region (the national operator: any region, or all). */
    public Proposal propose(Caller caller, String orderDayParam, String regionParam) {
        Violations v = new Violations();
        LocalDate orderDay = orderDay(v, "orderDay", orderDayParam);
        Region asked = v.parseOptional("region", regionParam, Region::parse);
        v.throwIfAny("Invalid query");
        Region region = asked != null ? asked : caller.isNational() ? null : caller.region().orElse(null);
        if (!caller.isNational()) {
            if (region == null || !caller.has(Role.ARS)) {
                throw new AccessDeniedException("Only the ARS of a region and the national operator read the proposals.");
            }
            Scope.requireOrderReviewer(caller, region);
        }
        Optional<Availability> availability = store.availability(orderDay);
        List<ProductProposal> products = new ArrayList<>();
        if (availability.isPresent()) {
            Day day = Day.read(store, orderDay, LocalDate.ofInstant(clock.instant(), Dates.PARIS));
            Map<String, Product> catalogue = new LinkedHashMap<>();
            store.products().forEach(p -> catalogue.put(p.code(), p));
            for (Product product : catalogue.values()) {
                Long available = availability.get().of(product.code());
                if (available != null) {
                    products.add(product(day, product, available, region));
                }
            }
            products = withDevices(day, catalogue, products, region);
        }
        return new Proposal(orderDay, region == null ? null : region.code(), products);
    }

    /**
     * The devices proposed with the vaccines follow the vaccines' proposals: each such line of an order to review is
     * proposed what the units proposed of its vaccines need (the vaccines not in shortage counted as ordered), in whole
     * packs, never more than ordered nor than the device's own share when it is short too. A device no vaccine of the
     * order is cut for keeps its own proposal (or none).
     */
    private static List<ProductProposal> withDevices(Day day, Map<String, Product> catalogue,
                                                     List<ProductProposal> products, Region region) {
        Map<String, Long> share = new HashMap<>(); // orderId/productCode -> units proposed, of the products in shortage
        products.stream().filter(ProductProposal::shortage)
                .forEach(p -> p.lines().forEach(l -> share.put(l.orderId() + "/" + p.productCode(), l.proposed())));
        Map<String, List<LineProposal>> following = new LinkedHashMap<>(); // device code -> its lines that follow
        for (Order o : day.orders) {
            if (o.status() != OrderStatus.SUBMITTED || (region != null && !o.region().equals(region))) {
                continue;
            }
            for (Order.Line device : o.lines()) {
                Product product = catalogue.get(device.productCode());
                if (!device.proposed() || product == null) {
                    continue;
                }
                boolean cut = false;
                long needed = 0;
                for (Order.Line vaccine : o.lines()) {
                    long perUnit = perUnit(catalogue.get(vaccine.productCode()), device.productCode());
                    Long proposed = share.get(o.orderId() + "/" + vaccine.productCode());
                    cut |= perUnit > 0 && proposed != null && proposed < vaccine.quantity();
                    needed += perUnit * (proposed == null ? vaccine.quantity() : proposed);
                }
                if (cut) {
                    long packs = (needed + product.packSize() - 1) / product.packSize();
                    long proposed = Math.min(device.quantity(), packs * product.packSize());
                    Long own = share.get(o.orderId() + "/" + device.productCode());
                    following.computeIfAbsent(device.productCode(), k -> new ArrayList<>()).add(new LineProposal(o.orderId(),
                            o.finessEt().value(), device.quantity(), day.stock(o.finessEt(), device.productCode()), null,
                            own == null ? proposed : Math.min(own, proposed), null, null));
                }
            }
        }
        List<ProductProposal> all = new ArrayList<>();
        for (ProductProposal p : products) {
            List<LineProposal> lines = following.remove(p.productCode());
            all.add(lines == null ? p : p.followingVaccines(lines));
        }
        following.forEach((code, lines) -> all.add(product(day, catalogue.get(code), null, region).followingVaccines(lines)));
        return all;
    }

    /** How many devices of this code go with each unit of the product (0: none, or a product no longer in the catalogue). */
    private static long perUnit(Product product, String deviceCode) {
        return product == null ? 0 : product.devices().stream().filter(d -> d.code().equals(deviceCode))
                .mapToLong(Product.Device::perUnit).sum();
    }

    /** The proposal of a product whose units available are {@code available} (null: not declared, nothing is short). */
    private static ProductProposal product(Day day, Product product, Long available, Region region) {
        long approved = 0;
        long asked = 0;
        List<Order> toReview = new ArrayList<>();
        List<Allocation.Request> requests = new ArrayList<>();
        for (Order o : day.orders) {
            Optional<Order.Line> line = o.lines().stream().filter(l -> l.productCode().equals(product.code())).findFirst();
            if (line.isEmpty() || o.status() == OrderStatus.CANCELLED || o.status() == OrderStatus.REJECTED) {
                continue;
            }
            asked += line.get().quantity();
            if (o.status() == OrderStatus.SUBMITTED) {
                toReview.add(o);
                requests.add(new Allocation.Request(o.orderId(), line.get().quantity(),
                        day.stock(o.finessEt(), product.code()), day.dailyUse(o.finessEt(), product.code())));
            } else {
                approved += line.get().approvedQuantity() == null ? 0 : line.get().approvedQuantity();
            }
        }
        long remaining = available == null ? Long.MAX_VALUE : Math.max(0, available - approved);
        List<Allocation.Proposal> proposals = Allocation.propose(remaining, product.packSize(), requests);
        boolean shortage = requests.stream().mapToLong(Allocation.Request::asked).sum() > remaining;
        Double level = shortage ? proposals.stream().map(Allocation.Proposal::coverageAfter)
                .filter(java.util.Objects::nonNull).min(Double::compare).orElse(null) : null;
        List<LineProposal> lines = new ArrayList<>();
        for (int i = 0; i < proposals.size(); i++) {
            Order o = toReview.get(i);
            Allocation.Proposal p = proposals.get(i);
            if (region == null || o.region().equals(region)) {
                lines.add(new LineProposal(o.orderId(), o.finessEt().value(), p.request().asked(), p.request().stock(),
                        p.request().dailyUse() > 0 ? p.request().dailyUse() : null, p.approved(), p.coverageBefore(),
                        p.coverageAfter()));
            }
        }
        return new ProductProposal(product.code(), product.name(), product.packSize(), available, asked, approved,
                shortage, level, false, lines);
    }

    private static LocalDate orderDay(Violations v, String pointer, String raw) {
        LocalDate day = v.parse(pointer, raw, Dates::parse);
        if (day != null && !OrderDays.isOrderDay(day)) {
            v.add(pointer, "must be an order day (the first Thursday of a month)");
        }
        return day;
    }

    /**
     * The orders of an order day in France (by the order placed first) and what each of their PUIs
     * held and used: its lots of the last Thursday (the order day's, or the last one before it that
     * has come: an ARS may review before the order day), else of the Thursday before, and 4 weeks earlier.
     */
    private record Day(List<Order> orders, Map<Finess, LotDeclaration> now, Map<Finess, LotDeclaration> then,
                       Map<Finess, List<Order>> shippedTo, LocalDate orderDay) {

        static Day read(StateStockStore store, LocalDate orderDay, LocalDate today) {
            List<Order> all = Region.all().stream().flatMap(r -> store.ordersOfRegion(r).stream()).toList();
            List<Order> orders = all.stream().filter(o -> o.orderDay().equals(orderDay))
                    .sorted(Comparator.comparing(Order::createdAt).thenComparing(Order::orderId)).toList();
            Set<Region> regions = new java.util.HashSet<>(orders.stream().map(Order::region).toList());
            LocalDate lastThursday = today.isBefore(orderDay)
                    ? today.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.THURSDAY)) : orderDay;
            Map<Finess, LotDeclaration> now = latest(store, regions, lastThursday);
            Map<Finess, LotDeclaration> then = latest(store, regions, lastThursday.minusWeeks(USE_WEEKS));
            Map<Finess, List<Order>> shippedTo = new HashMap<>();
            all.stream().filter(o -> !o.shipments().isEmpty())
                    .forEach(o -> shippedTo.computeIfAbsent(o.finessEt(), k -> new ArrayList<>()).add(o));
            return new Day(orders, now, then, shippedTo, orderDay);
        }

        /** Each PUI's lots of that Thursday, or of the Thursday before when it has not declared that one yet. */
        private static Map<Finess, LotDeclaration> latest(StateStockStore store, Set<Region> regions, LocalDate thursday) {
            Map<Finess, LotDeclaration> lots = new HashMap<>();
            for (Region r : regions) {
                store.lots(r, thursday.minusWeeks(1)).forEach(d -> lots.put(d.finessEt(), d));
                store.lots(r, thursday).forEach(d -> lots.put(d.finessEt(), d));
            }
            return lots;
        }

        /** Units held, of lots not expired on the order day. */
        long stock(Finess pui, String productCode) {
            return held(now.get(pui), productCode);
        }

        private long held(LotDeclaration d, String productCode) {
            return d == null ? 0 : d.current().lines().stream()
                    .filter(l -> l.productCode().equals(productCode) && !l.expired() && !l.expiry().isBefore(orderDay))
                    .mapToLong(fr.dispostock.domain.statestock.LotLine::quantity).sum();
        }

        /**
         * Units a day the PUI used between its two declarations: held then, plus what was shipped to
         * it between, less held now (lots expiring before the order day counted in neither, so that
         * what expired is not taken for use); 0 when unknown (a declaration missing).
         */
        double dailyUse(Finess pui, String productCode) {
            LotDeclaration before = then.get(pui);
            LotDeclaration after = now.get(pui);
            if (before == null || after == null || !before.date().isBefore(after.date())) {
                return 0;
            }
            long received = shippedTo.getOrDefault(pui, List.of()).stream().flatMap(o -> o.shipments().stream())
                    .filter(s -> s.shippedOn().isAfter(before.date()) && !s.shippedOn().isAfter(after.date()))
                    .flatMap(s -> s.lots().stream())
                    .filter(l -> l.productCode().equals(productCode) && !l.expiry().isBefore(orderDay))
                    .mapToLong(Order.ShippedLot::quantity).sum();
            long used = held(before, productCode) + received - held(after, productCode);
            return Math.max(0, used) / (double) ChronoUnit.DAYS.between(before.date(), after.date());
        }
    }
}
