package fr.dispostock.domain.declaration;

import fr.dispostock.domain.Departement;
import fr.dispostock.domain.Finess;
import fr.dispostock.domain.IsoWeek;
import fr.dispostock.domain.Region;

import java.util.List;
import java.util.Optional;

/**
 * A PUI's weekly declaration: its current figures and how many earlier revisions of the same week
 * corrections replaced (those are read page by page from the store, never carried here, so that a
 * declaration stays the same size however often it is corrected). {@code late} is the week's: a
 * week first declared after its Monday is late, and a later correction does not change that.
 * Region and département are the PUI's, copied so that the authorities' reads need no join.
 */
public record Declaration(Finess finessEt, Finess finessEj, Region region, Departement departement, IsoWeek week,
                          Revision current, int earlierRevisions, boolean late) {

    /** The week's first declaration. */
    public static Declaration first(Finess finessEt, Finess finessEj, Region region, Departement departement,
                                    IsoWeek week, Revision current) {
        return new Declaration(finessEt, finessEj, region, departement, week, current, 0, current.late());
    }

    /** The same week corrected: these figures replace the current ones, which become an earlier revision. */
    public Declaration correctedBy(Revision next) {
        return new Declaration(finessEt, finessEj, region, departement, week, next, earlierRevisions + 1, late);
    }

    public List<Line> lines() {
        return current.lines();
    }

    public Optional<Line> line(String itemId) {
        return current.lines().stream().filter(l -> l.itemId().equals(itemId)).findFirst();
    }

    /** How many times the week was declared: the number of the current figures, and the condition of the next write. */
    public int revision() {
        return earlierRevisions + 1;
    }
}
