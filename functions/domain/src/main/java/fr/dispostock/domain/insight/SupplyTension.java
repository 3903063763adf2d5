package fr.dispostock.domain.insight;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Whether the national supply of a tracked item is declared tense (port): the medicines agency's
 * shortage status of the item's CIS codes (BDPM). The run asks it once per item, and reads a PUI's
 * State-stock order of it refused as a tension of that PUI's supply ({@link RefusedOrders}).
 */
public interface SupplyTension {

    /** The tension declared for the item, if any: the most recent when several of its codes have one. */
    Optional<Tension> of(String itemId);

    /**
     * @param status what was declared, in the agency's words (e.g. "Tension d'approvisionnement", "Rupture de stock"),
     *               or "State-stock order refused"
     * @param since  the day it was declared, or the order refused
     * @param source who said so
     */
    record Tension(String status, LocalDate since, Source source) {
        /** A status the medicines agency declared. */
        public Tension(String status, LocalDate since) {
            this(status, since, Source.AGENCY);
        }
    }

    /** The medicines agency's shortage statuses, or the State stock refusing the PUI's order. */
    enum Source { AGENCY, ORDER_REFUSED }

    /** The most recent of two tensions, if any. */
    static Optional<Tension> latest(Optional<Tension> a, Optional<Tension> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isPresent() ? a : b;
        }
        return a.get().since().isBefore(b.get().since()) ? b : a;
    }
}
