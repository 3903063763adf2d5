package fr.dispostock.domain.statestock;

import fr.dispostock.domain.Dates;
import fr.dispostock.domain.Departement;
import fr.dispostock.domain.Finess;
import fr.dispostock.domain.InvalidValueException;
import fr.dispostock.domain.Region;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The State-stock lots a PUI declares for a Thursday, and how many earlier revisions corrections
 * replaced (read page by page from the store, never carried here).
 */
public record LotDeclaration(Finess finessEt, Finess finessEj, Region region, Departement departement, LocalDate date,
                             Revision current, int earlierRevisions) {

    public record Revision(Instant declaredAt, String declaredBy, List<LotLine> lines) {
        public Revision {
            lines = lines == null ? List.of() : List.copyOf(lines);
        }
    }

    /** The day of a PUI's lots, as asked: a date ({@link Dates#parse}) that is a Thursday, the day they are declared for. */
    public static LocalDate parseDate(String raw) {
        LocalDate date = Dates.parse(raw);
        if (date.getDayOfWeek() != DayOfWeek.THURSDAY) {
            throw new InvalidValueException(date + " is a " + date.getDayOfWeek().toString().toLowerCase(Locale.ROOT)
                    + "; State-stock lots are declared for a Thursday");
        }
        return date;
    }

    /** The Thursday's first declaration. */
    public static LotDeclaration first(Finess finessEt, Finess finessEj, Region region, Departement departement,
                                       LocalDate date, Revision current) {
        return new LotDeclaration(finessEt, finessEj, region, departement, date, current, 0);
    }

    /** The same Thursday corrected: these lots replace the current ones, which become an earlier revision. */
    public LotDeclaration correctedBy(Revision next) {
        return new LotDeclaration(finessEt, finessEj, region, departement, date, next, earlierRevisions + 1);
    }

    /** How many times the Thursday was declared: the condition of the next write. */
    public int revision() {
        return earlierRevisions + 1;
    }
}
