package fr.dispostock.insights;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * State-stock units that will expire unused, for the lots declared on a Thursday: in the scope asked
 * (a region, or the nation), by region and by PUI (those with units at risk, most first), each lot with
 * the PUIs nearby that would use its units in time. A forecast at steady consumption; a person decides.
 *
 * @param date      the Thursday of the lots, from which they are used
 * @param week      the week of the assessments whose adjusted consumption is used
 * @param units     units declared (not yet expired) in the scope
 * @param expiring  of those, units expected to expire unused
 */
@Serdeable
public record ExpiryView(String date, String week, long units, long expiring, List<RegionExpiry> regions,
                         List<PuiExpiry> puis) {

    @Serdeable
    public record RegionExpiry(String region, long units, long expiring) {
    }

    @Serdeable
    public record PuiExpiry(String finessEt, String name, String region, String departement, long units, long expiring,
                            List<LotExpiry> lots) {
    }

    /**
     * A lot, first expiry first out.
     *
     * @param dailyConsumption the PUI's adjusted consumption of the product, units per day (0 when not assessed)
     * @param used             units used before the lot expires
     * @param takers           PUIs of the region that would use some of the expiring units in time, nearest first
     */
    @Serdeable
    public record LotExpiry(String productCode, String lot, String expiry, long quantity, double dailyConsumption,
                            long used, long expiring, List<Taker> takers) {
    }

    /**
     * @param km       straight-line distance between the two FINESS sites, to 0.1 km
     * @param couldUse units it would use before the expiry beyond its own stock (at most those expiring)
     */
    @Serdeable
    public record Taker(String finessEt, String name, double km, long couldUse) {
    }
}
