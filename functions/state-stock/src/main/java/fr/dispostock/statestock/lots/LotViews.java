package fr.dispostock.statestock.lots;

import fr.dispostock.domain.statestock.LotLine;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the lot routes answer. */
public final class LotViews {
    private LotViews() {
    }

    @Serdeable
    public record Revision(Instant declaredAt, String declaredBy, List<LotLine> lines) {
    }

    /** A Thursday's current lots; {@code revisions}: how many earlier ones its history route pages. */
    @Serdeable
    public record Declared(String finessEt, LocalDate date, List<LotLine> lines, Instant declaredAt, String declaredBy,
                           int revisions) {
    }

    /** A page of the Thursday's earlier revisions, newest first; {@code next}: the cursor of the following page, null on the last. */
    @Serdeable
    public record History(List<Revision> revisions, @Nullable String next) {
    }

    /**
     * One lot across the PUIs that hold it, with when it expires: {@code EXPIRED}, {@code 30}, {@code 60},
     * {@code 90} (days from the date) or {@code LATER}.
     */
    @Serdeable
    public record LotStock(String productCode, String lot, LocalDate expiry, long quantity, int puis, String expiresWithin) {
    }

    @Serdeable
    public record Picture(LocalDate date, String region, int puisDeclared, List<LotStock> lots,
                          long expired, long within30Days, long within60Days, long within90Days) {
    }
}
