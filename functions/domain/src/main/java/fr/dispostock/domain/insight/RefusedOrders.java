package fr.dispostock.domain.insight;

import fr.dispostock.domain.Dates;
import fr.dispostock.domain.statestock.Order;
import fr.dispostock.domain.statestock.OrderStatus;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A PUI's State-stock order refused, in whole or in part, read as a tension of that PUI's supply of the
 * product: what it asked for will not come, and the State stock is where it turns when its usual
 * supplier cannot serve it. Only the latest review of each PUI × product counts (a later approval ends
 * the tension), and only for {@link #DAYS} days, an order-day cycle (the first Thursday of each month).
 */
public final class RefusedOrders {
    static final int DAYS = 35;
    public static final String STATUS = "State-stock order refused";
    private static final Set<OrderStatus> REVIEWED = Set.of(OrderStatus.APPROVED, OrderStatus.PARTIALLY_APPROVED,
            OrderStatus.REJECTED);
    /** By {@code finessEt#productCode}. */
    private final Map<String, SupplyTension.Tension> tensions;

    private RefusedOrders(Map<String, SupplyTension.Tension> tensions) {
        this.tensions = tensions;
    }

    /** The refusals among the orders reviewed on or before {@code day} that are still a tension on that day. */
    public static RefusedOrders of(List<Order> orders, LocalDate day) {
        Map<String, LocalDate> reviewed = new HashMap<>();
        Map<String, Boolean> refused = new HashMap<>();
        for (Order o : orders) {
            Optional<LocalDate> on = o.history().stream().filter(step -> REVIEWED.contains(step.status()))
                    .map(step -> LocalDate.ofInstant(step.at(), Dates.PARIS)).findFirst();
            if (on.isEmpty() || on.get().isAfter(day)) {
                continue;
            }
            for (Order.Line line : o.lines()) {
                String key = o.finessEt().value() + "#" + line.productCode();
                if (!reviewed.containsKey(key) || !reviewed.get(key).isAfter(on.get())) {
                    reviewed.put(key, on.get());
                    refused.put(key, line.approvedQuantity() != null && line.approvedQuantity() < line.quantity());
                }
            }
        }
        Map<String, SupplyTension.Tension> tensions = new HashMap<>();
        reviewed.forEach((key, on) -> {
            if (refused.get(key) && !on.isBefore(day.minusDays(DAYS))) {
                tensions.put(key, new SupplyTension.Tension(STATUS, on, SupplyTension.Source.ORDER_REFUSED));
            }
        });
        return new RefusedOrders(tensions);
    }

    /** The tension of the PUI's supply of the item, when its last order of it was refused. */
    public Optional<SupplyTension.Tension> of(String finessEt, String itemId) {
        return Optional.ofNullable(tensions.get(finessEt + "#" + itemId));
    }
}
