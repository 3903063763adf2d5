package fr.dispostock.declarations;

import fr.dispostock.declarations.DeclarationViews.Completeness;
import fr.dispostock.declarations.DeclarationViews.MissingPui;
import fr.dispostock.declarations.DeclarationViews.Overview;
import fr.dispostock.declarations.DeclarationViews.Totals;
import fr.dispostock.declarations.DeclarationViews.TrendPoint;
import fr.dispostock.domain.Identifiers;
import fr.dispostock.domain.Caller;
import fr.dispostock.domain.InvalidValueException;
import fr.dispostock.domain.IsoWeek;
import fr.dispostock.domain.NotFoundException;
import fr.dispostock.domain.Region;
import fr.dispostock.domain.Scope;
import fr.dispostock.domain.Violations;
import fr.dispostock.domain.declaration.Declaration;
import fr.dispostock.domain.declaration.DeclarationReader;
import fr.dispostock.domain.declaration.Line;
import fr.dispostock.domain.register.Medicine;
import fr.dispostock.domain.register.Pui;
import fr.dispostock.domain.register.RegisterReader;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the authorities read: who has declared a week, and for an item the stock, the consumption
 * and the days of coverage by PUI, département, region or nation, with the trend of 8 weeks.
 * Everything comes from the region-week partitions of the declarations (Query, never Scan).
 */
@Singleton
public class StockPictureService {
    static final int TREND_WEEKS = 8;
    private static final String NO_CONSUMPTION = "no consumption";
    private final RegisterReader registers;
    private final DeclarationReader declarations;

    public StockPictureService(RegisterReader registers, DeclarationReader declarations) {
        this.registers = registers;
        this.declarations = declarations;
    }

    /**
     * Who has declared the week: the totals and the PUIs that have not (with their contact details),
     * and the same counts by region, département or PUI ({@code by}; by default by region for the
     * nation, by département within a region). A declaration lacking an item due that week is
     * declared and incomplete.
     */
    public Completeness completeness(Caller caller, String weekParam, String regionParam, String byParam) {
        Violations v = new Violations();
        IsoWeek week = v.parse("week", weekParam, IsoWeek::parse);
        Region asked = v.parseOptional("region", regionParam, Region::parse);
        String by = byParam == null ? null : v.parseOptional("by", byParam, StockPictureService::by);
        v.throwIfAny("Invalid query");
        Optional<Region> region = Scope.regionOfRead(caller, asked);
        String grouping = by != null ? by : region.isPresent() ? "departement" : "region";
        List<Medicine> medicines = registers.medicines();
        Map<String, CompletenessRow> rows = new java.util.TreeMap<>();
        CompletenessRow all = new CompletenessRow(null, null);
        List<MissingPui> missing = new ArrayList<>();
        for (Region r : region.map(List::of).orElse(Region.all())) {
            Set<String> due = Medicine.toDeclare(medicines, r, week).stream().map(Medicine::itemId)
                    .collect(Collectors.toSet());
            Map<String, Declaration> byPui = declarations.ofRegion(r, week).stream()
                    .collect(Collectors.toMap(d -> d.finessEt().value(), Function.identity()));
            for (Pui pui : registers.puis(r)) {
                Declaration d = byPui.get(pui.finessEt().value());
                String key = switch (grouping) {
                    case "puis" -> pui.finessEt().value();
                    case "departement" -> pui.departement().code();
                    default -> r.code();
                };
                String name = switch (grouping) {
                    case "puis" -> pui.name();
                    case "departement" -> pui.departement().name();
                    default -> r.name();
                };
                boolean incomplete = d != null && !d.lines().stream().map(Line::itemId).collect(Collectors.toSet())
                        .containsAll(due);
                all.count(d, incomplete);
                rows.computeIfAbsent(key, k -> new CompletenessRow(k, name)).count(d, incomplete);
                if (d == null) {
                    missing.add(new MissingPui(pui.finessEt().value(), pui.name(), pui.email(), pui.phone(),
                            pui.departement().code(), r.code()));
                }
            }
        }
        return new Completeness(week.toString(), region.map(Region::code).orElse(null), grouping, all.expected,
                all.declared, all.incomplete, all.late, missing.size(), missing,
                rows.values().stream().map(CompletenessRow::view).toList());
    }

    /** Counts of one group of PUIs, as they are read. */
    private static final class CompletenessRow {
        private final String key;
        private final String name;
        private int expected;
        private int declared;
        private int incomplete;
        private int late;

        CompletenessRow(String key, String name) {
            this.key = key;
            this.name = name;
        }

        void count(Declaration d, boolean isIncomplete) {
            expected++;
            if (d != null) {
                declared++;
                incomplete += isIncomplete ? 1 : 0;
                late += d.late() ? 1 : 0;
            }
        }

        DeclarationViews.CompletenessCounts view() {
            return new DeclarationViews.CompletenessCounts(key, name, expected, declared, incomplete, late,
                    expected - declared);
        }
    }

    public Overview overview(Caller caller, String itemId, String weekParam, String regionParam, String byParam) {
        Violations v = new Violations();
        if (itemId == null || itemId.isBlank()) {
            v.add("itemId", "is required");
        }
        IsoWeek week = v.parse("week", weekParam, IsoWeek::parse);
        Region asked = v.parseOptional("region", regionParam, Region::parse);
        String by = byParam == null ? null : v.parseOptional("by", byParam, StockPictureService::by);
        v.throwIfAny("Invalid query");
        Optional<Region> region = Scope.regionOfRead(caller, asked);
        Medicine item = registers.medicine(Identifiers.existing(Identifiers.ID, itemId, "tracked item"))
                .orElseThrow(() -> new NotFoundException("No tracked item " + itemId + "."));
        if (by == null) {
            by = region.isPresent() ? "puis" : "region";
        }
        List<Region> regions = region.map(List::of).orElse(Region.all());
        List<Declaration> thisWeek = declarationsOf(regions, week);
        Map<String, String> names = "puis".equals(by) ? puiNames(regions) : Map.of();
        String grouping = by;
        Map<String, List<Line>> groups = new LinkedHashMap<>();
        thisWeek.stream().sorted(Comparator.comparing(d -> key(d, grouping)))
                .forEach(d -> d.line(item.itemId()).ifPresent(l -> groups.computeIfAbsent(key(d, grouping),
                        k -> new ArrayList<>()).add(l)));
        List<Totals> rows = groups.entrySet().stream().map(e -> totals(e.getKey(), name(grouping, e.getKey(), names),
                e.getValue())).toList();
        Totals all = totals(null, null, groups.values().stream().flatMap(List::stream).toList());
        List<TrendPoint> trend = new ArrayList<>();
        for (int back = TREND_WEEKS - 1; back >= 0; back--) {
            IsoWeek w = week.minusWeeks(back);
            List<Declaration> ds = back == 0 ? thisWeek : declarationsOf(regions, w);
            Totals t = totals(null, null, ds.stream().flatMap(d -> d.line(item.itemId()).stream()).toList());
            trend.add(new TrendPoint(w.toString(), t.totalStock(), t.averageDailyConsumption(), t.coverageDays(),
                    t.coverageNote(), t.pusDeclared(), t.pusZeroStock()));
        }
        return new Overview(item.itemId(), item.label(), week.toString(), region.map(Region::code).orElse(null), by,
                all.totalStock(), all.averageDailyConsumption(), all.coverageDays(), all.coverageNote(),
                all.pusDeclared(), all.pusZeroStock(), rows, trend);
    }

    private List<Declaration> declarationsOf(List<Region> regions, IsoWeek week) {
        return regions.stream().flatMap(r -> declarations.ofRegion(r, week).stream()).toList();
    }

    private Map<String, String> puiNames(List<Region> regions) {
        return regions.stream().flatMap(r -> registers.puis(r).stream())
                .collect(Collectors.toMap(p -> p.finessEt().value(), Pui::name, (a, b) -> a));
    }

    private static String by(String raw) {
        if (!Set.of("puis", "departement", "region").contains(raw)) {
            throw new InvalidValueException("must be puis, departement or region");
        }
        return raw;
    }

    private static String key(Declaration d, String by) {
        return switch (by) {
            case "puis" -> d.finessEt().value();
            case "departement" -> d.departement().code();
            default -> d.region().code();
        };
    }

    private static String name(String by, String key, Map<String, String> puiNames) {
        return switch (by) {
            case "puis" -> puiNames.get(key);
            case "departement" -> fr.dispostock.domain.Departement.parse(key).name();
            default -> Region.parse(key).name();
        };
    }

    /**
     * Sums over declared lines; coverage is total stock ÷ total consumption, and never a division by
     * zero. No line declared gives no stock and no consumption (null), never zeros.
     */
    static Totals totals(String key, String name, List<Line> lines) {
        if (lines.isEmpty()) {
            return new Totals(key, name, null, null, null, null, 0, 0);
        }
        // Limits keep the sum far from overflow; should stored figures ever break them, fail rather than wrap
        long stock = lines.stream().mapToLong(Line::stock).reduce(0, Math::addExact);
        BigDecimal consumption = lines.stream().map(Line::averageDailyConsumption)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean consumed = consumption.signum() > 0;
        BigDecimal coverage = consumed ? BigDecimal.valueOf(stock).divide(consumption, 1, RoundingMode.HALF_UP) : null;
        return new Totals(key, name, stock, consumption, coverage, consumed ? null : NO_CONSUMPTION,
                lines.size(), (int) lines.stream().filter(l -> l.stock() == 0).count());
    }
}
