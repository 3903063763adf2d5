package fr.dispostock.declarations;

import fr.dispostock.domain.declaration.Line;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What the declaration routes answer. */
public final class DeclarationViews {
    private DeclarationViews() {
    }

    @Serdeable
    public record LineView(String itemId, long stock, BigDecimal averageDailyConsumption) {
        static List<LineView> of(List<Line> lines) {
            return lines.stream().map(l -> new LineView(l.itemId(), l.stock(), l.averageDailyConsumption())).toList();
        }
    }

    @Serdeable
    public record ExpectedItem(String itemId, String label, List<String> ucds, LineView lastWeek) {
    }

    @Serdeable
    public record Expected(String finessEt, String week, List<ExpectedItem> items) {
    }

    /** The answer to a declaration: what is now stored, and what is still missing. */
    @Serdeable
    public record Declared(String finessEt, String week, List<LineView> lines, Instant declaredAt, String declaredBy,
                           boolean late, List<String> missingItems) {
    }

    @Serdeable
    public record RevisionView(Instant declaredAt, String declaredBy, boolean late, List<LineView> lines) {
    }

    /** The week's current figures; {@code revisions}: how many earlier ones its history route pages. */
    @Serdeable
    public record Current(String finessEt, String week, List<LineView> lines, Instant declaredAt, String declaredBy,
                          boolean late, List<String> missingItems, int revisions) {
    }

    /** A page of the week's earlier revisions, newest first; {@code next}: the cursor of the following page, null on the last. */
    @Serdeable
    public record History(List<RevisionView> revisions, @Nullable String next) {
    }

    @Serdeable
    public record MissingPui(String finessEt, String name, String email, String phone, String departement,
                             String region) {
    }

    /** A region's, département's or PUI's counts (a PUI's are 0 or 1); {@code missing} = expected − declared. */
    @Serdeable
    public record CompletenessCounts(String key, String name, int expected, int declared, int incomplete, int late,
                                     int missing) {
    }

    /**
     * API.md's {@code {expected, declared, late, missing}}, plus {@code by}, {@code incomplete} (declared
     * without every item due), {@code missingCount} and {@code rows}, the same counts by {@code by}.
     */
    @Serdeable
    public record Completeness(String week, String region, String by, int expected, int declared, int incomplete,
                               int late, int missingCount, List<MissingPui> missing, List<CompletenessCounts> rows) {
    }

    /**
     * Totals of one item over a set of PUIs. {@code coverageDays} is stock ÷ consumption, null with
     * {@code coverageNote} "no consumption" when nothing is consumed (never infinity).
     * {@code totalStock} and {@code averageDailyConsumption} are null when no PUI declared the item
     * ({@code pusDeclared} 0): a missing line is not a zero.
     */
    @Serdeable
    public record Totals(String key, String name, @Nullable Long totalStock, @Nullable BigDecimal averageDailyConsumption,
                         @Nullable BigDecimal coverageDays, @Nullable String coverageNote, int pusDeclared,
                         int pusZeroStock) {
    }

    /** A week's {@link Totals}: null stock and consumption when no PUI declared the item that week. */
    @Serdeable
    public record TrendPoint(String week, @Nullable Long totalStock, @Nullable BigDecimal averageDailyConsumption,
                             @Nullable BigDecimal coverageDays, @Nullable String coverageNote, int pusDeclared,
                             int pusZeroStock) {
    }

    /** The item's {@link Totals} in scope (null stock and consumption when no PUI declared it), its rows and trend. */
    @Serdeable
    public record Overview(String itemId, String label, String week, String region, String by,
                           @Nullable Long totalStock, @Nullable BigDecimal averageDailyConsumption,
                           @Nullable BigDecimal coverageDays, @Nullable String coverageNote,
                           int pusDeclared, int pusZeroStock, List<Totals> rows, List<TrendPoint> trend) {
    }
}
