package fr.dispostock.reminders;

import fr.dispostock.domain.BusinessMetric;
import fr.dispostock.campaigns.MailingSender;
import fr.dispostock.campaigns.MailingSenderHandler;
import fr.dispostock.domain.Finess;
import fr.dispostock.domain.IsoWeek;
import fr.dispostock.domain.Role;
import fr.dispostock.domain.declaration.Declaration;
import fr.dispostock.domain.declaration.DeclarationStore;
import fr.dispostock.domain.declaration.Line;
import fr.dispostock.domain.declaration.Revision;
import fr.dispostock.domain.mail.BulkMailer;
import fr.dispostock.domain.mail.MailingId;
import fr.dispostock.domain.mail.MailingStore;
import fr.dispostock.domain.mail.ReminderKind;
import fr.dispostock.domain.register.Account;
import fr.dispostock.domain.register.AccountStore;
import fr.dispostock.domain.register.Pui;
import fr.dispostock.domain.register.RegisterStore;
import fr.dispostock.domain.statestock.Order;
import fr.dispostock.domain.statestock.OrderStatus;
import fr.dispostock.domain.statestock.StateStockStore;
import fr.dispostock.embedded.CapturedOutput;
import fr.dispostock.embedded.DynamoDbLocalExtension;
import fr.dispostock.embedded.RegisterFixtures;
import fr.dispostock.embedded.ThrottlingSes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static fr.dispostock.reminders.RemindersFunction.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(DynamoDbLocalExtension.class)
class ReminderRunTest {
    static final String FLEYRIAT = "pui-010000024@dispostock.invalid";
    static final String BUGEY = "pui-010000032@dispostock.invalid";
    static final String AJACCIO = "pui-2A0000022@dispostock.invalid";
    static final String MONDAY_8 = "2026-11-23T07:00:00Z";
    static final MailingId MONDAY_RUN = MailingId.reminderRun(ReminderKind.WEEKLY_DECLARATION, Instant.parse(MONDAY_8));
    Pui fleyriat;
    Pui bugey;

    @BeforeEach
    void threePuisAndThreeItems() {
        for (String table : List.of("RegistersTable", "DeclarationsTable", "StateStockTable", "MailTable")) {
            DynamoDbLocalExtension.dynamoDb().deleteAllItems(table);
        }
        SES.clear();
        RegisterStore registers = bean(RegisterStore.class);
        fleyriat = RegisterFixtures.pui(registers, "010000024", "010780054", "CH DE FLEYRIAT", "01");
        bugey = RegisterFixtures.pui(registers, "010000032", "010780062", "CH HAUT BUGEY", "01");
        RegisterFixtures.pui(registers, "2A0000022", "2A0000014", "CH ND LA MISERICORDE", "2A");
        RegisterFixtures.item(registers, "cisplatine", "9019840", List.of());
        RegisterFixtures.item(registers, "lomustine", "9009994", List.of());
        RegisterFixtures.item(registers, "vincristine-ara", "9065107", List.of("84"));
    }

    static <T> T bean(Class<T> type) {
        return HANDLER.getApplicationContext().getBean(type);
    }

    private static void declare(Pui pui, String... items) {
        DeclarationStore declarations = bean(DeclarationStore.class);
        IsoWeek week = IsoWeek.parse("2026-W48");
        Declaration previous = declarations.find(pui.region(), week, pui.finessEt()).orElse(null);
        List<Line> lines = java.util.Arrays.stream(items).map(i -> new Line(i, 10, BigDecimal.ONE)).toList();
        Revision figures = new Revision(Instant.parse("2026-11-23T08:00:00Z"), "test", false, lines);
        declarations.save(previous, previous != null ? previous.correctedBy(figures)
                : Declaration.first(pui.finessEt(), pui.finessEj(), pui.region(), pui.departement(), week, figures));
    }

    /** Pharmacist accounts of CH Haut Bugey: pharmacien-000@ch-bugey.fr… */
    private static void bugeyPharmacists(int n) {
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            accounts.add(new Account("ph-bugey-" + i, String.format("pharmacien-%03d@ch-bugey.fr", i),
                    Set.of(Role.PHARMACIST), Set.of(Finess.parse("010780062")), null));
        }
        bean(AccountStore.class).importAll(accounts);
    }

    private static Number n(Map<String, Object> report, String key) {
        return (Number) report.get(key);
    }

    @Test
    void on_monday_only_the_puis_that_have_not_declared_everything_are_reminded_and_a_schedule_delivered_twice_sends_nothing_twice() {
        // given CH de Fleyriat has declared all its items, CH Haut Bugey one of three, Ajaccio nothing
        declare(fleyriat, "cisplatine", "lomustine", "vincristine-ara");
        declare(bugey, "cisplatine");

        // when the Monday 08:00 schedule fires, EventBridge delivers it a second time, and the sender runs on the kicks
        Map<String, Object> first = fire("WeeklyDeclarationMorning", MONDAY_8);
        Map<String, Object> duplicate = fire("WeeklyDeclarationMorning", MONDAY_8);
        deliverKicks(SENDER);

        // then Bugey and Ajaccio got one mail each through SES, each naming its own missing items; the duplicate is the same run
        assertEquals(2, n(first, "recipients").intValue(), first.toString());
        assertEquals(false, first.get("duplicate"));
        assertEquals(true, duplicate.get("duplicate"));
        assertEquals(Set.of(BUGEY, AJACCIO), new HashSet<>(recipients()));
        assertEquals(2, recipients().size());
        String store = SES.store();
        assertTrue(store.contains("CH HAUT BUGEY (FINESS 010000032) n'a pas encore déclaré, pour la semaine 2026-W48"), store);
        assertTrue(store.contains("déclaration hebdomadaire 2026-W48 : 2 médicament(s) à déclarer"), store);
        assertTrue(store.contains("(FINESS 010000032)") && store.contains("- lomustine (lomustine)\\n- vincristine-ara"), store);
        assertTrue(store.contains("(FINESS 2A0000022)") && store.contains("- cisplatine (cisplatine)\\n- lomustine (lomustine)\\n\\n"),
                "Corsica does not track the item of region 84: " + store);
        assertEquals(2, bean(MailingStore.class).mailing(MONDAY_RUN).orElseThrow().sent());
        assertEquals("SENT", bean(MailingStore.class).mailing(MONDAY_RUN).orElseThrow().status().name());
    }

    @Test
    void the_pharmacists_of_a_late_establishment_get_the_reminder_too_and_once() {
        // given a pharmacist account of CH Haut Bugey, whose address is also, in capitals, given twice
        bean(AccountStore.class).importAll(List.of(
                new Account("ph-bugey", "pharmacie@ch-bugey.fr", Set.of(Role.PHARMACIST), Set.of(bugey.finessEj()), null),
                new Account("ph-bugey-2", "PHARMACIE@CH-BUGEY.FR", Set.of(Role.PHARMACIST), Set.of(bugey.finessEj()), null)));
        declare(fleyriat, "cisplatine", "lomustine", "vincristine-ara");

        // when the Monday schedule fires and the run is sent
        Map<String, Object> r = fire("WeeklyDeclarationMorning", MONDAY_8);
        deliverKicks(SENDER);

        // then Bugey's PUI and its pharmacist (once, whatever the case) and Ajaccio are reminded
        assertEquals(3, n(r, "recipients").intValue(), r.toString());
        assertEquals(3, recipients().size());
        assertTrue(recipients().stream().anyMatch(a -> a.equalsIgnoreCase("pharmacie@ch-bugey.fr")));
    }

    @Test
    void the_afternoon_run_reaches_only_those_still_missing() {
        // given the morning run, after which CH Haut Bugey declared everything
        fire("WeeklyDeclarationMorning", MONDAY_8);
        deliverKicks(SENDER);
        declare(bugey, "cisplatine", "lomustine", "vincristine-ara");
        SES.clear();

        // when the 14:00 schedule fires
        Map<String, Object> afternoon = fire("WeeklyDeclarationAfternoon", "2026-11-23T13:00:00Z");
        deliverKicks(SENDER);

        // then only those who still have not declared are reminded again
        assertEquals(false, afternoon.get("duplicate"));
        assertEquals(2, n(afternoon, "recipients").intValue());
        assertEquals(List.of(FLEYRIAT, AJACCIO).stream().sorted().toList(), recipients().stream().sorted().toList());
    }

    @Test
    void a_run_whose_sender_stopped_halfway_is_resumed_without_losing_or_repeating_anyone() {
        // given 60 pharmacists at CH Haut Bugey: 63 recipients, 2 batches; the sender stops after its first call
        bugeyPharmacists(60);
        fire("WeeklyDeclarationMorning", MONDAY_8);
        MailingSender stopping = new MailingSender(bean(MailingStore.class),
                SENDER.getApplicationContext().getBean(BulkMailer.class), Clock.systemUTC(),
                SENDER.getApplicationContext().getBean(BusinessMetric.Counter.class));
        assertEquals(false, stopping.resume(MONDAY_RUN, Duration.ofMinutes(1), 1));
        assertEquals(50, recipients().size());

        // when the kick is delivered once the stopped sender's lease has expired
        Instant later = Instant.now().plus(MailingSender.LEASE).plusSeconds(1);
        try (MailingSenderHandler afterLease = sender(Map.of("dispostock.clock.fixed", later.toString()))) {
            deliverKicks(afterLease);
        }

        // then all 63 got it exactly once
        assertEquals(63, recipients().size());
        assertEquals(63, new HashSet<>(recipients()).size());
        assertEquals(63, bean(MailingStore.class).mailing(MONDAY_RUN).orElseThrow().sent());
    }

    @Test
    void a_batch_whose_sender_died_during_its_call_is_not_sent_again() {
        // given a run of 63 recipients whose first batch was claimed by a sender that died during its SES call
        bugeyPharmacists(60);
        fire("WeeklyDeclarationMorning", MONDAY_8);
        assertTrue(bean(MailingStore.class).claim(MONDAY_RUN, 0));

        // when the run is sent
        deliverKicks(SENDER);

        // then that batch is counted failed, never sent twice; the next one went out
        assertEquals(13, recipients().size());
        var run = bean(MailingStore.class).mailing(MONDAY_RUN).orElseThrow();
        assertEquals(13, run.sent());
        assertEquals(50, run.failed());
        assertEquals("SENT", run.status().name());
    }

    @Test
    void throttled_bulk_calls_are_retried_with_back_off_and_everyone_is_reached_once() {
        // given 63 recipients, and SES behind a stub that throttles the first 3 bulk calls
        bugeyPharmacists(60);
        fire("WeeklyDeclarationMorning", MONDAY_8);

        // when the run is sent through it
        try (ThrottlingSes throttling = new ThrottlingSes(SES, 3, 429, "ThrottlingException");
             MailingSenderHandler sender = sender(Map.of("dispostock.ses.endpoint", throttling.endpoint().toString()))) {
            deliverKicks(sender);
            assertEquals(5, throttling.bulkCalls());
        }

        // then after waiting, everyone got it once
        assertEquals(63, recipients().size());
        assertEquals(63, new HashSet<>(recipients()).size());
        assertEquals(63, bean(MailingStore.class).mailing(MONDAY_RUN).orElseThrow().sent());
    }

    @Test
    void a_run_logs_json_without_any_address_and_counts_its_mails_once_though_its_schedule_is_delivered_twice() {
        // given Ajaccio's address bounced on an earlier mail
        bean(MailingStore.class).suppress("PUI-2A0000022@dispostock.invalid", "bounce");

        try (CapturedOutput out = CapturedOutput.start()) {
            // when the Monday schedule fires, is delivered a second time, and the run is sent
            fire("WeeklyDeclarationMorning", MONDAY_8);
            fire("WeeklyDeclarationMorning", MONDAY_8);
            deliverKicks(SENDER);

            // then the run's records are JSON with their invocation's request id and cold-start flag, hold
            // no address (two were mailed, one left out), and the mails are counted once
            assertEquals(2, recipients().size());
            assertFalse(out.hasAnAddress(), out.text());
            Map<String, Object> runLog = out.logs().stream()
                    .filter(r -> String.valueOf(r.get("message")).contains("recipients in")).findFirst().orElseThrow();
            assertTrue(runLog.get("function_request_id") instanceof String, runLog.toString());
            assertTrue(runLog.get("cold_start") instanceof Boolean, runLog.toString());
            assertEquals(1, out.total("MailsSuppressed"));
            assertEquals("reminders", out.metric("MailsSuppressed").get(0).get("service"));
            assertEquals(2, out.total("MailsSent"));
        }
    }

    @Test
    void an_address_that_bounced_before_is_left_out_and_counted_suppressed() {
        // given Ajaccio's address bounced on an earlier mail
        bean(MailingStore.class).suppress("PUI-2A0000022@dispostock.invalid", "bounce");

        // when the Monday schedule fires and the run is sent
        Map<String, Object> r = fire("WeeklyDeclarationMorning", MONDAY_8);
        deliverKicks(SENDER);

        // then the two others are reminded, and the report says one was suppressed
        assertEquals(1, n(r, "suppressed").intValue());
        assertEquals(List.of(FLEYRIAT, BUGEY), recipients().stream().sorted().toList());
    }

    @Test
    void on_the_order_day_the_puis_that_have_ordered_are_left_alone_and_other_thursdays_send_nothing() {
        // given CH de Fleyriat ordered for the order day of Thursday 3 December
        StateStockStore stateStock = bean(StateStockStore.class);
        Instant placed = Instant.parse("2026-11-30T09:00:00Z");
        stateStock.create(new Order("ORD-1", Finess.parse("010000024"), Finess.parse("010780054"), fleyriat.region(),
                LocalDate.parse("2026-12-03"), OrderStatus.SUBMITTED, List.of(new Order.Line("TECOVIRIMAT-200", 42,
                false, null, null)), List.of(), List.of(), placed, 1), "test#key-0001", "fingerprint");

        // when the order-day schedule fires on 3 December, then on the next Thursday
        Map<String, Object> orderDay = fire("OrderDay", "2026-12-03T07:00:00Z");
        Map<String, Object> notOrderDay = fire("OrderDay", "2026-12-10T07:00:00Z");
        deliverKicks(SENDER);

        // then the two others are reminded, and nobody the next week (a run with no recipients, done)
        assertEquals(2, n(orderDay, "recipients").intValue(), orderDay.toString());
        assertEquals(List.of(BUGEY, AJACCIO).stream().sorted().toList(), recipients().stream().sorted().toList());
        assertTrue(SES.store().contains("jour de commande du stock État, 2026-12-03"), SES.store());
        assertEquals(0, n(notOrderDay, "recipients").intValue());
        assertEquals("SENT", notOrderDay.get("status"));
    }

    @Test
    void on_thursday_the_puis_that_have_not_declared_their_state_stock_lots_are_reminded() {
        // when the Thursday schedule fires with no lots declared anywhere
        Map<String, Object> r = fire("StateStockThursday", "2026-11-26T07:00:00Z");
        deliverKicks(SENDER);

        // then the three PUIs are reminded
        assertEquals(3, n(r, "recipients").intValue(), r.toString());
        assertEquals(3, recipients().size());
    }
}
