package fr.dispostock.local;

import fr.dispostock.domain.Dates;
import fr.dispostock.domain.statestock.LotDeclaration;
import fr.dispostock.domain.statestock.LotLine;
import fr.dispostock.domain.statestock.Order;
import fr.dispostock.domain.statestock.OrderStatus;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole-France seed's derived past, as LocalHistory makes it (no database needed). */
class LocalHistoryTest {
    static final List<LocalHistory.SeedPui> PUIS = LocalHistory.puis("seed/puis.csv");
    static final List<LocalHistory.SeedItem> ITEMS = LocalHistory.items();
    static final LocalHistory.Consumption CONSUMPTION = LocalHistory.Consumption.read();

    @Test
    void the_same_pui_gets_the_same_history_every_time() {
        // given a PUI of the seed
        LocalHistory.SeedPui pui = PUIS.get(PUIS.size() / 2);

        // when its history is made twice
        List<LocalHistory.Declared> once = LocalHistory.declarations(pui, ITEMS, CONSUMPTION);
        List<LocalHistory.Declared> again = LocalHistory.declarations(pui, ITEMS, CONSUMPTION);

        // then both are equal, figure for figure
        assertEquals(once, again);
        assertTrue(once.size() > LocalHistory.WEEKS / 2, "weeks declared: " + once.size());
    }

    @Test
    void over_france_the_weeks_hold_missing_late_zero_stock_and_corrected_declarations() {
        // given one PUI in ten, all over France
        List<LocalHistory.SeedPui> sample = IntStream.range(0, PUIS.size()).filter(i -> i % 10 == 0).mapToObj(PUIS::get).toList();

        // when their history is made
        List<LocalHistory.Declared> all = sample.stream().flatMap(p -> LocalHistory.declarations(p, ITEMS, CONSUMPTION).stream()).toList();

        // then some weeks are missing, some late, some lines at zero stock, a few corrected, all within the two years
        long expected = (long) sample.size() * LocalHistory.WEEKS;
        assertTrue(all.size() < expected && all.size() > expected * 8 / 10, all.size() + " of " + expected);
        long late = all.stream().filter(d -> d.current().late()).count();
        assertTrue(late > 0 && late < all.size() / 5, "late " + late);
        assertTrue(all.stream().filter(d -> d.current().late())
                .allMatch(d -> d.current().declaredAt().atZone(Dates.PARIS).getDayOfWeek() != DayOfWeek.MONDAY));
        long zeros = all.stream().flatMap(d -> d.lines().stream()).filter(l -> l.stock() == 0).count();
        assertTrue(zeros > 0, "zero stock lines " + zeros);
        long corrected = all.stream().filter(d -> !d.earlier().isEmpty()).count();
        assertTrue(corrected > 0 && corrected < all.size() / 100, "corrected " + corrected);
        assertTrue(all.stream().allMatch(d -> d.week().compareTo(LocalHistory.FIRST_WEEK) >= 0
                && d.week().compareTo(LocalHistory.LAST_WEEK) <= 0));
    }

    @Test
    void regional_items_are_declared_only_in_their_region() {
        // given the items tracked by one region only
        Set<String> regional = ITEMS.stream().filter(i -> !i.regions().isEmpty()).map(LocalHistory.SeedItem::itemId)
                .collect(Collectors.toSet());

        // when PUIs of that region and of another declare
        LocalHistory.SeedPui lyon = PUIS.stream().filter(p -> p.region().code().equals("84")).findFirst().orElseThrow();
        LocalHistory.SeedPui rennes = PUIS.stream().filter(p -> p.region().code().equals("53")).findFirst().orElseThrow();

        // then only the first declares them
        assertTrue(LocalHistory.declarations(lyon, ITEMS, CONSUMPTION).get(0).lines().stream()
                .anyMatch(l -> regional.contains(l.itemId())));
        assertTrue(LocalHistory.declarations(rennes, ITEMS, CONSUMPTION).get(0).lines().stream()
                .noneMatch(l -> regional.contains(l.itemId())));
    }

    @Test
    void state_stock_holders_declare_thursday_lots_and_have_orders_in_every_state() {
        // given the PUIs that hold State stock
        List<LocalHistory.SeedPui> holders = PUIS.stream().filter(LocalHistory::holdsStateStock).toList();

        // when their lots and orders are made
        List<LotDeclaration> lots = holders.stream().flatMap(p -> LocalHistory.lotDeclarations(p, LocalHistory.orders(p)).stream()).toList();
        List<Order> orders = holders.stream().flatMap(p -> LocalHistory.orders(p).stream()).toList();

        // then about one PUI in ten holds some; lots are declared on Thursdays, expired ones flagged; every order state is there
        assertTrue(holders.size() > PUIS.size() / 20 && holders.size() < PUIS.size() / 5, "holders " + holders.size());
        assertTrue(lots.stream().allMatch(d -> d.date().getDayOfWeek() == DayOfWeek.THURSDAY));
        assertTrue(lots.stream().flatMap(d -> d.current().lines().stream().map(l -> l.expired() == l.expiry().isBefore(d.date())))
                .allMatch(b -> b));
        assertTrue(lots.stream().flatMap(d -> d.current().lines().stream()).anyMatch(l -> l.expired()));
        Set<OrderStatus> states = orders.stream().map(Order::status).collect(Collectors.toCollection(() -> EnumSet.noneOf(OrderStatus.class)));
        assertEquals(EnumSet.allOf(OrderStatus.class), states);
        assertTrue(orders.stream().allMatch(o -> o.history().size() == o.version()
                && o.history().get(o.history().size() - 1).status() == o.status()));
    }

    @Test
    void a_shipped_vaccine_lot_is_declared_on_the_following_thursdays_less_what_was_used() {
        // given the PUIs that hold State stock, and the vaccine lots their orders shipped
        List<LocalHistory.SeedPui> holders = PUIS.stream().filter(LocalHistory::holdsStateStock).toList();
        int checked = 0;
        for (LocalHistory.SeedPui pui : holders) {
            List<Order> orders = LocalHistory.orders(pui);

            // when the PUI's Thursday lots are made
            List<LotDeclaration> lots = LocalHistory.lotDeclarations(pui, orders);

            // then each shipped vaccine lot is in the lots of the Thursday after its shipment (when declared),
            // with its expiry and no more than was shipped, and it only decreases from one Thursday to the next
            for (Order.Shipment shipment : orders.stream().flatMap(o -> o.shipments().stream()).toList()) {
                for (Order.ShippedLot lot : shipment.lots()) {
                    List<LotLine> declared = lots.stream().filter(d -> d.date().isAfter(shipment.shippedOn()))
                            .flatMap(d -> d.current().lines().stream().filter(l -> l.lot().equals(lot.lot()))).toList();
                    if (lot.productCode().equals("SYRINGE-1ML")) {
                        assertTrue(declared.isEmpty(), "syringes are not declared on Thursdays: " + declared);
                        continue;
                    }
                    LocalDate thursday = shipment.shippedOn().with(TemporalAdjusters.next(DayOfWeek.THURSDAY));
                    if (lots.stream().anyMatch(d -> d.date().equals(thursday))) {
                        assertFalse(declared.isEmpty(), pui.finessEt() + " " + lot);
                        assertTrue(declared.get(0).quantity() > 0 && declared.get(0).quantity() <= lot.quantity(),
                                lot + " " + declared.get(0));
                        assertEquals(lot.expiry(), declared.get(0).expiry());
                        checked++;
                    }
                    for (int i = 1; i < declared.size(); i++) {
                        assertTrue(declared.get(i).quantity() <= declared.get(i - 1).quantity(), declared.toString());
                    }
                }
            }
        }
        assertTrue(checked > 100, "shipped lots checked: " + checked);
    }
}
