package fr.dispostock.domain.help;

import fr.dispostock.domain.Finess;
import fr.dispostock.domain.statestock.LotDeclaration;
import fr.dispostock.domain.statestock.LotLine;
import fr.dispostock.domain.statestock.Order;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.IntStream;

/**
 * How many units of a State-stock product a PUI uses a day, measured from its own Thursday lot
 * declarations: between two successive declared Thursdays it used what it held on the first, plus what
 * was shipped to it from that Thursday (included) to the next (excluded: a shipment takes a day or more to
 * arrive, so one shipped on a Thursday is not in that Thursday's lots), minus what it held on the next.
 * Every declared line counts, expired ones too: an expired lot is declared until destroyed, so what
 * leaves the holdings was used. A Thursday not declared joins its neighbours into one longer interval;
 * an interval whose holdings rose beyond what was shipped (a transfer from a neighbour, a correction) says
 * nothing of the use and is left out. Fewer than two declared Thursdays (a first declaration): unknown,
 * never zero.
 */
public final class StateStockUse {
    /**
     * Weeks of history looked at: two months follow a vaccination campaign's pace closely enough while
     * smoothing a week's single session day, and are the eight weeks the stock picture's trend shows.
     */
    public static final int WEEKS = 8;

    /** Units of a product held on a declared Thursday. */
    public record Held(LocalDate thursday, long units) {
    }

    /** Units of a product shipped to the PUI on a day. */
    public record Shipped(LocalDate on, long units) {
    }

    private record Key(Finess finessEt, String productCode) {
    }

    private final Map<Key, OptionalDouble> daily;

    private StateStockUse(Map<Key, OptionalDouble> daily) {
        this.daily = daily;
    }

    /** The Thursdays of the window ending on {@code thursday}, oldest first ({@link #WEEKS} intervals). */
    public static List<LocalDate> window(LocalDate thursday) {
        return IntStream.rangeClosed(0, WEEKS).mapToObj(k -> thursday.minusWeeks(WEEKS - k)).toList();
    }

    /**
     * Each PUI's use of each product it held in the window, from the lots declared on the window's
     * Thursdays and the orders shipped to the PUIs (other dates and PUIs are ignored).
     */
    public static StateStockUse of(LocalDate thursday, List<LotDeclaration> declared, List<Order> orders) {
        LocalDate from = thursday.minusWeeks(WEEKS);
        Map<Finess, List<LotDeclaration>> byPui = new HashMap<>();
        declared.stream().filter(d -> !d.date().isBefore(from) && !d.date().isAfter(thursday))
                .forEach(d -> byPui.computeIfAbsent(d.finessEt(), f -> new ArrayList<>()).add(d));
        Map<Key, OptionalDouble> daily = new HashMap<>();
        byPui.forEach((pui, declarations) -> {
            declarations.sort(Comparator.comparing(LotDeclaration::date));
            declarations.stream().flatMap(d -> d.current().lines().stream()).map(LotLine::productCode).distinct()
                    .forEach(product -> daily.put(new Key(pui, product), dailyUse(
                            declarations.stream().map(d -> new Held(d.date(), held(d, product))).toList(),
                            shipped(orders, pui, product))));
        });
        return new StateStockUse(daily);
    }

    /** Units per day the PUI used of the product, or empty when its declarations do not say. */
    public OptionalDouble dailyUse(Finess finessEt, String productCode) {
        return daily.getOrDefault(new Key(finessEt, productCode), OptionalDouble.empty());
    }

    /** Units per day over the intervals between successive declared Thursdays that say something. */
    public static OptionalDouble dailyUse(List<Held> held, List<Shipped> shipped) {
        List<Held> byDay = held.stream().sorted(Comparator.comparing(Held::thursday)).toList();
        long used = 0;
        long days = 0;
        for (int i = 1; i < byDay.size(); i++) {
            Held before = byDay.get(i - 1);
            Held after = byDay.get(i);
            long received = shipped.stream().filter(s -> !s.on().isBefore(before.thursday())
                    && s.on().isBefore(after.thursday())).mapToLong(Shipped::units).sum();
            long usedThen = before.units() + received - after.units();
            if (usedThen >= 0) {
                used += usedThen;
                days += ChronoUnit.DAYS.between(before.thursday(), after.thursday());
            }
        }
        return days == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) used / days);
    }

    private static long held(LotDeclaration declaration, String product) {
        return declaration.current().lines().stream().filter(l -> l.productCode().equals(product))
                .mapToLong(LotLine::quantity).sum();
    }

    private static List<Shipped> shipped(List<Order> orders, Finess pui, String product) {
        return orders.stream().filter(o -> o.finessEt().equals(pui))
                .flatMap(o -> o.shipments().stream())
                .flatMap(s -> s.lots().stream().filter(l -> l.productCode().equals(product))
                        .map(l -> new Shipped(s.shippedOn(), l.quantity())))
                .toList();
    }
}
