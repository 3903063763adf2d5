package fr.dispostock.domain.help;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which State-stock units will expire unused: a PUI's lots used first-expiry-first-out at its daily
 * consumption from today. A lot is used from when the lots expiring before it are used up (or
 * expired) until its own expiry date (a lot expiring today is not used any more); what is left then
 * expires. Consumption is taken as steady: a forecast, not a certainty.
 */
public final class ExpiryRisk {

    public record Lot(String lot, LocalDate expiry, long quantity) {
    }

    /** A lot's units used in time and those expected to expire unused. */
    public record LotOutcome(Lot lot, long used, long expiring) {
    }

    private ExpiryRisk() {
    }

    public static List<LotOutcome> fefo(List<Lot> lots, double dailyUse, LocalDate today) {
        List<Lot> byExpiry = lots.stream().sorted(Comparator.comparing(Lot::expiry).thenComparing(Lot::lot)).toList();
        List<LotOutcome> outcomes = new ArrayList<>();
        double day = 0; // days from today when the next lot starts being used
        for (Lot lot : byExpiry) {
            double window = Math.max(0, ChronoUnit.DAYS.between(today, lot.expiry()) - day);
            long used = Math.min(lot.quantity(), (long) Math.floor(window * dailyUse + 1e-9));
            outcomes.add(new LotOutcome(lot, used, lot.quantity() - used));
            if (dailyUse > 0) {
                day += used / dailyUse;
            }
        }
        return outcomes;
    }

    /** Units expected to expire unused in these lots. */
    public static long expiring(List<Lot> lots, double dailyUse, LocalDate today) {
        return fefo(lots, dailyUse, today).stream().mapToLong(LotOutcome::expiring).sum();
    }

    /**
     * Units another PUI would use before {@code expiry} beyond its own stock of the product (which it
     * uses first): where units about to expire elsewhere would be used in time.
     */
    public static long couldUseBefore(LocalDate expiry, LocalDate today, long ownStock, double dailyUse) {
        return Math.max(0, (long) Math.floor(ChronoUnit.DAYS.between(today, expiry) * dailyUse + 1e-9) - ownStock);
    }
}
