package fr.dispostock.domain.help;

import fr.dispostock.domain.Finess;
import fr.dispostock.domain.Region;
import fr.dispostock.domain.help.ExpiryRisk.Lot;
import fr.dispostock.domain.help.ExpiryRisk.LotOutcome;
import fr.dispostock.domain.help.Lending.Holding;
import fr.dispostock.domain.help.Lending.Lender;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HelpBetweenPuisTest {
    // WGS84 coordinates of the FINESS extract of 2021-01 (../shared/data/finess)
    static final Place FLEYRIAT = new Place(46.222745, 5.208596);      // CH de Fleyriat, Viriat (Ain), 010000024
    static final Place PONT_DE_VAUX = new Place(46.432669, 4.946831);  // CH de Pont-de-Vaux (Ain), 010000107
    static final Place THOISSEY = new Place(46.172268, 4.804189);      // CHI Ain Val de Saône, Thoissey (Ain), 010000131
    static final Place BELLEY = new Place(45.751495, 5.68054);         // CH Haut Bugey, Belley (Ain), 010000032
    static final Place AJACCIO = new Place(41.922993, 8.735141);       // CH Notre-Dame de la Miséricorde, Ajaccio, 2A0000022

    @Test
    void distances_between_real_finess_sites_are_the_great_circle_ones() {
        // given the sites' coordinates; by hand (haversine, R = 6,371 km): Viriat to Pont-de-Vaux
        //   Δφ = 0.209924°, Δλ = -0.261765° at φ ≈ 46.3°: √((0.209924 × 111.19)² + (0.261765 × 111.19 × cos 46.33°)²)
        //   ≈ √(23.342² + 20.107²) ≈ 30.8 km; to Ajaccio, across the sea, about 555 km
        // when the distances are computed
        // then they are those, to 100 m, and the same both ways
        assertEquals(30.80, FLEYRIAT.kmTo(PONT_DE_VAUX), 0.1);
        assertEquals(31.63, FLEYRIAT.kmTo(THOISSEY), 0.1);
        assertEquals(63.84, FLEYRIAT.kmTo(BELLEY), 0.1);
        assertEquals(554.80, FLEYRIAT.kmTo(AJACCIO), 0.1);
        assertEquals(FLEYRIAT.kmTo(AJACCIO), AJACCIO.kmTo(FLEYRIAT), 1e-9);
    }

    static Holding holding(String finessEt, String region, Place place, long stock, double dailyUse) {
        return new Holding(Finess.parse(finessEt), Region.parse(region), place, stock, dailyUse);
    }

    @Test
    void the_nearest_puis_of_the_region_that_stay_covered_are_proposed_first_with_what_they_can_lend() {
        // given Fleyriat lacking 100 units; with 14 days of safety: Thoissey holds 300 and uses 10 a day (can lend
        //   300 - 140 = 160), Pont-de-Vaux 150 using 10 (10), Belley 100 using 10 (none: below its 140),
        //   Ajaccio, of another region, 1,000 using 10 (860)
        Holding atRisk = holding("010000024", "84", FLEYRIAT, 20, 10);
        List<Holding> others = List.of(holding("2A0000022", "94", AJACCIO, 1000, 10),
                holding("010000032", "84", BELLEY, 100, 10), holding("010000107", "84", PONT_DE_VAUX, 150, 10),
                holding("010000131", "84", THOISSEY, 300, 10));

        // when lenders are looked for
        List<Lender> lenders = Lending.lenders(atRisk, 100, others, 14, 5);

        // then Pont-de-Vaux (30.8 km, 10 units), Thoissey (31.6 km, the 100 needed), then Ajaccio (other region)
        assertEquals(List.of("010000107", "010000131", "2A0000022"),
                lenders.stream().map(l -> l.holding().finessEt().value()).toList());
        assertEquals(List.of(10L, 100L, 100L), lenders.stream().map(Lender::proposed).toList());
        assertEquals(List.of(true, true, false), lenders.stream().map(Lender::sameRegion).toList());
    }

    @Test
    void a_pui_needs_what_its_stock_and_the_units_under_way_lack_to_cover_its_safety_days() {
        // given by hand, 14 days at 30.5 a day = 427 units: stock 120 and 100 under way lack 207;
        //   stock 500 lacks nothing
        // when the needs are computed, then they are those, and never below zero
        assertEquals(207, Lending.need(120, 100, 30.5, 14));
        assertEquals(0, Lending.need(500, 0, 30.5, 14));
    }

    @Test
    void three_lots_used_first_expiry_first_out_leave_the_units_that_will_expire_unused() {
        // given on 3 December 2026 a PUI using 10 doses a day and three lots, given out of order:
        //   B 300 expiring 2 January (30 days), A 100 expiring 13 December (10 days), C 200 expiring 23 December (20 days)
        //   by hand: A first, days 0-10: 100 used; C from day 10 to its expiry on day 20: 100 used, 100 expire;
        //   B from day 20 to day 30: 100 used, 200 expire. 300 of 600 expire unused.
        LocalDate today = LocalDate.of(2026, 12, 3);
        List<Lot> lots = List.of(new Lot("B", LocalDate.of(2027, 1, 2), 300), new Lot("A", LocalDate.of(2026, 12, 13), 100),
                new Lot("C", LocalDate.of(2026, 12, 23), 200));

        // when the lots are stacked against the consumption
        List<LotOutcome> outcomes = ExpiryRisk.fefo(lots, 10, today);

        // then each lot's use and waste is that
        assertEquals(List.of("A:100:0", "C:100:100", "B:100:200"), outcomes.stream()
                .map(o -> o.lot().lot() + ":" + o.used() + ":" + o.expiring()).toList());
        assertEquals(300, ExpiryRisk.expiring(lots, 10, today));
        // and a PUI nearby using 15 a day and holding 100 would use 200 of lot C (20 days × 15 - 100) before it expires
        assertEquals(200, ExpiryRisk.couldUseBefore(LocalDate.of(2026, 12, 23), today, 100, 15));
    }

    @Test
    void a_pui_that_uses_nothing_keeps_every_unit_until_it_expires() {
        // when nothing is used, then every unit of every lot expires
        assertEquals(150, ExpiryRisk.expiring(List.of(new Lot("X", LocalDate.of(2027, 6, 1), 100),
                new Lot("Y", LocalDate.of(2027, 1, 1), 50)), 0, LocalDate.of(2026, 12, 3)));
    }
}
