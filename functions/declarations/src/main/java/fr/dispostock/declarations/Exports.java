package fr.dispostock.declarations;

import fr.dispostock.declarations.DeclarationViews.Completeness;
import fr.dispostock.declarations.DeclarationViews.Overview;
import fr.dispostock.declarations.DeclarationViews.Totals;
import fr.dispostock.declarations.DeclarationViews.TrendPoint;
import fr.dispostock.declarations.Spreadsheet.Sheet;
import fr.dispostock.domain.Departement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The authorities' screens as tables, in French (they are for people): completeness, non-declarers, stock picture. */
final class Exports {
    private static final List<String> COUNTS = List.of("Code", "Nom", "PUI attendues", "Déclarées", "Incomplètes",
            "En retard", "Manquantes");
    private static final List<String> CONTACTS = List.of("FINESS", "PUI", "Département", "Région", "E-mail",
            "Téléphone");
    private static final List<String> TOTALS = List.of("Stock (unités)", "Consommation moyenne (unités par jour)",
            "Couverture (jours)", "Remarque", "PUI ayant déclaré", "PUI à stock nul");

    private Exports() {
    }

    static Sheet completeness(Completeness c) {
        return new Sheet("Complétude " + c.week(), COUNTS, c.rows().stream().map(r -> nullable(r.key(),
                r.name(), r.expected(), r.declared(), r.incomplete(), r.late(), r.missing())).toList());
    }

    /** @param departement only its PUIs, or null for all */
    static Sheet nonDeclarers(Completeness c, Departement departement) {
        return new Sheet("Non déclarants " + c.week(), CONTACTS, c.missing().stream()
                .filter(m -> departement == null || departement.code().equals(m.departement())).map(m ->
                nullable(m.finessEt(), m.name(), m.departement(), m.region(), m.email(), m.phone())).toList());
    }

    /** The item's figures by {@code by} (a sheet) and, in a workbook, its 8-week trend (a second sheet). */
    static List<Sheet> stock(Overview o) {
        List<String> columns = new ArrayList<>(List.of("Code", "Nom"));
        columns.addAll(TOTALS);
        Sheet rows = new Sheet("Stock " + o.week(), columns, o.rows().stream()
                .map(t -> figures(t.key(), t.name(), t)).toList());
        List<String> trendColumns = new ArrayList<>(List.of("Semaine"));
        trendColumns.addAll(TOTALS);
        Sheet trend = new Sheet("Tendance", trendColumns, o.trend().stream().map(Exports::trend).toList());
        return List.of(rows, trend);
    }

    private static List<Object> figures(String key, String name, Totals t) {
        return nullable(key, name, t.totalStock(), t.averageDailyConsumption(), t.coverageDays(),
                remark(t.coverageNote()), t.pusDeclared(), t.pusZeroStock());
    }

    private static List<Object> trend(TrendPoint p) {
        return nullable(p.week(), p.totalStock(), p.averageDailyConsumption(), p.coverageDays(),
                remark(p.coverageNote()), p.pusDeclared(), p.pusZeroStock());
    }

    private static String remark(String coverageNote) {
        return coverageNote == null ? null : "pas de consommation : couverture non calculée";
    }

    /** List.of refuses nulls; a blank cell is a null. */
    private static List<Object> nullable(Object... cells) {
        return Arrays.asList(cells);
    }
}
