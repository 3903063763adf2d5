package fr.dispostock.platform.insight;

import fr.dispostock.domain.Departement;
import fr.dispostock.domain.Finess;
import fr.dispostock.domain.IsoWeek;
import fr.dispostock.domain.Region;
import fr.dispostock.domain.insight.AlertOutcome;
import fr.dispostock.domain.insight.AreaCoverage;
import fr.dispostock.domain.insight.InsightRun;
import fr.dispostock.domain.insight.InsightStore;
import fr.dispostock.domain.insight.ShortageRisk;
import fr.dispostock.domain.insight.WeeklyIndicators;
import fr.dispostock.platform.dynamo.BatchCalls;
import fr.dispostock.platform.dynamo.Items;
import fr.dispostock.platform.dynamo.Tables;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static fr.dispostock.platform.dynamo.Items.n;
import static fr.dispostock.platform.dynamo.Items.real;
import static fr.dispostock.platform.dynamo.Items.s;
import static fr.dispostock.platform.dynamo.Items.string;

/**
 * The insights in the InsightsTable (DYNAMODB.md): runs under {@code RUNS} by the instant they were
 * scheduled for (the conditional put on that key is what makes a run happen once), each PUI × item's
 * assessment in the partition of its region and week, sorted by PUI then item, so that a region's
 * week is one Query and a PUI's a prefix of it; the areas' coverage in the partition of the week, one
 * item per area, the nation's under {@code NATION}, a region's and its départements' under its code;
 * a region's indicators in its partition by week, so that a period is one Query.
 */
@Singleton
@Requires(property = Tables.INSIGHTS)
public class DynamoInsightStore implements InsightStore {
    private static final String RUNS = "RUNS";
    private static final String NATION = "NATION";
    private static final String COUNTS = "#COUNTS";
    private static final String OUTCOME = "#ALERTS";
    private final DynamoDbClient dynamoDb;
    private final BatchCalls batches;
    private final String table;

    public DynamoInsightStore(DynamoDbClient dynamoDb, BatchCalls batches, Tables tables) {
        this.dynamoDb = dynamoDb;
        this.batches = batches;
        this.table = tables.insights();
    }

    static String riskPartition(Region region, IsoWeek week) {
        return "RISK#" + region.code() + "#" + week;
    }

    static String indicatorPartition(Region region) {
        return "INDICATORS#" + region.code();
    }

    static String coveragePartition(IsoWeek week) {
        return "COVERAGE#" + week;
    }

    @Override
    public boolean start(InsightRun run) {
        try {
            dynamoDb.putItem(p -> p.tableName(table).item(runItem(run)).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void finish(InsightRun run) {
        dynamoDb.putItem(p -> p.tableName(table).item(runItem(run)));
    }

    private static Map<String, AttributeValue> runItem(InsightRun run) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(RUNS));
        item.put("sk", s(run.scheduledFor().toString()));
        item.put("week", s(run.week().toString()));
        item.put("startedAt", s(run.startedAt().toString()));
        item.put("status", s(run.status().name()));
        item.put("assessed", n(run.assessed()));
        item.put("alerts", n(run.alerts()));
        return item;
    }

    private static InsightRun run(Map<String, AttributeValue> item) {
        return new InsightRun(Instant.parse(string(item, "sk")), IsoWeek.parse(string(item, "week")),
                Instant.parse(string(item, "startedAt")), InsightRun.Status.valueOf(string(item, "status")),
                (int) Items.number(item, "assessed"), (int) Items.number(item, "alerts"));
    }

    @Override
    public Optional<InsightRun> run(Instant scheduledFor) {
        Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName(table)
                .key(Items.key(RUNS, scheduledFor.toString())).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(run(item));
    }

    @Override
    public Optional<InsightRun> latest() {
        // newest first; a run still computing is skipped (its figures are not all written)
        return dynamoDb.queryPaginator(QueryRequest.builder().tableName(table)
                        .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", s(RUNS)))
                        .scanIndexForward(false).build()).items().stream()
                .map(DynamoInsightStore::run).filter(r -> r.status() == InsightRun.Status.DONE).findFirst();
    }

    @Override
    public void saveRisks(List<ShortageRisk> risks) {
        batches.putAll(table, risks.stream().map(DynamoInsightStore::riskItem).toList());
    }

    private static Map<String, AttributeValue> riskItem(ShortageRisk r) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(riskPartition(r.region(), r.week())));
        item.put("sk", s(r.finessEt().value() + "#" + r.itemId()));
        item.put("finessEj", s(r.finessEj().value()));
        item.put("departement", s(r.departement().code()));
        item.put("itemId", s(r.itemId()));
        item.put("stock", n(r.stock()));
        item.put("declared", decimal(r.declaredDailyConsumption()));
        item.put("adjusted", decimal(r.adjustedDailyConsumption()));
        Items.put(item, "coverage", r.coverageDays() == null ? null : decimal(r.coverageDays()));
        item.put("forecast1", decimal(r.forecast1()));
        item.put("forecast2", decimal(r.forecast2()));
        item.put("forecast4", decimal(r.forecast4()));
        item.put("incoming", n(r.incoming()));
        item.put("tension", AttributeValue.fromBool(r.supplyTension()));
        item.put("horizon", s(r.horizon().name()));
        item.put("reason", s(r.reason()));
        return item;
    }

    /** Two decimals are what a reader needs of a figure in units or days; the item stays small. */
    private static AttributeValue decimal(double value) {
        return n(BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP));
    }

    private static ShortageRisk risk(Map<String, AttributeValue> item) {
        String[] pk = string(item, "pk").split("#");
        String finessEt = string(item, "sk").substring(0, string(item, "sk").indexOf('#'));
        return new ShortageRisk(Finess.parse(finessEt), Finess.parse(string(item, "finessEj")), Region.parse(pk[1]),
                Departement.parse(string(item, "departement")), string(item, "itemId"), IsoWeek.parse(pk[2]),
                Items.number(item, "stock"), real(item, "declared"), real(item, "adjusted"),
                real(item, "coverage"), real(item, "forecast1"),
                real(item, "forecast2"), real(item, "forecast4"), Items.number(item, "incoming"),
                item.get("tension").bool(), ShortageRisk.Horizon.valueOf(string(item, "horizon")), string(item, "reason"));
    }

    @Override
    public List<ShortageRisk> risks(Region region, IsoWeek week) {
        return query(QueryRequest.builder().keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(riskPartition(region, week)))));
    }

    @Override
    public List<ShortageRisk> risks(Region region, IsoWeek week, Finess finessEt) {
        return query(QueryRequest.builder().keyConditionExpression("pk = :pk AND begins_with(sk, :pui)")
                .expressionAttributeValues(Map.of(":pk", s(riskPartition(region, week)), ":pui", s(finessEt.value() + "#"))));
    }

    private List<ShortageRisk> query(QueryRequest.Builder request) {
        return dynamoDb.queryPaginator(request.tableName(table).build()).items().stream()
                .map(DynamoInsightStore::risk).toList();
    }

    @Override
    public void saveCoverages(List<AreaCoverage> areas) {
        batches.putAll(table, areas.stream().map(DynamoInsightStore::coverageItem).toList());
    }

    private static String areaKey(AreaCoverage a) {
        return switch (a.level()) {
            case NATION -> NATION;
            case REGION -> a.region().code() + "#REGION";
            case DEPARTEMENT -> a.region().code() + "#DEPARTEMENT#" + a.code();
        };
    }

    private static Map<String, AttributeValue> coverageItem(AreaCoverage a) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(coveragePartition(a.week())));
        item.put("sk", s(areaKey(a)));
        item.put("level", s(a.level().name()));
        Items.put(item, "code", a.code() == null ? null : s(a.code()));
        item.put("all", median(a.all()));
        Map<String, AttributeValue> items = new HashMap<>();
        a.items().forEach((id, m) -> items.put(id, median(m)));
        item.put("items", AttributeValue.fromM(items));
        return item;
    }

    private static AttributeValue median(AreaCoverage.Median m) {
        return AttributeValue.fromM(Map.of("days", decimal(m.days()), "puiItems", n(m.puiItems())));
    }

    private static AreaCoverage.Median median(AttributeValue value) {
        return new AreaCoverage.Median(real(value.m(), "days"), (int) Items.number(value.m(), "puiItems"));
    }

    private static AreaCoverage coverage(Map<String, AttributeValue> item) {
        String week = string(item, "pk").substring("COVERAGE#".length());
        String sk = string(item, "sk");
        Map<String, AreaCoverage.Median> items = new HashMap<>();
        item.get("items").m().forEach((id, m) -> items.put(id, median(m)));
        AttributeValue code = item.get("code");
        return new AreaCoverage(IsoWeek.parse(week), AreaCoverage.Level.valueOf(string(item, "level")),
                code == null ? null : code.s(), sk.equals(NATION) ? null : Region.parse(sk.substring(0, sk.indexOf('#'))),
                median(item.get("all")), items);
    }

    @Override
    public List<AreaCoverage> coverages(IsoWeek week, Optional<Region> region) {
        AttributeValue pk = s(coveragePartition(week));
        QueryRequest.Builder request = region.isEmpty()
                ? QueryRequest.builder().keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", pk))
                : QueryRequest.builder().keyConditionExpression("pk = :pk AND begins_with(sk, :region)")
                .expressionAttributeValues(Map.of(":pk", pk, ":region", s(region.get().code() + "#")));
        List<AreaCoverage> areas = new ArrayList<>(dynamoDb.queryPaginator(request.tableName(table).build())
                .items().stream().map(DynamoInsightStore::coverage).toList());
        if (region.isPresent()) {
            Map<String, AttributeValue> nation = dynamoDb.getItem(g -> g.tableName(table)
                    .key(Items.key(coveragePartition(week), NATION))).item();
            if (nation != null && !nation.isEmpty()) {
                areas.add(coverage(nation));
            }
        }
        areas.sort(Comparator.comparing(AreaCoverage::level).thenComparing(a -> a.code() == null ? "" : a.code()));
        return areas;
    }

    @Override
    public void saveIndicators(WeeklyIndicators w, List<AlertOutcome> outcomes) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> counts = new HashMap<>();
        counts.put("pk", s(indicatorPartition(w.region())));
        counts.put("sk", s(w.week() + COUNTS));
        counts.put("expectedPuis", n(w.expectedPuis()));
        counts.put("declaredPuis", n(w.declaredPuis()));
        counts.put("latePuis", n(w.latePuis()));
        counts.put("puiItems", n(w.puiItems()));
        counts.put("zeroStock", n(w.zeroStock()));
        Map<String, AttributeValue> coverage = new HashMap<>();
        w.coverage().forEach((days, count) -> coverage.put(Integer.toString(days), n(count)));
        counts.put("coverage", AttributeValue.fromM(coverage));
        counts.put("alerts7", n(w.alerts7()));
        counts.put("alerts14", n(w.alerts14()));
        counts.put("alerts28", n(w.alerts28()));
        counts.put("expiredUnits", n(w.expiredUnits()));
        items.add(counts);
        for (AlertOutcome o : outcomes) {
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("pk", s(indicatorPartition(o.region())));
            item.put("sk", s(o.raised() + OUTCOME + String.format(Locale.ROOT, "%02d", o.withinDays())));
            item.put("alerts", n(o.alerts()));
            item.put("followed", n(o.followed()));
            items.add(item);
        }
        batches.putAll(table, items);
    }

    @Override
    public IndicatorWeeks indicatorWeeks(Region region, IsoWeek from, IsoWeek to) {
        List<WeeklyIndicators> weeks = new ArrayList<>();
        List<AlertOutcome> outcomes = new ArrayList<>();
        dynamoDb.queryPaginator(QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                .expressionAttributeValues(Map.of(":pk", s(indicatorPartition(region)), ":from", s(from + "#"),
                        ":to", s(to + "#~"))).build()).items().forEach(item -> {
            String sk = string(item, "sk");
            IsoWeek week = IsoWeek.parse(sk.substring(0, sk.indexOf('#')));
            if (sk.endsWith(COUNTS)) {
                Map<Integer, Integer> coverage = new HashMap<>();
                item.get("coverage").m().forEach((days, count) -> coverage.put(Integer.parseInt(days), Integer.parseInt(count.n())));
                weeks.add(new WeeklyIndicators(region, week, count(item, "expectedPuis"), count(item, "declaredPuis"),
                        count(item, "latePuis"), count(item, "puiItems"), count(item, "zeroStock"), coverage,
                        count(item, "alerts7"), count(item, "alerts14"), count(item, "alerts28"),
                        Items.number(item, "expiredUnits")));
            } else {
                outcomes.add(new AlertOutcome(region, week, Integer.parseInt(sk.substring(sk.length() - 2)),
                        count(item, "alerts"), count(item, "followed")));
            }
        });
        return new IndicatorWeeks(weeks, outcomes);
    }

    private static int count(Map<String, AttributeValue> item, String name) {
        return (int) Items.number(item, name);
    }
}
