package fr.dispostock.insights;

import fr.dispostock.domain.insight.ShortageRisk;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A PUI × item's assessment as the routes answer it; figures in units (stock, forecasts, incoming),
 * units per day (consumptions) and days (coverage). A decision aid: a person decides.
 *
 * @param coverageDays  null when nothing is consumed
 * @param withinDays    7, 14 or 28: the nearest horizon within which a stock-out is at risk; null if none
 * @param reason        why, in one sentence
 */
@Serdeable
public record RiskView(String finessEt, String finessEj, String region, String departement, String itemId, String week,
                       long stock, double declaredDailyConsumption, double adjustedDailyConsumption,
                       @Nullable Double coverageDays, double forecastWeek1, double forecastWeeks2, double forecastWeeks4,
                       long incoming, boolean supplyTension, @Nullable Integer withinDays, String reason) {

    static RiskView of(ShortageRisk r) {
        return new RiskView(r.finessEt().value(), r.finessEj().value(), r.region().code(), r.departement().code(),
                r.itemId(), r.week().toString(), r.stock(), r.declaredDailyConsumption(), r.adjustedDailyConsumption(),
                r.coverageDays(), r.forecast1(), r.forecast2(), r.forecast4(), r.incoming(), r.supplyTension(),
                r.alert() ? r.horizon().days() : null, r.reason());
    }
}
