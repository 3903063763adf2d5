package fr.dispostock.insights;

import fr.dispostock.domain.insight.Indicators;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The T0/M6/M12 indicators over a period as the route answers them, in JSON or CSV (one row per area).
 *
 * @param nation  the nation's figures; null for an ARS or OMEDIT, who read their region only
 * @param regions every region in scope, by code
 */
@Serdeable
public record IndicatorsView(String from, String to, @Nullable Figures nation, List<Figures> regions) {

    /**
     * An area's figures; a share is null when nothing was counted.
     *
     * @param region               its code; null for the nation
     * @param weeks                weeks of the period with a run
     * @param expectedDeclarations the region's PUIs, each week with a run
     * @param completeness         declarations / expectedDeclarations
     * @param lateness             lateDeclarations / declarations
     * @param zeroStockShare       zeroStockWeeks / puiItemWeeks
     * @param medianCoverageDays   over every PUI × item week consuming something, in whole days, capped at 365
     * @param alerts               within 7, 14 and 28 days
     * @param expiredUnits         State-stock units held in lots that expired during the period
     */
    @Serdeable
    public record Figures(@Nullable String region, String name, int weeks, long expectedDeclarations, long declarations,
                          long lateDeclarations, @Nullable Double completeness, @Nullable Double lateness,
                          long puiItemWeeks, long zeroStockWeeks, @Nullable Double zeroStockShare,
                          @Nullable Integer medianCoverageDays, List<Alerts> alerts, long expiredUnits) {
    }

    /**
     * @param raised             alerts raised during the period
     * @param evaluated          of those, the ones whose horizon has passed
     * @param followedByStockOut of the evaluated, those followed by a zero stock declared within the horizon
     * @param precision          followedByStockOut / evaluated: the alerts' measured precision
     */
    @Serdeable
    public record Alerts(int withinDays, long raised, long evaluated, long followedByStockOut,
                         @Nullable Double precision) {
    }

    static Figures figures(Indicators i) {
        return new Figures(i.region() == null ? null : i.region().code(), i.region() == null ? "France" : i.region().name(),
                i.weeks(), i.expectedDeclarations(), i.declarations(), i.lateDeclarations(), i.completeness(),
                i.lateness(), i.puiItemWeeks(), i.zeroStockWeeks(), i.zeroStockShare(), i.medianCoverageDays(),
                i.alerts().stream().map(a -> new Alerts(a.withinDays(), a.raised(), a.evaluated(), a.followed(),
                        a.precision())).toList(), i.expiredUnits());
    }

    /** The CSV's column titles, in French as the authorities' other exports. */
    static List<String> columns() {
        List<String> columns = new ArrayList<>(List.of("Région", "Nom", "Semaines", "Déclarations attendues",
                "Déclarations", "En retard", "Complétude", "Part en retard", "Semaines PUI × produit",
                "À stock nul", "Part à stock nul", "Couverture médiane (jours)"));
        for (int days : new int[]{7, 14, 28}) {
            columns.addAll(List.of("Alertes " + days + " j", "Évaluées " + days + " j",
                    "Suivies d'une rupture " + days + " j", "Précision " + days + " j"));
        }
        columns.add("Unités de stock État périmées");
        return columns;
    }

    /** The nation first (when in scope), then the regions. */
    List<List<Object>> rows() {
        List<List<Object>> rows = new ArrayList<>();
        if (nation != null) {
            rows.add(row(nation));
        }
        regions.forEach(r -> rows.add(row(r)));
        return rows;
    }

    private static List<Object> row(Figures f) {
        List<Object> row = new ArrayList<>(Arrays.asList(f.region(), f.name(), f.weeks(),
                f.expectedDeclarations(), f.declarations(), f.lateDeclarations(), decimal(f.completeness()),
                decimal(f.lateness()), f.puiItemWeeks(), f.zeroStockWeeks(), decimal(f.zeroStockShare()),
                f.medianCoverageDays()));
        for (Alerts a : f.alerts()) {
            row.addAll(Arrays.asList(a.raised(), a.evaluated(), a.followedByStockOut(), decimal(a.precision())));
        }
        row.add(f.expiredUnits());
        return row;
    }

    /** A share to three decimals (the CSV writes it with a decimal comma); blank when none. */
    private static BigDecimal decimal(Double share) {
        return share == null ? null : BigDecimal.valueOf(share).setScale(3, RoundingMode.HALF_UP);
    }
}
