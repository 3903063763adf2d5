package fr.dispostock.insights;

import fr.dispostock.domain.Dates;
import fr.dispostock.domain.Finess;
import fr.dispostock.domain.IsoWeek;
import fr.dispostock.domain.Region;
import fr.dispostock.domain.declaration.Declaration;
import fr.dispostock.domain.declaration.DeclarationReader;
import fr.dispostock.domain.declaration.Line;
import fr.dispostock.domain.insight.AgencyTensions;
import fr.dispostock.domain.insight.AlertOutcome;
import fr.dispostock.domain.insight.InsightRun;
import fr.dispostock.domain.insight.InsightStore;
import fr.dispostock.domain.insight.PuiItem;
import fr.dispostock.domain.insight.RefusedOrders;
import fr.dispostock.domain.insight.ShortageAssessor;
import fr.dispostock.domain.insight.ShortageRisk;
import fr.dispostock.domain.insight.SupplyTension;
import fr.dispostock.domain.insight.TerritorialDisparities;
import fr.dispostock.domain.insight.WeeklyIndicators;
import fr.dispostock.domain.insight.WeeklySeries;
import fr.dispostock.domain.register.Medicine;
import fr.dispostock.domain.register.RegisterReader;
import fr.dispostock.domain.register.SupplyStatusReader;
import fr.dispostock.domain.statestock.Order;
import fr.dispostock.domain.statestock.OrderStatus;
import fr.dispostock.domain.statestock.StateStockReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A run of the insights, after the Monday declarations and after Thursday's lots: every PUI × item
 * declared in the week, assessed from its declaration history and the State-stock orders under way,
 * the coverage of every area (territorial disparities), each region's indicators of the week and the
 * outcome of the alerts whose horizon ended, written to the InsightsTable. A run is the instant its schedule fired: a second delivery finds it
 * done and computes nothing; one that finds it left computing (the first died) finishes it, writing
 * the same figures under the same keys. Not a bean: its handler makes it, so that the routes' function,
 * built from the same jar, reaches no table only the run reads (TableUseTest).
 */
public class InsightRunService {
    private static final Logger LOG = LoggerFactory.getLogger(InsightRunService.class);
    /** Weeks of history read for each PUI × item: two years, for the seasonal index (Forecast). */
    static final int HISTORY_WEEKS = 104;
    /** The horizons whose alerts' outcome each run records, for the alerts raised that many days before. */
    private static final List<ShortageRisk.Horizon> OUTCOMES = List.of(ShortageRisk.Horizon.DAYS_7,
            ShortageRisk.Horizon.DAYS_14, ShortageRisk.Horizon.DAYS_28);
    private final DeclarationReader declarations;
    private final StateStockReader stateStock;
    private final InsightStore insights;
    private final Clock clock;
    private final RegisterReader registers;
    private final SupplyStatusReader statuses;
    private final ShortageAssessor assessor = new ShortageAssessor();

    /**
     * @param registers the tracked items and their CIS codes
     * @param statuses  the medicines agency's shortage statuses of those codes (the supply tensions)
     */
    public InsightRunService(DeclarationReader declarations, StateStockReader stateStock, InsightStore insights,
                             Clock clock, RegisterReader registers, SupplyStatusReader statuses) {
        this.declarations = declarations;
        this.stateStock = stateStock;
        this.insights = insights;
        this.clock = clock;
        this.registers = registers;
        this.statuses = statuses;
    }

    /** The run, and whether an earlier delivery of its schedule had done it already. */
    public record Outcome(InsightRun run, boolean duplicate) {
    }

    public Outcome run(Instant scheduledFor) {
        LocalDate day = LocalDate.ofInstant(scheduledFor, Dates.PARIS);
        IsoWeek week = IsoWeek.of(day);
        InsightRun run = new InsightRun(scheduledFor, week, clock.instant(), InsightRun.Status.COMPUTING, 0, 0);
        if (!insights.start(run)) {
            InsightRun made = insights.run(scheduledFor).orElseThrow();
            if (made.status() == InsightRun.Status.DONE) {
                LOG.info("insights run {}: done already, nothing computed again", scheduledFor);
                return new Outcome(made, true);
            }
            run = made;
        }
        List<Medicine> medicines = registers.medicines();
        SupplyTension tensions = AgencyTensions.of(medicines, statuses.supplyStatuses(AgencyTensions.codes(medicines)),
                day);
        int assessed = 0;
        int alerts = 0;
        TerritorialDisparities disparities = new TerritorialDisparities();
        for (Region region : Region.all()) {
            RegionWeek regionWeek = assess(region, week, day, tensions);
            List<ShortageRisk> risks = regionWeek.risks();
            insights.saveRisks(risks);
            insights.saveIndicators(regionWeek.indicators(), regionWeek.outcomes());
            risks.forEach(disparities::add);
            assessed += risks.size();
            alerts += (int) risks.stream().filter(ShortageRisk::alert).count();
        }
        insights.saveCoverages(disparities.areas(week));
        InsightRun done = run.done(assessed, alerts);
        insights.finish(done);
        LOG.info("insights run {} ({}): {} PUI × items assessed, {} alerts", scheduledFor, week, assessed, alerts);
        return new Outcome(done, false);
    }

    /** A region's week: its assessments, its indicators' counts and the outcomes of its alerts seen this week. */
    private record RegionWeek(List<ShortageRisk> risks, WeeklyIndicators indicators, List<AlertOutcome> outcomes) {
    }

    /**
     * Every PUI × item the region declared in the week, with its history of HISTORY_WEEKS weeks; the
     * week's indicators; and the outcome of the alerts whose horizon ends this week (raised 1, 2 and 4
     * weeks ago: their PUI × items' histories are read too).
     */
    private RegionWeek assess(Region region, IsoWeek week, LocalDate day, SupplyTension tensions) {
        List<Declaration> current = declarations.ofRegion(region, week);
        Map<ShortageRisk.Horizon, List<ShortageRisk>> raised = new EnumMap<>(ShortageRisk.Horizon.class);
        for (ShortageRisk.Horizon h : OUTCOMES) {
            raised.put(h, insights.risks(region, week.minusWeeks(h.days() / 7)).stream()
                    .filter(r -> r.horizon().within(h)).toList());
        }
        Map<String, double[][]> series = new HashMap<>();
        for (Declaration d : current) {
            for (Line l : d.lines()) {
                series.put(key(d.finessEt(), l.itemId()), empty());
            }
        }
        raised.values().forEach(alerts -> alerts.forEach(r -> series.computeIfAbsent(key(r.finessEt(), r.itemId()),
                k -> empty())));
        for (Declaration d : current) {
            record(series, HISTORY_WEEKS - 1, d.finessEt(), d.lines());
        }
        if (!series.isEmpty()) {
            // the earlier weeks' lines only: each fills its own column of the series (read one after the
            // other: four at once gained nothing measurable on DynamoDB Local, and calls made on a pool's
            // threads would not be traced to this function by IamTest's recorder)
            for (int back = 1; back < HISTORY_WEEKS; back++) {
                int index = HISTORY_WEEKS - 1 - back;
                declarations.linesOfRegion(region, week.minusWeeks(back))
                        .forEach(d -> record(series, index, d.finessEt(), d.lines()));
            }
        }
        Map<String, WeeklySeries> histories = new HashMap<>();
        series.forEach((k, s) -> histories.put(k, new WeeklySeries(s[0], s[1])));
        List<Order> orders = stateStock.ordersOfRegion(region);
        Map<String, Long> incoming = incoming(orders);
        RefusedOrders refused = RefusedOrders.of(orders, day);
        List<ShortageRisk> risks = new ArrayList<>();
        for (Declaration d : current) {
            for (Line l : d.lines()) {
                String k = key(d.finessEt(), l.itemId());
                risks.add(assessor.assess(new PuiItem(d.finessEt(), d.finessEj(), d.region(), d.departement(), l.itemId(),
                        week), histories.get(k), incoming.getOrDefault(k, 0L), SupplyTension.latest(
                        tensions.of(l.itemId()), refused.of(d.finessEt().value(), l.itemId()))));
            }
        }
        List<AlertOutcome> outcomes = raised.entrySet().stream().map(e -> AlertOutcome.of(region,
                week.minusWeeks(e.getKey().days() / 7), e.getKey(), e.getValue(), histories)).toList();
        WeeklyIndicators indicators = WeeklyIndicators.of(region, week, registers.puis(region).size(), current, risks,
                stateStock.lots(region, week.monday().plusDays(3)));
        return new RegionWeek(risks, indicators, outcomes);
    }

    /** Week {@code index} of the series of a PUI's items, for those of them that have one. */
    private static void record(Map<String, double[][]> series, int index, Finess finessEt, List<Line> lines) {
        for (Line l : lines) {
            double[][] s = series.get(key(finessEt, l.itemId()));
            if (s != null) {
                s[0][index] = l.stock();
                s[1][index] = l.averageDailyConsumption().doubleValue();
            }
        }
    }

    private static double[][] empty() {
        double[][] s = new double[2][HISTORY_WEEKS];
        Arrays.fill(s[0], Double.NaN);
        Arrays.fill(s[1], Double.NaN);
        return s;
    }

    private static String key(Finess finessEt, String itemId) {
        return finessEt.value() + "#" + itemId;
    }

    /**
     * Units under way per PUI × item: State-stock orders approved (in whole or in part) and not yet
     * shipped, for a product whose code is the item's id (a State-stock product tracked in the weekly
     * declaration).
     */
    private static Map<String, Long> incoming(List<Order> orders) {
        Map<String, Long> units = new HashMap<>();
        for (Order o : orders) {
            if (o.status() == OrderStatus.APPROVED || o.status() == OrderStatus.PARTIALLY_APPROVED) {
                for (Order.Line line : o.lines()) {
                    if (line.approvedQuantity() != null && line.approvedQuantity() > 0) {
                        units.merge(key(o.finessEt(), line.productCode()), line.approvedQuantity(), Long::sum);
                    }
                }
            }
        }
        return units;
    }
}
