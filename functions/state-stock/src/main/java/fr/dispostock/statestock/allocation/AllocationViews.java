package fr.dispostock.statestock.allocation;

import fr.dispostock.domain.Limits;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What clients send to, and read from, the availability and allocation routes. */
public final class AllocationViews {
    private AllocationViews() {
    }

    /** The supplier's units available for an order day, by product. */
    @Serdeable
    public record AvailabilityBody(@ArraySchema(maxItems = Limits.ORDER_LINES_MAX) List<Line> lines) {
        @Serdeable
        public record Line(String productCode, @Schema(description = "units the supplier can deliver that order day",
                minimum = "0", maximum = "" + Limits.LOT_QUANTITY_MAX) BigDecimal available) {
        }
    }

    /**
     * The proposal of an order day: for each product the supplier declared, the units asked by every
     * PUI of France, those approved already, and for each order still to review of the region what
     * the fair share proposes.
     */
    @Serdeable
    public record Proposal(LocalDate orderDay, @Nullable String region, List<ProductProposal> products) {
    }

    /**
     * @param available   units the supplier declared for the day (null: a device it did not declare, listed because
     *                    its lines follow the vaccines')
     * @param asked       units asked on that day in France by orders reviewed or to review
     * @param approved    units already approved (orders reviewed)
     * @param shortage    whether the orders to review ask more than what remains
     * @param level       the coverage in days the proposal brings the PUIs to (null without shortage)
     * @param followsVaccines whether some lines are devices proposed with vaccines in shortage: those lines propose
     *                    what the vaccines' proposed units need, in whole packs (no coverage then)
     */
    @Serdeable
    public record ProductProposal(String productCode, String name, int packSize, @Nullable Long available, long asked,
                                  long approved, boolean shortage, @Nullable Double level,
                                  @Schema(description = "some lines are devices that follow the proposed units of their "
                                          + "vaccines, in whole packs") boolean followsVaccines,
                                  List<LineProposal> lines) {

        /** This proposal with these lines (of the same orders or others) following the vaccines instead of its own. */
        public ProductProposal followingVaccines(List<LineProposal> following) {
            List<LineProposal> merged = new java.util.ArrayList<>(lines.stream()
                    .filter(l -> following.stream().noneMatch(f -> f.orderId().equals(l.orderId()))).toList());
            merged.addAll(following);
            return new ProductProposal(productCode, name, packSize, available, asked, approved, shortage, level, true,
                    merged);
        }
    }

    /**
     * @param stock      units held by the PUI, unexpired, in its last Thursday lots
     * @param dailyUse   units a day it used over the 4 weeks before (null: unknown, its order is taken for 28 days)
     * @param proposed   units proposed: whole packs, at most asked
     * @param coverageBefore days its stock lasts, null when nothing is used
     * @param coverageAfter  days with the units proposed
     */
    @Serdeable
    public record LineProposal(String orderId, String finessEt, long asked, long stock, @Nullable Double dailyUse,
                               long proposed, @Nullable Double coverageBefore, @Nullable Double coverageAfter) {
    }
}
