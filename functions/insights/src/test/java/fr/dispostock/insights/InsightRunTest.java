package fr.dispostock.insights;

import fr.dispostock.domain.Cis;
import fr.dispostock.domain.Region;
import fr.dispostock.domain.Ucd;
import fr.dispostock.domain.insight.InsightReader;
import fr.dispostock.domain.insight.ShortageRisk;
import fr.dispostock.domain.register.Medicine;
import fr.dispostock.domain.register.Pui;
import fr.dispostock.domain.register.RegisterStore;
import fr.dispostock.domain.register.SupplyStatus;
import fr.dispostock.domain.register.SupplyStatusStore;
import fr.dispostock.domain.statestock.Order;
import fr.dispostock.domain.statestock.StateStockStore;
import fr.dispostock.embedded.DynamoDbLocalExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static fr.dispostock.insights.InsightsFunction.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(DynamoDbLocalExtension.class)
class InsightRunTest {

    @Test
    void the_monday_run_assesses_each_declared_pui_item_and_a_second_delivery_computes_nothing_again() {
        // given CH de Fleyriat's last three Mondays of an item, at 120 units and 30 a day this week
        List<Pui> puis = puis();
        declare(puis.get(0), "ITEM-A", WEEK, 400, 30, 260, 30, 120, 30);

        // when the Monday schedule fires, then fires again (a retried delivery)
        Map<String, Object> first = fire("AfterWeeklyDeclarations", MONDAY_RUN);
        Map<String, Object> again = fire("AfterWeeklyDeclarations", MONDAY_RUN);

        // then one PUI × item assessed, at risk within 7 days, and the retry found the run done
        assertEquals(Map.of("scheduledFor", MONDAY_RUN, "week", "2026-W48", "status", "DONE", "assessed", 1,
                "alerts", 1, "duplicate", false), first);
        assertEquals(true, again.get("duplicate"), again.toString());
        List<ShortageRisk> risks = RUN.getApplicationContext().getBean(InsightReader.class)
                .risks(Region.parse("84"), WEEK);
        assertEquals(1, risks.size(), risks.toString());
        assertEquals(ShortageRisk.Horizon.DAYS_7, risks.get(0).horizon());
        assertTrue(risks.get(0).reason().startsWith("stock 120,"), risks.get(0).reason());
    }

    @Test
    void a_shortage_declared_by_the_agency_for_the_items_cis_raises_twenty_days_of_stock_to_a_risk_within_28_days() {
        // given Ajaccio's item at 600 units and 30/day (20 days), linked to a CIS the agency declared in
        // tension on 12 May 2025
        List<Pui> puis = puis();
        Cis cis = Cis.parse("60002283");
        RUN.getApplicationContext().getBean(RegisterStore.class).save(null, new Medicine("ITEM-A", "Item A",
                List.of(Ucd.parse("9009994")), List.of(cis), new Medicine.Priority(Medicine.Level.NATIONAL, List.of()),
                LocalDate.parse("2025-01-06"), null, 0), "fixture");
        RUN.getApplicationContext().getBean(SupplyStatusStore.class).writeSupplyStatuses(Map.of(cis, List.of(
                new SupplyStatus(cis, null, SupplyStatus.Kind.TENSION, LocalDate.parse("2025-05-12"),
                        LocalDate.parse("2025-05-12"), null, "https://ansm.sante.fr"))), List.of());
        declare(puis.get(1), "ITEM-A", WEEK, 600, 30, 600, 30);

        // when the Monday run is made
        fire("AfterWeeklyDeclarations", MONDAY_RUN);

        // then the alert is within 28 days and says why
        ShortageRisk r = RUN.getApplicationContext().getBean(InsightReader.class).risks(Region.parse("94"), WEEK).get(0);
        assertEquals(ShortageRisk.Horizon.DAYS_28, r.horizon());
        assertEquals("stock 600, adjusted consumption 30/day → 20 days; tension d'approvisionnement declared on"
                + " 12/05/2025; no order under way", r.reason());
    }

    @Test
    void the_puis_state_stock_order_refused_raises_twenty_days_of_stock_to_a_risk_within_28_days() {
        // given Ajaccio's item at 600 units and 30/day (20 days), its State-stock order of it refused by the ARS on
        // the order day of 5 November
        List<Pui> puis = puis();
        Pui ajaccio = puis.get(1);
        Order placed = Order.placed("order-1", ajaccio.finessEt(), ajaccio.finessEj(), ajaccio.region(),
                List.of(new Order.Line("ITEM-A", 300, false, null, null)), Instant.parse("2026-11-05T08:00:00Z"), "ph");
        StateStockStore orders = API.context().getBean(StateStockStore.class);
        orders.create(placed, "key-1", "fingerprint-1");
        orders.update(placed.reviewed(List.of(new Order.Line("ITEM-A", 300, false, 0L, "stock kept for the region")),
                Instant.parse("2026-11-05T16:00:00Z"), "ars"), placed.version());
        declare(ajaccio, "ITEM-A", WEEK, 600, 30, 600, 30);

        // when the Monday run is made
        fire("AfterWeeklyDeclarations", MONDAY_RUN);

        // then the alert is within 28 days and names the refusal
        ShortageRisk r = RUN.getApplicationContext().getBean(InsightReader.class).risks(Region.parse("94"), WEEK).get(0);
        assertEquals(ShortageRisk.Horizon.DAYS_28, r.horizon());
        assertEquals("stock 600, adjusted consumption 30/day → 20 days; State-stock order refused on 05/11/2026;"
                + " no order under way", r.reason());
    }

    @Test
    void the_thursday_run_is_another_run_of_the_same_week() {
        // given a Monday run done
        List<Pui> puis = puis();
        declare(puis.get(1), "ITEM-A", WEEK, 900, 10);
        fire("AfterWeeklyDeclarations", MONDAY_RUN);

        // when Thursday's schedule fires (18:00 in Paris, 17:00 UTC)
        Map<String, Object> thursday = fire("AfterStateStockLots", "2026-11-26T17:00:00Z");

        // then it is computed, for the same week, and finds Ajaccio's item covered for 90 days (no alert)
        assertEquals(false, thursday.get("duplicate"), thursday.toString());
        assertEquals("2026-W48", thursday.get("week"));
        assertEquals(1, thursday.get("assessed"));
        assertEquals(0, thursday.get("alerts"));
    }
}
