package fr.dispostock.insights;

import fr.dispostock.domain.register.Pui;
import fr.dispostock.domain.register.RegisterStore;
import fr.dispostock.domain.statestock.LotDeclaration;
import fr.dispostock.domain.statestock.LotLine;
import fr.dispostock.domain.statestock.Order;
import fr.dispostock.domain.statestock.StateStockStore;
import fr.dispostock.embedded.DynamoDbLocalExtension;
import fr.dispostock.embedded.HttpApiHarness.Response;
import fr.dispostock.embedded.RegisterFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static fr.dispostock.insights.InsightsFunction.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Help between PUIs and the State stock's expiry risk as the authorities read them, on five real FINESS
 * sites (coordinates of the 2021-01 extract): CH de Fleyriat (Viriat), Pont-de-Vaux, Thoissey and Belley
 * in Ain (region 84), Ajaccio in Corse-du-Sud (94). Distances by hand in HelpBetweenPuisTest.
 */
@ExtendWith(DynamoDbLocalExtension.class)
class HelpRoutesTest {
    static final String PONT_DE_VAUX = "010000107";
    static final String THOISSEY = "010000131";
    static final String BELLEY = "010000032";
    /** The Thursday before the Monday run (the clock): the lots' default day. */
    static final LocalDate THURSDAY = LocalDate.of(2026, 11, 19);
    Pui fleyriat;
    Pui pontDeVaux;
    Pui thoissey;
    Pui belley;
    Pui ajaccio;

    @BeforeEach
    void fivePuisWithTheirCoordinates() {
        // given the five PUIs where FINESS puts them, and their declarations of the week:
        //   ITEM-A, with 14 days of safety: Fleyriat 20 at 10/day (lacks 140 - 20 = 120), Thoissey 300 at 10 (can
        //   lend 160), Pont-de-Vaux 150 at 10 (10), Belley 100 at 10 (none), Ajaccio 1,000 at 10 (860)
        for (String table : List.of("RegistersTable", "DeclarationsTable", "StateStockTable", "InsightsTable")) {
            DynamoDbLocalExtension.dynamoDb().deleteAllItems(table);
        }
        RegisterStore registers = API.context().getBean(RegisterStore.class);
        fleyriat = RegisterFixtures.pui(registers, FLEYRIAT_ET, FLEYRIAT_EJ, "CH DE FLEYRIAT", "01", 46.222745, 5.208596);
        pontDeVaux = RegisterFixtures.pui(registers, PONT_DE_VAUX, "010780138", "CH DE PONT DE VAUX", "01", 46.432669, 4.946831);
        thoissey = RegisterFixtures.pui(registers, THOISSEY, "010009132", "CHI AIN VAL DE SAONE", "01", 46.172268, 4.804189);
        belley = RegisterFixtures.pui(registers, BELLEY, "010780062", "CH HAUT BUGEY", "01", 45.751495, 5.68054);
        ajaccio = RegisterFixtures.pui(registers, AJACCIO_ET, AJACCIO_EJ, "CH ND LA MISERICORDE", "2A", 41.922993, 8.735141);
        declare(fleyriat, "ITEM-A", WEEK, 20, 10);
        declare(thoissey, "ITEM-A", WEEK, 300, 10);
        declare(pontDeVaux, "ITEM-A", WEEK, 150, 10);
        declare(belley, "ITEM-A", WEEK, 100, 10);
        declare(ajaccio, "ITEM-A", WEEK, 1000, 10);
        fire("AfterWeeklyDeclarations", MONDAY_RUN);
    }

    @Test
    void the_ars_is_proposed_the_nearest_puis_of_its_region_that_stay_covered_then_another_regions() {
        // when the ARS of Auvergne-Rhône-Alpes asks who could help Fleyriat with ITEM-A
        Response r = API.call("GET", "/v1/puis/" + FLEYRIAT_ET + "/insights/lenders?itemId=ITEM-A",
                ACCOUNTS.get("ARS-own"), null);

        // then it lacks 120 units; Pont-de-Vaux (30.8 km, its 10 spare), Thoissey (31.6 km, the 120), then, the
        //   region having fewer than 5 lenders, Ajaccio (554.8 km, another region); Belley has nothing to spare
        assertEquals(200, r.status(), r.body());
        assertEquals(120, ((Number) r.object().get("need")).intValue(), r.body());
        assertEquals(14, r.object().get("safetyDays"));
        List<Map<?, ?>> lenders = maps(r.object().get("lenders"));
        assertEquals(List.of(PONT_DE_VAUX, THOISSEY, AJACCIO_ET), lenders.stream().map(l -> l.get("finessEt")).toList());
        assertEquals(List.of(10, 120, 120), lenders.stream().map(l -> ((Number) l.get("proposed")).intValue()).toList());
        assertEquals(List.of(30.8, 31.6, 554.8), lenders.stream().map(l -> ((Number) l.get("km")).doubleValue()).toList());
        assertEquals(List.of(true, true, false), lenders.stream().map(l -> l.get("sameRegion")).toList());
        assertEquals("CH DE PONT DE VAUX", lenders.get(0).get("name"));
        assertEquals(10, ((Number) lenders.get(0).get("spare")).intValue());
        assertTrue(((String) r.object().get("reason")).startsWith("lacks 120 units to cover 14 days at 10/day"),
                r.object().get("reason").toString());
    }

    @Test
    void only_the_authorities_of_the_puis_region_and_the_nation_are_proposed_lenders() {
        // when each account asks who could help Fleyriat
        Map<String, Integer> statuses = new java.util.TreeMap<>();
        for (String account : List.of("NATIONAL", "ARS-own", "OMEDIT-own", "ARS-other", "PHARMACIST-own", "CLIENT-own",
                "SUPPLIER")) {
            statuses.put(account, API.call("GET", "/v1/puis/" + FLEYRIAT_ET + "/insights/lenders?itemId=ITEM-A",
                    ACCOUNTS.get(account), null).status());
        }

        // then the nation and the region's ARS and OMEDIT read them; another region, the PUI itself, its software
        //   and the supplier are refused
        assertEquals(Map.of("NATIONAL", 200, "ARS-own", 200, "OMEDIT-own", 200, "ARS-other", 403,
                "PHARMACIST-own", 403, "CLIENT-own", 403, "SUPPLIER", 403), statuses);
    }

    @Test
    void bad_parameters_are_named_and_an_item_the_pui_did_not_declare_is_not_found() {
        // when the item is missing and the week malformed, then the item is one Fleyriat did not declare
        Response bad = API.call("GET", "/v1/puis/" + FLEYRIAT_ET + "/insights/lenders?week=2026-48",
                ACCOUNTS.get("NATIONAL"), null);
        Response unknown = API.call("GET", "/v1/puis/" + FLEYRIAT_ET + "/insights/lenders?itemId=ITEM-Z",
                ACCOUNTS.get("NATIONAL"), null);

        // then 422 naming both, and 404 saying why
        assertEquals(422, bad.status(), bad.body());
        assertTrue(bad.body().contains("itemId") && bad.body().contains("week"), bad.body());
        assertEquals(404, unknown.status(), unknown.body());
        assertTrue(unknown.body().contains("ITEM-Z"), unknown.body());
    }

    @Test
    void lots_used_first_expiry_first_out_at_each_puis_declared_use_leave_units_to_expire_and_the_puis_nearby_that_would_use_them() {
        // given Fleyriat's MVABN lots declining Thursday after Thursday, lot B shipped to it on 13 November:
        //   5 November: OLD 40 (expiring 18 November), A 240, C 200 = 480; 12 November: OLD 40, A 170, C 200 = 410;
        //   19 November: OLD 40 now expired, A 100, C 200, B 300 = 640; by hand 5→12: 480 - 410 = 70,
        //   12→19: 410 + 300 - 640 = 70: 140 units in 14 days, 10/day
        //   its lots of 19 November out of order: B 300 expiring 19 December (30 days), A 100 on 29 November
        //   (10 days), C 200 on 9 December (20 days); at 10/day by hand: A 100 used; C 100 used, 100 expire;
        //   B 100 used, 200 expire
        lots(fleyriat, THURSDAY.minusWeeks(2), new LotLine("MVABN", "OLD", THURSDAY.minusDays(1), 40, false),
                new LotLine("MVABN", "A", THURSDAY.plusDays(10), 240, false),
                new LotLine("MVABN", "C", THURSDAY.plusDays(20), 200, false));
        lots(fleyriat, THURSDAY.minusWeeks(1), new LotLine("MVABN", "OLD", THURSDAY.minusDays(1), 40, false),
                new LotLine("MVABN", "A", THURSDAY.plusDays(10), 170, false),
                new LotLine("MVABN", "C", THURSDAY.plusDays(20), 200, false));
        shipped(fleyriat, THURSDAY.minusDays(6), new Order.ShippedLot("MVABN", "B", THURSDAY.plusDays(30), 300));
        lots(fleyriat, THURSDAY, new LotLine("MVABN", "B", THURSDAY.plusDays(30), 300, false),
                new LotLine("MVABN", "A", THURSDAY.plusDays(10), 100, false),
                new LotLine("MVABN", "C", THURSDAY.plusDays(20), 200, false),
                new LotLine("MVABN", "OLD", THURSDAY.minusDays(1), 40, true));
        //   its neighbours' own lots, declining a week: Pont-de-Vaux 220 → 150 (10/day), its lot expiring in 2030
        //   all used in time; Thoissey 205 → 100 (15/day); Belley 170 → 100 (10/day)
        for (Pui pui : List.of(pontDeVaux, thoissey, belley)) {
            long before = pui == thoissey ? 205 : pui == pontDeVaux ? 220 : 170;
            long now = pui == pontDeVaux ? 150 : 100;
            LocalDate expiry = LocalDate.of(2030, 6, 30);
            lots(pui, THURSDAY.minusWeeks(1), new LotLine("MVABN", "E" + pui.finessEt().value(), expiry, before, false));
            lots(pui, THURSDAY, new LotLine("MVABN", "E" + pui.finessEt().value(), expiry, now, false));
        }
        //   Ajaccio's 50 of lot D expiring 24 November, its first declaration: its use is unknown, not zero
        lots(ajaccio, THURSDAY, new LotLine("MVABN", "D", THURSDAY.plusDays(5), 50, false));

        // when the national operator and the ARS of Auvergne-Rhône-Alpes read the expiry risk
        Response nation = API.call("GET", "/v1/insights/expiry", ACCOUNTS.get("NATIONAL"), null);
        Response ars = API.call("GET", "/v1/insights/expiry", ACCOUNTS.get("ARS-own"), null);

        // then the nation: 600 + 150 + 100 + 100 + 50 = 1,000 units, 300 to expire, Ajaccio's 50 of unknown use;
        //   by region 84 (950/300/0) and 94 (50/0/50); Fleyriat first, Ajaccio for its unknown use, Pont-de-Vaux
        //   (all used by 2030) not listed
        assertEquals(200, nation.status(), nation.body());
        assertEquals("2026-11-19", nation.object().get("date"));
        assertEquals("2026-W47", nation.object().get("week"));
        assertEquals(List.of(1000, 300, 50), List.of(((Number) nation.object().get("units")).intValue(),
                ((Number) nation.object().get("expiring")).intValue(), ((Number) nation.object().get("unknownUse")).intValue()));
        assertEquals(List.of("84:950:300:0", "94:50:0:50"), maps(nation.object().get("regions")).stream()
                .map(x -> x.get("region") + ":" + x.get("units") + ":" + x.get("expiring") + ":" + x.get("unknownUse")).toList());
        assertEquals(List.of(FLEYRIAT_ET, AJACCIO_ET), maps(nation.object().get("puis")).stream()
                .map(x -> x.get("finessEt")).toList());
        Map<?, ?> d = maps(maps(nation.object().get("puis")).get(1).get("lots")).get(0);
        assertEquals(Arrays.asList("D", null, 0, 0), Arrays.asList(d.get("lot"), d.get("dailyUse"), d.get("used"),
                d.get("expiring")), d.toString());
        // and the ARS its region only; lot C's 100 expiring units would be used in its 20 days by Pont-de-Vaux
        //   (30.8 km: 20 × 10 - 150 = 50), Thoissey (31.6 km: 20 × 15 - 100 = 200, capped at 100), Belley (63.8 km: 100)
        assertEquals(200, ars.status(), ars.body());
        assertEquals(300, ((Number) ars.object().get("expiring")).intValue());
        Map<?, ?> pui = maps(ars.object().get("puis")).get(0);
        assertEquals(List.of("A:10.0:100:0", "C:10.0:100:100", "B:10.0:100:200"), maps(pui.get("lots")).stream()
                .map(l -> l.get("lot") + ":" + l.get("dailyUse") + ":" + l.get("used") + ":" + l.get("expiring")).toList());
        Map<?, ?> c = maps(pui.get("lots")).get(1);
        assertEquals(List.of(PONT_DE_VAUX + ":30.8:50", THOISSEY + ":31.6:100", BELLEY + ":63.8:100"),
                maps(c.get("takers")).stream().map(t -> t.get("finessEt") + ":" + t.get("km") + ":" + t.get("couldUse"))
                        .toList());
    }

    @Test
    void the_expiry_risk_is_scoped_like_the_risks_and_its_parameters_checked() {
        // when another region is asked by the ARS, a pharmacist asks, and a Friday is given with a bad region
        Response corsica = API.call("GET", "/v1/insights/expiry?region=94", ACCOUNTS.get("ARS-own"), null);
        Response pharmacist = API.call("GET", "/v1/insights/expiry", ACCOUNTS.get("PHARMACIST-own"), null);
        Response client = API.call("GET", "/v1/insights/expiry", ACCOUNTS.get("CLIENT-own"), null);
        Response bad = API.call("GET", "/v1/insights/expiry?date=2026-11-20&region=99", ACCOUNTS.get("NATIONAL"), null);

        // then 403 three times, and 422 naming both parameters, the date as the lots' declaration names it
        assertEquals(List.of(403, 403, 403), List.of(corsica.status(), pharmacist.status(), client.status()));
        assertEquals(422, bad.status(), bad.body());
        List<Map<?, ?>> errors = maps(bad.object().get("errors"));
        assertEquals(List.of("date", "region"), errors.stream().map(e -> e.get("pointer")).sorted().toList(), bad.body());
        assertEquals(List.of("2026-11-20 is a friday; State-stock lots are declared for a Thursday"), errors.stream()
                .filter(e -> e.get("pointer").equals("date")).map(e -> e.get("message")).toList());
    }

    private static void lots(Pui pui, LocalDate thursday, LotLine... lines) {
        API.context().getBean(StateStockStore.class).save(null, LotDeclaration.first(pui.finessEt(), pui.finessEj(),
                pui.region(), pui.departement(), thursday, new LotDeclaration.Revision(
                        thursday.atTime(10, 0).toInstant(ZoneOffset.UTC), "fixture", List.of(lines))));
    }

    /** An order of the lot's product, approved and shipped to the PUI that day. */
    private static void shipped(Pui pui, LocalDate on, Order.ShippedLot lot) {
        Instant at = on.atTime(10, 0).toInstant(ZoneOffset.UTC);
        Order order = Order.placed("order-" + pui.finessEt().value(), pui.finessEt(), pui.finessEj(), pui.region(),
                        List.of(new Order.Line(lot.productCode(), lot.quantity(), false, null, null)), at.minusSeconds(86_400), "fixture")
                .reviewed(List.of(new Order.Line(lot.productCode(), lot.quantity(), false, lot.quantity(), null)), at, "ars")
                .shipped(new Order.Shipment(on, "900 route de Paris, 01000 Bourg-en-Bresse", List.of(lot)), at, "spf");
        API.context().getBean(StateStockStore.class).create(order, "fixture-" + order.orderId(), "fixture");
    }

    private static List<Map<?, ?>> maps(Object list) {
        return ((List<?>) list).stream().<Map<?, ?>>map(x -> (Map<?, ?>) x).toList();
    }
}
