package fr.dispostock.domain.help;

import fr.dispostock.domain.Departement;
import fr.dispostock.domain.Finess;
import fr.dispostock.domain.Region;
import fr.dispostock.domain.help.StateStockUse.Held;
import fr.dispostock.domain.help.StateStockUse.Shipped;
import fr.dispostock.domain.statestock.LotDeclaration;
import fr.dispostock.domain.statestock.LotLine;
import fr.dispostock.domain.statestock.Order;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StateStockUseTest {
    static final LocalDate NOV_5 = LocalDate.of(2026, 11, 5);
    static final LocalDate NOV_12 = LocalDate.of(2026, 11, 12);
    static final LocalDate NOV_19 = LocalDate.of(2026, 11, 19);
    static final Finess FLEYRIAT = Finess.parse("010000024");
    static final Finess PONT_DE_VAUX = Finess.parse("010000107");

    @Test
    void a_delivery_between_two_thursdays_counts_as_used_from_the_thursday_it_was_shipped_on() {
        // given 100 held on 5 November, 80 on the 12th, 150 on the 19th, and 100 shipped on Thursday the 12th
        //   (after that day's lots were counted): by hand 5→12: 100 - 80 = 20; 12→19: 80 + 100 - 150 = 30;
        //   50 units in 14 days = 3.571…/day (counted the other way, 5→12 would read 120 and 12→19 a rise)
        List<Held> held = List.of(new Held(NOV_5, 100), new Held(NOV_12, 80), new Held(NOV_19, 150));

        // when the daily use is measured
        OptionalDouble use = StateStockUse.dailyUse(held, List.of(new Shipped(NOV_12, 100)));

        // then
        assertEquals(50.0 / 14, use.orElseThrow(), 1e-9);
    }

    @Test
    void a_thursday_not_declared_joins_its_neighbours_into_one_interval() {
        // given 100 held on 5 November, the 12th not declared, 72 on the 19th: 28 units in 14 days
        // when the daily use is measured
        OptionalDouble use = StateStockUse.dailyUse(List.of(new Held(NOV_19, 72), new Held(NOV_5, 100)), List.of());

        // then 2 a day, whatever the order the Thursdays come in
        assertEquals(2.0, use.orElseThrow(), 1e-9);
    }

    @Test
    void a_first_declaration_says_nothing_of_the_use() {
        // given a single Thursday declared, even with a shipment before it
        // when the daily use is measured
        OptionalDouble use = StateStockUse.dailyUse(List.of(new Held(NOV_19, 100)), List.of(new Shipped(NOV_12, 100)));

        // then it is unknown, not zero
        assertEquals(OptionalDouble.empty(), use);
    }

    @Test
    void holdings_rising_beyond_what_was_shipped_leave_that_interval_out() {
        // given 100 on 5 November, 130 on the 12th with nothing shipped (a transfer from a neighbour), 116 on the
        //   19th: 5→12 says nothing; 12→19: 14 in 7 days
        // when the daily use is measured
        OptionalDouble use = StateStockUse.dailyUse(List.of(new Held(NOV_5, 100), new Held(NOV_12, 130),
                new Held(NOV_19, 116)), List.of());

        // then 2 a day; and holdings that only rose leave the use unknown
        assertEquals(2.0, use.orElseThrow(), 1e-9);
        assertEquals(OptionalDouble.empty(), StateStockUse.dailyUse(List.of(new Held(NOV_5, 100),
                new Held(NOV_12, 130)), List.of()));
    }

    @Test
    void each_puis_use_comes_from_its_own_lots_and_shipments_within_the_eight_weeks() {
        // given Fleyriat's MVA-BN: lots A 60 + B 40 on 5 November; A 30 and B 40 now expired on the 19th (still
        //   declared, so not counted as used); 70 shipped to it on 16 November, 500 to Pont-de-Vaux; a declaration
        //   of 1,000 on 17 September, outside the window ending 19 November (9 Thursdays from 24 September)
        //   by hand: 100 + 70 - (30 + 40 + 70 held in lot C) = 30 in 14 days
        List<LotDeclaration> declared = List.of(
                lots(FLEYRIAT, LocalDate.of(2026, 9, 17), new LotLine("MVABN", "A", NOV_19, 1000, false)),
                lots(FLEYRIAT, NOV_5, new LotLine("MVABN", "A", NOV_19, 60, false),
                        new LotLine("MVABN", "B", NOV_12, 40, false)),
                lots(FLEYRIAT, NOV_19, new LotLine("MVABN", "A", NOV_19, 30, false),
                        new LotLine("MVABN", "B", NOV_12, 40, true), new LotLine("MVABN", "C", NOV_19.plusYears(1), 70, false)),
                lots(PONT_DE_VAUX, NOV_19, new LotLine("MVABN", "D", NOV_19.plusYears(1), 500, false)));
        List<Order> orders = List.of(shipped(FLEYRIAT, NOV_19.minusDays(3), 70), shipped(PONT_DE_VAUX, NOV_12, 500));

        // when each PUI's use is measured for the window ending 19 November
        StateStockUse use = StateStockUse.of(NOV_19, declared, orders);

        // then Fleyriat 30 / 14 a day; Pont-de-Vaux (a first declaration) and another product unknown
        assertEquals(30.0 / 14, use.dailyUse(FLEYRIAT, "MVABN").orElseThrow(), 1e-9);
        assertEquals(OptionalDouble.empty(), use.dailyUse(PONT_DE_VAUX, "MVABN"));
        assertEquals(OptionalDouble.empty(), use.dailyUse(FLEYRIAT, "TECOVIRIMAT"));
        assertEquals(List.of(LocalDate.of(2026, 9, 24), NOV_19), List.of(StateStockUse.window(NOV_19).get(0),
                StateStockUse.window(NOV_19).get(StateStockUse.WEEKS)));
    }

    private static LotDeclaration lots(Finess pui, LocalDate thursday, LotLine... lines) {
        return LotDeclaration.first(pui, Finess.parse("010780054"), Region.parse("84"), Departement.parse("01"), thursday,
                new LotDeclaration.Revision(Instant.parse("2026-11-19T10:00:00Z"), "test", List.of(lines)));
    }

    private static Order shipped(Finess pui, LocalDate on, long units) {
        Order placed = Order.placed("order-" + pui.value(), pui, Finess.parse("010780054"), Region.parse("84"),
                List.of(new Order.Line("MVABN", units, false, units, null)), Instant.parse("2026-11-02T10:00:00Z"), "test");
        return placed.shipped(new Order.Shipment(on, "1 rue de l'hôpital", List.of(
                new Order.ShippedLot("MVABN", "S", on.plusYears(1), units))), Instant.parse("2026-11-16T10:00:00Z"), "spf");
    }
}
