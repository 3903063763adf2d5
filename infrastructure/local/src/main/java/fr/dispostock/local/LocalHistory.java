package fr.dispostock.local;

import fr.dispostock.domain.Csv;
import fr.dispostock.domain.Dates;
import fr.dispostock.domain.Departement;
import fr.dispostock.domain.Finess;
import fr.dispostock.domain.IsoWeek;
import fr.dispostock.domain.Region;
import fr.dispostock.domain.declaration.Declaration;
import fr.dispostock.domain.declaration.Line;
import fr.dispostock.domain.declaration.Revision;
import fr.dispostock.domain.statestock.LotDeclaration;
import fr.dispostock.domain.statestock.LotLine;
import fr.dispostock.domain.statestock.Order;
import fr.dispostock.domain.statestock.OrderDays;
import fr.dispostock.domain.statestock.OrderStatus;
import fr.dispostock.platform.declaration.DeclarationItems;
import fr.dispostock.platform.declaration.DynamoDeclarationStore;
import fr.dispostock.platform.statestock.DynamoStateStockStore;
import fr.dispostock.platform.statestock.StateStockItems;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * Two years of a derived past for the whole-France seed: every PUI's weekly declarations of the
 * tracked items, the Thursday State-stock lots of the PUIs that hold some, and their orders in
 * every state. Consumption follows a real series (one pharmacy's weekly sales of 8 ATC classes,
 * seed/consumption-weekly.csv), scaled to each PUI and item, with noise, stock-outs, late, missing
 * and a few corrected declarations. Deterministic: each PUI draws from a random generator seeded
 * with {@link #SEED} and its FINESS number, whatever the order or the threads.
 *
 * <p>Items are built by the stores' own mapping ({@link DeclarationItems#items},
 * {@link StateStockItems#lotsItemOf}, {@link StateStockItems#orderItem}), so the seed holds
 * exactly what the functions would have written, and written with parallel BatchWriteItem.
 */
@Singleton
public class LocalHistory {
    static final long SEED = 20261130L;
    /** The last week of the history: the week the seed was made (Monday 30 November 2026). */
    public static final IsoWeek LAST_WEEK = new IsoWeek(2026, 49);
    public static final int WEEKS = 104;
    public static final IsoWeek FIRST_WEEK = LAST_WEEK.minusWeeks(WEEKS - 1);
    private static final String ARS = "local-seed <regulation@ars.invalid>";
    private static final String SUPPLIER = "local-seed <logistique@spf.invalid>";
    /** The State-stock vaccine the PUIs hold and order, and the syringes that go with it (the catalogue's codes). */
    static final String MPOX = "MPOX-MVA-BN";
    private static final String SYRINGES = "SYRINGE-1ML";
    private final DynamoDeclarationStore declarations;
    private final DynamoStateStockStore stateStock;

    /** A PUI's week as declared: its declaration and the figures corrections replaced, oldest first. */
    record Declared(Declaration declaration, List<Revision> earlier) {
        Revision current() {
            return declaration.current();
        }

        List<Line> lines() {
            return declaration.lines();
        }

        IsoWeek week() {
            return declaration.week();
        }

        List<Map<String, AttributeValue>> items() {
            return DeclarationItems.items(declaration, earlier);
        }
    }

    public LocalHistory(DynamoDeclarationStore declarations, DynamoStateStockStore stateStock) {
        this.declarations = declarations;
        this.stateStock = stateStock;
    }

    /** Where the items go: a table's items, written in batches. */
    public interface ItemWriter {
        void putAll(String table, List<Map<String, AttributeValue>> items);
    }

    /** A PUI of the seed, as puis.csv gives it. */
    public record SeedPui(Finess finessEt, Finess finessEj, String name, String line1, String postalCode,
                          String city) {
        Departement departement() {
            return finessEt.departement();
        }

        Region region() {
            return departement().region();
        }

        String email() {
            return "pui-" + finessEt.value() + "@dispostock.invalid";
        }
    }

    /** A tracked item of medicines.csv; a regional one is declared by the PUIs of its regions only. */
    public record SeedItem(String itemId, List<String> regions) {
        boolean declaredIn(Region region) {
            return regions.isEmpty() || regions.contains(region.code());
        }
    }

    public static List<SeedPui> puis(String resource) {
        return Csv.parse(LocalSeed.read(resource)).rows().stream().map(r -> new SeedPui(Finess.parse(r.get("finesset")),
                Finess.parse(r.get("finessej")), r.get("name"), r.get("line1"), r.get("postalcode"), r.get("city")))
                .toList();
    }

    public static List<SeedItem> items() {
        return Csv.parse(LocalSeed.read("seed/medicines.csv")).rows().stream().map(r -> new SeedItem(r.get("itemid"),
                r.get("regions") == null ? List.of() : List.of(r.get("regions").split(" ")))).toList();
    }

    /** What was written, by kind. */
    public record Loaded(long declarations, long lotDeclarations, long orders) {
    }

    /** Writes the history of these PUIs, a few PUIs at once ({@link Parallel}). */
    public Loaded load(List<SeedPui> puis, ItemWriter writer) {
        Consumption consumption = Consumption.read();
        List<SeedItem> items = items();
        LongAdder declared = new LongAdder();
        LongAdder lots = new LongAdder();
        LongAdder orders = new LongAdder();
        Parallel.forEach(puis, pui -> {
            List<Map<String, AttributeValue>> written = new ArrayList<>();
            for (Declared d : declarations(pui, items, consumption)) {
                written.addAll(d.items());
                declared.increment();
            }
            writer.putAll(declarations.table(), written);
            if (holdsStateStock(pui)) {
                List<Map<String, AttributeValue>> held = new ArrayList<>();
                List<Order> placed = orders(pui);
                lotDeclarations(pui, placed).forEach(d -> held.add(stateStock.items().lotsItemOf(d)));
                lots.add(held.size());
                placed.forEach(o -> held.add(stateStock.items().orderItem(o)));
                orders.add(placed.size());
                writer.putAll(stateStock.table(), held);
            }
        });
        return new Loaded(declared.sum(), lots.sum(), orders.sum());
    }

    /** Every item of a PUI's history as the stores map it, table by table (the benchmark's raw writes). */
    public Map<String, List<Map<String, AttributeValue>>> itemsOf(SeedPui pui, List<SeedItem> items, Consumption consumption) {
        List<Map<String, AttributeValue>> declared = new ArrayList<>();
        declarations(pui, items, consumption).forEach(d -> declared.addAll(d.items()));
        List<Map<String, AttributeValue>> held = new ArrayList<>();
        if (holdsStateStock(pui)) {
            List<Order> placed = orders(pui);
            lotDeclarations(pui, placed).forEach(d -> held.add(stateStock.items().lotsItemOf(d)));
            placed.forEach(o -> held.add(stateStock.items().orderItem(o)));
        }
        return Map.of(declarations.table(), declared, stateStock.table(), held);
    }

    // ---- weekly declarations

    /** The real weekly series, each class divided by its mean: a profile around 1. */
    public record Consumption(double[][] byClass) {
        public static Consumption read() {
            List<Csv.Row> rows = Csv.parse(LocalSeed.read("seed/consumption-weekly.csv")).rows();
            String[] classes = {"m01ab", "m01ae", "n02ba", "n02be", "n05b", "n05c", "r03", "r06"};
            double[][] series = new double[classes.length][rows.size()];
            for (int c = 0; c < classes.length; c++) {
                for (int w = 0; w < rows.size(); w++) {
                    series[c][w] = Double.parseDouble(rows.get(w).get(classes[c]));
                }
                double mean = Arrays.stream(series[c]).average().orElse(1);
                for (int w = 0; w < rows.size(); w++) {
                    series[c][w] = series[c][w] / mean;
                }
            }
            return new Consumption(series);
        }

        /** Week {@code k} of the history for the item at {@code index}: its own class and stretch of the series. */
        double profile(int index, int k) {
            double[] s = byClass[index % byClass.length];
            int offset = (index * 53) % (s.length - WEEKS);
            return s[offset + k];
        }
    }

    static List<Declared> declarations(SeedPui pui, List<SeedItem> items, Consumption consumption) {
        SplittableRandom random = random(pui, 1);
        double size = Math.exp(0.8 * random.nextGaussian()); // PUIs differ in size: log-normal
        double declares = 0.80 + 0.19 * random.nextDouble(); // share of the weeks this PUI declares
        double lateness = 0.15 * random.nextDouble();
        int[] coverageDays = new int[items.size()];
        int[] stockOutLeft = new int[items.size()];
        for (int i = 0; i < items.size(); i++) {
            coverageDays[i] = 7 + random.nextInt(35);
        }
        List<Declared> out = new ArrayList<>();
        for (int k = 0; k < WEEKS; k++) {
            IsoWeek week = FIRST_WEEK.minusWeeks(-k);
            List<Line> lines = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                if (!items.get(i).declaredIn(pui.region())) {
                    continue;
                }
                double scale = 2 + (i * 7 % 11); // units a day for a PUI of size 1
                double daily = Math.max(0, consumption.profile(i, k) * scale * size * (1 + 0.15 * random.nextGaussian()));
                if (stockOutLeft[i] == 0 && random.nextDouble() < 0.01) {
                    stockOutLeft[i] = 1 + random.nextInt(3); // a stock-out lasts one to three weeks
                }
                long stock = stockOutLeft[i] > 0 ? 0
                        : Math.round(daily * coverageDays[i] * (0.6 + 0.8 * random.nextDouble()));
                stockOutLeft[i] = Math.max(0, stockOutLeft[i] - 1);
                lines.add(new Line(items.get(i).itemId(), stock, BigDecimal.valueOf(daily).setScale(1, RoundingMode.HALF_UP)));
            }
            if (random.nextDouble() > declares) {
                continue; // not declared that week: a missing declaration, never a zero
            }
            boolean late = random.nextDouble() < lateness;
            LocalDate day = week.monday().plusDays(late ? 1 + random.nextInt(4) : 0);
            Instant at = at(day, 8 * 60 + random.nextInt(10 * 60));
            Revision current = new Revision(at, pui.email(), late, lines);
            if (random.nextDouble() < 0.005) { // a few corrections: the first figures, replaced later that day
                List<Line> first = lines.stream().map(l -> new Line(l.itemId(), l.stock() + 1 + random.nextInt(20),
                        l.averageDailyConsumption())).toList();
                Revision earlier = new Revision(at.minusSeconds(3600), pui.email(), late, first);
                out.add(new Declared(Declaration.first(pui.finessEt(), pui.finessEj(), pui.region(), pui.departement(),
                        week, earlier).correctedBy(current), List.of(earlier)));
            } else {
                out.add(new Declared(Declaration.first(pui.finessEt(), pui.finessEj(), pui.region(), pui.departement(),
                        week, current), List.of()));
            }
        }
        return out;
    }

    // ---- State stock: the PUIs holding some (one in ten), their Thursday lots and their orders

    static boolean holdsStateStock(SeedPui pui) {
        return random(pui, 0).nextInt(10) == 0;
    }

    private record HeldLot(String productCode, String lot, LocalDate expiry, long[] quantity) {
        LotLine on(LocalDate thursday) {
            return new LotLine(productCode, lot, expiry, quantity[0], expiry.isBefore(thursday));
        }

        /** Units used during the week to that Thursday; none once expired: it waits to be destroyed. */
        void use(long units, LocalDate thursday) {
            if (!expiry.isBefore(thursday)) {
                quantity[0] = Math.max(0, quantity[0] - units);
            }
        }

        boolean gone(LocalDate thursday) {
            return quantity[0] == 0 || expiry.plusWeeks(3).isBefore(thursday);
        }
    }

    /** A lot an order shipped to the PUI, used at a pace of its own once received. */
    private record ShippedLot(LocalDate shippedOn, HeldLot lot, double weeklyUnits) {
    }

    /**
     * The PUI's Thursday lots: those it receives every 6–15 weeks, and the vaccine lots its orders
     * shipped, declared from the first Thursday after their shipment (one shipped on a Thursday is not
     * in that day's lots) less what was used, a tenth to a fifth of the lot a week: so that the use
     * measured from the lots and the shipments (StateStockUse) is the use made, not the doses shipped.
     * Syringes, devices, are not declared on Thursdays.
     */
    static List<LotDeclaration> lotDeclarations(SeedPui pui, List<Order> orders) {
        SplittableRandom random = random(pui, 2);
        SplittableRandom shippedUse = random(pui, 4);
        List<ShippedLot> shipped = orders.stream().flatMap(o -> o.shipments().stream())
                .flatMap(s -> s.lots().stream().filter(l -> l.productCode().equals(MPOX)).map(l -> new ShippedLot(
                        s.shippedOn(), new HeldLot(l.productCode(), l.lot(), l.expiry(), new long[]{l.quantity()}),
                        l.quantity() * (0.1 + 0.1 * shippedUse.nextDouble()))))
                .toList();
        List<HeldLot> held = new ArrayList<>();
        List<ShippedLot> received = new ArrayList<>();
        List<LotDeclaration> out = new ArrayList<>();
        int nextDelivery = 0;
        for (int k = 0; k < WEEKS; k++) {
            LocalDate thursday = FIRST_WEEK.minusWeeks(-k).monday().with(DayOfWeek.THURSDAY);
            if (k == nextDelivery) {
                String product = random.nextInt(4) == 0 ? "TECOVIRIMAT-200" : MPOX;
                long units = product.equals(MPOX) ? 20L * (1 + random.nextInt(5)) : 42L * (1 + random.nextInt(2));
                held.add(new HeldLot(product, "FR" + (100000 + random.nextInt(900000)),
                        thursday.plusDays(120 + random.nextInt(330)), new long[]{units}));
                nextDelivery = k + 6 + random.nextInt(10);
            }
            for (HeldLot lot : held) {
                lot.use(random.nextInt(6), thursday);
            }
            held.removeIf(l -> l.gone(thursday));
            LocalDate before = thursday.minusWeeks(1);
            shipped.stream().filter(s -> !s.shippedOn().isBefore(before) && s.shippedOn().isBefore(thursday))
                    .forEach(received::add);
            for (ShippedLot s : received) {
                s.lot().use(Math.round(s.weeklyUnits() * (0.5 + shippedUse.nextDouble())), thursday);
            }
            received.removeIf(s -> s.lot().gone(thursday));
            if (random.nextInt(10) == 0) {
                continue; // not declared that Thursday
            }
            List<LotLine> lines = new ArrayList<>(held.stream().map(l -> l.on(thursday)).toList());
            received.forEach(s -> lines.add(s.lot().on(thursday)));
            out.add(new LotDeclaration(pui.finessEt(), pui.finessEj(), pui.region(), pui.departement(), thursday,
                    new LotDeclaration.Revision(at(thursday, 9 * 60 + random.nextInt(8 * 60)), pui.email(), lines), 0));
        }
        return out;
    }

    /**
     * Orders on about a third of the order days: the older ones shipped, rejected or cancelled, the
     * last two order days' still in review or waiting for the supplier: every state is there.
     */
    static List<Order> orders(SeedPui pui) {
        SplittableRandom random = random(pui, 3);
        List<LocalDate> days = new ArrayList<>();
        for (YearMonth m = YearMonth.from(FIRST_WEEK.monday()); !m.isAfter(YearMonth.from(LAST_WEEK.sunday())); m = m.plusMonths(1)) {
            LocalDate day = OrderDays.firstThursday(m);
            if (FIRST_WEEK.monday().isBefore(day) && !day.isAfter(LAST_WEEK.sunday())) {
                days.add(day);
            }
        }
        String address = pui.line1() + ", " + pui.postalCode() + " " + pui.city();
        List<Order> out = new ArrayList<>();
        for (int n = 0; n < days.size(); n++) {
            if (random.nextInt(3) != 0) {
                continue;
            }
            LocalDate day = days.get(n);
            Instant created = at(day.minusDays(1 + random.nextInt(20)), 9 * 60 + random.nextInt(8 * 60));
            long doses = 20L * (1 + random.nextInt(10));
            List<Order.Line> ordered = List.of(new Order.Line(MPOX, doses, false, null, null),
                    new Order.Line(SYRINGES, (doses + 99) / 100 * 100, true, null, null));
            List<Order.Step> steps = new ArrayList<>(List.of(new Order.Step(created, pui.email(), OrderStatus.SUBMITTED, null)));
            int stage = n >= days.size() - 1 ? random.nextInt(3) : n == days.size() - 2 ? 3 + random.nextInt(2) : 5;
            OrderStatus status = OrderStatus.SUBMITTED;
            List<Order.Line> lines = ordered;
            List<Order.Shipment> shipments = List.of();
            Instant reviewed = created.plusSeconds(86_400L * (1 + random.nextInt(3)));
            int outcome = random.nextInt(20);
            if (stage == 0) {
                status = OrderStatus.SUBMITTED;
            } else if (outcome == 0 && stage != 4) {
                status = OrderStatus.CANCELLED;
                steps.add(new Order.Step(reviewed, pui.email(), status, "commande en double"));
            } else if (outcome == 1 && stage != 4) {
                status = OrderStatus.REJECTED;
                lines = ordered.stream().map(l -> new Order.Line(l.productCode(), l.quantity(), l.proposed(), 0L,
                        "stock régional suffisant")).toList();
                steps.add(new Order.Step(reviewed, ARS, status, null));
            } else {
                boolean cut = outcome < 6 && doses > 20;
                long approved = cut ? doses - 20 : doses;
                status = cut ? OrderStatus.PARTIALLY_APPROVED : OrderStatus.APPROVED;
                lines = List.of(new Order.Line(MPOX, doses, false, approved, cut ? "quantité ajustée à la consommation" : null),
                        new Order.Line(SYRINGES, ordered.get(1).quantity(), true, ordered.get(1).quantity(), null));
                steps.add(new Order.Step(reviewed, ARS, status, null));
                if (stage >= 4) {
                    LocalDate shipped = day.plusDays(2 + random.nextInt(5));
                    shipments = List.of(new Order.Shipment(shipped, address, List.of(
                            new Order.ShippedLot(MPOX, "FR" + (100000 + random.nextInt(900000)),
                                    shipped.plusDays(180 + random.nextInt(200)), approved),
                            new Order.ShippedLot(SYRINGES, "SY" + (10000 + random.nextInt(90000)),
                                    shipped.plusYears(3), ordered.get(1).quantity()))));
                    status = OrderStatus.SHIPPED;
                    steps.add(new Order.Step(at(shipped, 14 * 60), SUPPLIER, status, "to " + address));
                }
            }
            String id = "ORD-" + created.atZone(Dates.PARIS).toLocalDate().toString().replace("-", "") + "-"
                    + String.format("%08X", random.nextInt() & 0xffffffffL);
            out.add(new Order(id, pui.finessEt(), pui.finessEj(), pui.region(), day, status, lines, shipments, steps,
                    created, steps.size()));
        }
        return out;
    }

    // ---- plumbing

    private static SplittableRandom random(SeedPui pui, int stream) {
        return new SplittableRandom(SEED * 1_000_003L + pui.finessEt().value().hashCode() * 31L + stream);
    }

    private static Instant at(LocalDate day, int minuteOfDay) {
        return day.atTime(LocalTime.ofSecondOfDay(minuteOfDay * 60L)).atZone(Dates.PARIS).toInstant();
    }
}
