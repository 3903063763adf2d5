package fr.dispostock.insights;

import fr.dispostock.domain.help.Lending.Lender;
import fr.dispostock.domain.insight.ShortageRisk;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The help a PUI × item could get from its neighbours: what it lacks to cover {@code safetyDays} and the
 * PUIs proposed, those of its region first, nearest first. A proposal: a person calls the pharmacies.
 *
 * @param need       units lacking to cover safetyDays at the adjusted consumption, with the units under way
 * @param withinDays the horizon of its shortage risk (7, 14 or 28), null if none
 * @param reason     why, in one sentence
 */
@Serdeable
public record LendingView(String finessEt, String itemId, String week, long stock, long incoming,
                          double adjustedDailyConsumption, @Nullable Integer withinDays, int safetyDays, long need,
                          List<LenderView> lenders, String reason) {

    /**
     * A PUI that could lend.
     *
     * @param km       straight-line distance between the two FINESS sites, to 0.1 km
     * @param spare    units above its own safetyDays of consumption
     * @param proposed units proposed: at most the need, at most its spare
     */
    @Serdeable
    public record LenderView(String finessEt, String name, String region, String departement, double km,
                             boolean sameRegion, long stock, double adjustedDailyConsumption, long spare, long proposed) {
    }

    static LendingView of(ShortageRisk own, int safetyDays, long need, List<Lender> lenders, Neighbourhood near) {
        List<LenderView> views = lenders.stream().map(l -> new LenderView(l.holding().finessEt().value(),
                near.name(l.holding().finessEt()), l.holding().region().code(), l.holding().finessEt().departement().code(),
                Math.round(l.km() * 10) / 10.0, l.sameRegion(), l.holding().stock(), l.holding().dailyUse(),
                l.holding().spare(safetyDays), l.proposed())).toList();
        long offered = lenders.stream().mapToLong(Lender::proposed).max().orElse(0);
        String reason = need == 0 ? "stock " + own.stock() + " and " + own.incoming() + " under way cover " + safetyDays
                + " days: no help needed"
                : "lacks " + need + " units to cover " + safetyDays + " days at " + round(own.adjustedDailyConsumption())
                + "/day (stock " + own.stock() + ", " + own.incoming() + " under way); " + (lenders.isEmpty()
                ? "no PUI holds enough to lend and keep " + safetyDays + " days of its own"
                : lenders.size() + " PUI(s) could lend while keeping " + safetyDays + " days of their own"
                + (offered >= need ? ", the nearest able to lend it all " + views.stream()
                .filter(l -> l.proposed() >= need).findFirst().map(l -> l.name() + " at " + l.km() + " km").orElseThrow()
                : ", none the whole need"));
        return new LendingView(own.finessEt().value(), own.itemId(), own.week().toString(), own.stock(), own.incoming(),
                own.adjustedDailyConsumption(), own.alert() ? own.horizon().days() : null, safetyDays, need, views, reason);
    }

    private static String round(double perDay) {
        return perDay == Math.rint(perDay) ? Long.toString((long) perDay) : String.format(java.util.Locale.ROOT, "%.1f", perDay);
    }
}
