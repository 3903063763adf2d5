package fr.dispostock.domain.insight;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Whether the national supply of a tracked item is declared tense (port): the medicines agency's
 * shortage status of the item's CIS codes (BDPM), or a State-stock order of it refused. The run
 * asks it once per item.
 */
public interface SupplyTension {

    /** The tension declared for the item, if any: the most recent when several of its codes have one. */
    Optional<Tension> of(String itemId);

    /**
     * @param status what was declared, in the agency's words (e.g. "Tension d'approvisionnement", "Rupture de stock")
     * @param since  the day it was declared
     */
    record Tension(String status, LocalDate since) {
    }
}
