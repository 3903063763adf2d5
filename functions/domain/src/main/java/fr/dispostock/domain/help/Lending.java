package fr.dispostock.domain.help;

import fr.dispostock.domain.Finess;
import fr.dispostock.domain.Region;

import java.util.Comparator;
import java.util.List;

/**
 * Help between PUIs (dépannage): for a PUI at risk, the PUIs that hold enough of the item to lend
 * without falling below their own safety coverage, nearest first, those of its region before the
 * others (the ARS of the region arranges it), each with the units it could lend for the need. A
 * proposal to a person, who calls the pharmacies.
 */
public final class Lending {

    /** A PUI's holding of the item: stock and (adjusted) daily consumption, where it is. */
    public record Holding(Finess finessEt, Region region, Place place, long stock, double dailyUse) {

        /** Units above {@code safetyDays} of its own consumption: what it can lend and still be covered. */
        public long spare(int safetyDays) {
            return Math.max(0, stock - (long) Math.ceil(safetyDays * dailyUse));
        }
    }

    /** A PUI that could lend, how far, and the units proposed (at most the need, at most its spare). */
    public record Lender(Holding holding, double km, boolean sameRegion, long proposed) {
    }

    private Lending() {
    }

    /**
     * Units a PUI lacks to cover {@code safetyDays} of its consumption with its stock and the units under
     * way: what it would ask its neighbours for (never below zero).
     */
    public static long need(long stock, long incoming, double dailyUse, int safetyDays) {
        return Math.max(0, (long) Math.ceil(safetyDays * dailyUse) - stock - incoming);
    }

    /**
     * @param atRisk     the PUI that needs help
     * @param need       units it lacks (to reach its own safety coverage, say)
     * @param others     the other PUIs' holdings of the item
     * @param safetyDays coverage a lender keeps for itself
     * @param most       how many lenders to propose
     */
    public static List<Lender> lenders(Holding atRisk, long need, List<Holding> others, int safetyDays, int most) {
        if (need <= 0) {
            return List.of();
        }
        return others.stream()
                .filter(h -> !h.finessEt().equals(atRisk.finessEt()) && h.spare(safetyDays) > 0)
                .map(h -> new Lender(h, atRisk.place().kmTo(h.place()), h.region().equals(atRisk.region()),
                        Math.min(need, h.spare(safetyDays))))
                .sorted(Comparator.comparing((Lender l) -> !l.sameRegion()).thenComparingDouble(Lender::km))
                .limit(most)
                .toList();
    }
}
