package fr.dispostock.insights;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * State-stock units that will expire unused, for the lots declared on a Thursday: in the scope asked
 * (a region, or the nation), by region and by PUI (those with units at risk or of unknown use, most at
 * risk first), each lot with the PUIs nearby that would use its units in time. A forecast at the use
 * measured from the PUIs' own Thursday declarations; a person decides.
 *
 * @param date       the Thursday of the lots, from which they are used
 * @param week       the ISO week asked, or that of the Thursday (the use no longer comes from a weekly run)
 * @param units      units declared (not yet expired) in the scope
 * @param expiring   of those, units expected to expire unused
 * @param unknownUse of those, units of products whose use the PUI's declarations do not say (fewer than two
 *                   Thursdays declared in the 8 weeks): counted neither as used nor as expiring
 */
@Serdeable
public record ExpiryView(String date, String week, long units, long expiring, long unknownUse, List<RegionExpiry> regions,
                         List<PuiExpiry> puis) {

    @Serdeable
    public record RegionExpiry(String region, long units, long expiring, long unknownUse) {
    }

    @Serdeable
    public record PuiExpiry(String finessEt, String name, String region, String departement, long units, long expiring,
                            long unknownUse, List<LotExpiry> lots) {
    }

    /**
     * A lot, first expiry first out.
     *
     * @param dailyConsumption deprecated, kept for earlier clients: {@code dailyUse}, 0 when unknown
     * @param dailyUse         the PUI's use of the product, units per day, measured over the last 8 weeks of its
     *                         Thursday declarations and the shipments to it; null when unknown
     * @param used             units used before the lot expires (0 when the use is unknown)
     * @param expiring         units expected to expire unused (0 when the use is unknown)
     * @param takers           PUIs of the region that would use some of the expiring units in time, nearest first
     */
    @Serdeable
    public record LotExpiry(String productCode, String lot, String expiry, long quantity, double dailyConsumption,
                            @Nullable Double dailyUse, long used, long expiring, List<Taker> takers) {
    }

    /**
     * @param km       straight-line distance between the two FINESS sites, to 0.1 km
     * @param couldUse units it would use before the expiry beyond its own stock (at most those expiring)
     */
    @Serdeable
    public record Taker(String finessEt, String name, double km, long couldUse) {
    }
}
