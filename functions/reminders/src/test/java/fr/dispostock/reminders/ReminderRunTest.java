package fr.dispostock.reminders;

import fr.dispostock.domain.Finess;
import fr.dispostock.domain.IsoWeek;
import fr.dispostock.domain.declaration.Declaration;
import fr.dispostock.domain.declaration.DeclarationStore;
import fr.dispostock.domain.declaration.Line;
import fr.dispostock.domain.declaration.Revision;
import fr.dispostock.domain.register.Pui;
import fr.dispostock.domain.register.RegisterStore;
import fr.dispostock.domain.statestock.Order;
import fr.dispostock.domain.statestock.OrderStatus;
import fr.dispostock.domain.statestock.StateStockStore;
import fr.dispostock.embedded.DynamoDbLocalExtension;
import fr.dispostock.embedded.RegisterFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static fr.dispostock.reminders.RemindersFunction.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(DynamoDbLocalExtension.class)
class ReminderRunTest {
    static final String FLEYRIAT = "pui-010000024@dispostock.invalid";
    static final String BUGEY = "pui-010000032@dispostock.invalid";
    static final String AJACCIO = "pui-2A0000022@dispostock.invalid";
    Pui fleyriat;
    Pui bugey;

    @BeforeEach
    void threePuisAndThreeItems() {
        for (String table : List.of("RegistersTable", "DeclarationsTable", "StateStockTable", "MailTable")) {
            DynamoDbLocalExtension.dynamoDb().deleteAllItems(table);
        }
        SES.clear();
        RegisterStore registers = HANDLER.getApplicationContext().getBean(RegisterStore.class);
        fleyriat = RegisterFixtures.pui(registers, "010000024", "010780054", "CH DE FLEYRIAT", "01");
        bugey = RegisterFixtures.pui(registers, "010000032", "010780062", "CH HAUT BUGEY", "01");
        RegisterFixtures.pui(registers, "2A0000022", "2A0000014", "CH ND LA MISERICORDE", "2A");
        RegisterFixtures.item(registers, "cisplatine", "9019840", List.of());
        RegisterFixtures.item(registers, "lomustine", "9009994", List.of());
        RegisterFixtures.item(registers, "vincristine-ara", "9065107", List.of("84"));
    }

    private static void declare(Pui pui, String... items) {
        DeclarationStore declarations = HANDLER.getApplicationContext().getBean(DeclarationStore.class);
        IsoWeek week = IsoWeek.parse("2026-W48");
        Declaration previous = declarations.find(pui.region(), week, pui.finessEt()).orElse(null);
        List<Line> lines = java.util.Arrays.stream(items).map(i -> new Line(i, 10, BigDecimal.ONE)).toList();
        Revision figures = new Revision(Instant.parse("2026-11-23T08:00:00Z"), "test", false, lines);
        declarations.save(previous, previous != null ? previous.correctedBy(figures)
                : Declaration.first(pui.finessEt(), pui.finessEj(), pui.region(), pui.departement(), week, figures));
    }

    @Test
    void on_monday_only_the_puis_that_have_not_declared_everything_are_reminded_once_per_run() {
        // given CH de Fleyriat has declared all its items, CH Haut Bugey one of three, Ajaccio nothing
        declare(fleyriat, "cisplatine", "lomustine", "vincristine-ara");
        declare(bugey, "cisplatine");

        // when the Monday 08:00 schedule fires, and EventBridge delivers it a second time
        Map<String, Object> first = fire("WeeklyDeclarationMorning", "2026-11-23T07:00:00Z");
        Map<String, Object> duplicate = fire("WeeklyDeclarationMorning", "2026-11-23T07:00:00Z");

        // then Bugey and Ajaccio got one mail each through SES, and the duplicate sent nothing
        assertEquals(2, first.get("sent"), first.toString());
        assertEquals(0, duplicate.get("sent"));
        assertEquals(2, duplicate.get("skipped"));
        assertEquals(List.of(BUGEY, AJACCIO), recipients().stream().sorted((a, b) -> a.equals(BUGEY) ? -1 : 1).toList());
        assertTrue(SES.store().contains("vincristine-ara") && SES.store().contains("2026-W48"), SES.store());
    }

    @Test
    void the_pharmacists_of_a_late_establishment_get_the_reminder_too_and_once() {
        // given a pharmacist account of CH Haut Bugey, whose address is also, in capitals, given twice
        HANDLER.getApplicationContext().getBean(fr.dispostock.domain.register.AccountStore.class).importAll(List.of(
                new fr.dispostock.domain.register.Account("ph-bugey", "pharmacie@ch-bugey.fr",
                        java.util.Set.of(fr.dispostock.domain.Role.PHARMACIST), java.util.Set.of(bugey.finessEj()), null),
                new fr.dispostock.domain.register.Account("ph-bugey-2", "PHARMACIE@CH-BUGEY.FR",
                        java.util.Set.of(fr.dispostock.domain.Role.PHARMACIST), java.util.Set.of(bugey.finessEj()), null)));
        declare(fleyriat, "cisplatine", "lomustine", "vincristine-ara");

        // when the Monday schedule fires
        Map<String, Object> r = fire("WeeklyDeclarationMorning", "2026-11-23T07:00:00Z");

        // then Bugey's PUI and its pharmacist (once, whatever the case) and Ajaccio are reminded
        assertEquals(3, r.get("sent"), r.toString());
        assertEquals(1, r.get("skipped"));
        assertTrue(recipients().stream().anyMatch(a -> a.equalsIgnoreCase("pharmacie@ch-bugey.fr")));
    }

    @Test
    void the_afternoon_run_reaches_only_those_still_missing() {
        // given the morning run, after which CH Haut Bugey declared everything
        fire("WeeklyDeclarationMorning", "2026-11-23T07:00:00Z");
        declare(bugey, "cisplatine", "lomustine", "vincristine-ara");
        SES.clear();

        // when the 14:00 schedule fires
        Map<String, Object> afternoon = fire("WeeklyDeclarationAfternoon", "2026-11-23T13:00:00Z");

        // then only those who still have not declared are reminded again
        assertEquals(2, afternoon.get("sent"));
        assertEquals(List.of(FLEYRIAT, AJACCIO).stream().sorted().toList(), recipients().stream().sorted().toList());
    }

    @Test
    void on_the_order_day_the_puis_that_have_ordered_are_left_alone_and_other_thursdays_send_nothing() {
        // given CH de Fleyriat ordered for the order day of Thursday 3 December
        StateStockStore stateStock = HANDLER.getApplicationContext().getBean(StateStockStore.class);
        Instant placed = Instant.parse("2026-11-30T09:00:00Z");
        stateStock.create(new Order("ORD-1", Finess.parse("010000024"), Finess.parse("010780054"), fleyriat.region(),
                LocalDate.parse("2026-12-03"), OrderStatus.SUBMITTED, List.of(new Order.Line("TECOVIRIMAT-200", 42,
                false, null, null)), List.of(), List.of(), placed, 1), "test#key-0001", "fingerprint");

        // when the order-day schedule fires on 3 December, then on the next Thursday
        Map<String, Object> orderDay = fire("OrderDay", "2026-12-03T07:00:00Z");
        Map<String, Object> notOrderDay = fire("OrderDay", "2026-12-10T07:00:00Z");

        // then the two others are reminded, and nobody the next week
        assertEquals(2, orderDay.get("sent"), orderDay.toString());
        assertEquals(List.of(BUGEY, AJACCIO).stream().sorted().toList(), recipients().stream().sorted().toList());
        assertEquals(0, notOrderDay.get("sent"));
    }

    @Test
    void on_thursday_the_puis_that_have_not_declared_their_state_stock_lots_are_reminded() {
        // when the Thursday schedule fires with no lots declared anywhere
        Map<String, Object> r = fire("StateStockThursday", "2026-11-26T07:00:00Z");

        // then the three PUIs are reminded
        assertEquals(3, r.get("sent"), r.toString());
        assertEquals(3, recipients().size());
    }
}
