package fr.dispostock.domain.insight;

import fr.dispostock.domain.Departement;
import fr.dispostock.domain.Finess;
import fr.dispostock.domain.IsoWeek;
import fr.dispostock.domain.Region;
import fr.dispostock.domain.declaration.Declaration;
import fr.dispostock.domain.declaration.Line;
import fr.dispostock.domain.declaration.Revision;
import fr.dispostock.domain.statestock.LotDeclaration;
import fr.dispostock.domain.statestock.LotLine;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class IndicatorsTest {
    private static final Departement AIN = Departement.parse("01");
    private static final Region ARA = AIN.region();
    private static final Finess FLEYRIAT = Finess.parse("010000024");
    private static final Finess FLEYRIAT_EJ = Finess.parse("010780054");
    private static final IsoWeek W46 = IsoWeek.parse("2026-W46");
    private static final IsoWeek W47 = IsoWeek.parse("2026-W47");
    private static final IsoWeek W48 = IsoWeek.parse("2026-W48");

    private static Declaration declaration(boolean late, Line... lines) {
        return Declaration.first(FLEYRIAT, FLEYRIAT_EJ, ARA, AIN, W48,
                new Revision(Instant.parse("2026-11-23T08:00:00Z"), "ph", late, List.of(lines)));
    }

    private static Line line(String itemId, long stock) {
        return new Line(itemId, stock, BigDecimal.TEN);
    }

    private static ShortageRisk risk(String itemId, IsoWeek week, Double coverageDays, ShortageRisk.Horizon horizon) {
        return new ShortageRisk(FLEYRIAT, FLEYRIAT_EJ, ARA, AIN, itemId, week, 0, 1, 1, coverageDays, 0, 0, 0, 0, false,
                horizon, "");
    }

    @Test
    void a_weeks_counts_from_its_declarations_assessments_and_thursdays_lots() {
        // given 3 PUIs expected, 2 declarations (one late) of 3 lines, one at zero stock; coverages of 4.7 and 12.2
        // days and one consuming nothing; alerts within 7 and 28 days; Thursday's lots: 30 units expiring on
        // Wednesday 25 November (in the week), 20 the next week, 5 declared expired the week before
        List<Declaration> declarations = List.of(declaration(false, line("A", 0), line("B", 100)),
                declaration(true, line("A", 50)));
        List<ShortageRisk> risks = List.of(risk("A", W48, 4.7, ShortageRisk.Horizon.DAYS_7),
                risk("B", W48, 12.2, ShortageRisk.Horizon.DAYS_28), risk("C", W48, null, ShortageRisk.Horizon.NONE));
        List<LotDeclaration> lots = List.of(LotDeclaration.first(FLEYRIAT, FLEYRIAT_EJ, ARA, AIN,
                LocalDate.parse("2026-11-26"), new LotDeclaration.Revision(Instant.parse("2026-11-26T09:00:00Z"), "ph",
                        List.of(new LotLine("VAX", "L1", LocalDate.parse("2026-11-25"), 30, true),
                                new LotLine("VAX", "L2", LocalDate.parse("2026-12-02"), 20, false),
                                new LotLine("VAX", "L0", LocalDate.parse("2026-11-18"), 5, true)))));

        // when counted
        WeeklyIndicators w = WeeklyIndicators.of(ARA, W48, 3, declarations, risks, lots);

        // then
        assertEquals(new WeeklyIndicators(ARA, W48, 3, 2, 1, 3, 1, Map.of(4, 1, 12, 1), 1, 1, 2, 30), w);
    }

    @Test
    void an_alert_is_followed_by_a_stock_out_when_a_zero_stock_is_declared_within_its_horizon() {
        // given alerts raised in W46 within 7 days (item A, and item D without a history), 14 (B) and 28 days (C);
        // A declared at zero stock in W47, B never
        List<ShortageRisk> raised = List.of(risk("A", W46, 3.0, ShortageRisk.Horizon.DAYS_7),
                risk("B", W46, 10.0, ShortageRisk.Horizon.DAYS_14), risk("C", W46, 20.0, ShortageRisk.Horizon.DAYS_28),
                risk("D", W46, 2.0, ShortageRisk.Horizon.DAYS_7));
        Map<String, WeeklySeries> series = Map.of(
                "010000024#A", new WeeklySeries(new double[]{50, 0, 30}, new double[]{10, 10, 10}),
                "010000024#B", new WeeklySeries(new double[]{100, 40, 10}, new double[]{10, 10, 10}));

        // when the 14-day horizon has passed (W48)
        AlertOutcome o = AlertOutcome.of(ARA, W46, ShortageRisk.Horizon.DAYS_14, raised, series);

        // then A, B and D were within 14 days, A alone followed by a stock-out (C was within 28 only)
        assertEquals(new AlertOutcome(ARA, W46, 14, 3, 1), o);
    }

    @Test
    void a_period_adds_its_weeks_up_with_shares_median_and_measured_precision() {
        // given two weeks of region 84 and the outcomes of the first week's alerts
        List<WeeklyIndicators> weeks = List.of(
                new WeeklyIndicators(ARA, W47, 3, 2, 1, 3, 1, Map.of(4, 1, 12, 1), 1, 1, 2, 30),
                new WeeklyIndicators(ARA, W48, 3, 3, 0, 4, 0, Map.of(12, 1, 40, 2), 0, 0, 1, 0));
        List<AlertOutcome> outcomes = List.of(new AlertOutcome(ARA, W47, 7, 1, 1), new AlertOutcome(ARA, W47, 14, 1, 0),
                new AlertOutcome(ARA, W47, 28, 2, 1));

        // when added up
        Indicators i = Indicators.of(ARA, W47, W48, weeks, outcomes);

        // then 5 of 6 declarations, 1 of 5 late, 1 of 7 PUI × item weeks at zero stock; coverages 4, 12, 12, 40, 40:
        // median 12; precision 1/1 at 7 days, 0/1 at 14, 1/2 at 28 (3 raised, 2 evaluated); 30 units expired
        assertEquals(2, i.weeks());
        assertEquals(6, i.expectedDeclarations());
        assertEquals(5, i.declarations());
        assertEquals(5.0 / 6, i.completeness(), 1e-12);
        assertEquals(0.2, i.lateness(), 1e-12);
        assertEquals(1.0 / 7, i.zeroStockShare(), 1e-12);
        assertEquals(12, i.medianCoverageDays());
        assertEquals(List.of(new Indicators.Alerts(7, 1, 1, 1, 1.0), new Indicators.Alerts(14, 1, 1, 0, 0.0),
                new Indicators.Alerts(28, 3, 2, 1, 0.5)), i.alerts());
        assertEquals(30, i.expiredUnits());
    }

    @Test
    void nothing_counted_gives_no_shares_and_an_even_count_its_lower_middle_value() {
        // when a period without runs is added up, and the median of 4 and 12 days is taken
        Indicators none = Indicators.of(ARA, W47, W48, List.of(), List.of());

        // then no share is made up, and the median is 4
        assertNull(none.completeness());
        assertNull(none.medianCoverageDays());
        assertNull(none.alerts().get(0).precision());
        assertEquals(4, Indicators.median(Map.of(4, 1L, 12, 1L)));
    }
}
