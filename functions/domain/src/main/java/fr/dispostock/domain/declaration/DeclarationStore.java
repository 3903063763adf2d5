package fr.dispostock.domain.declaration;

import fr.dispostock.domain.Finess;
import fr.dispostock.domain.IsoWeek;
import fr.dispostock.domain.Region;

import java.util.List;
import java.util.Optional;

/**
 * Where weekly declarations are kept (port). A declaration is written whole, in one atomic write:
 * no reader ever sees part of it.
 */
public interface DeclarationStore {

    Optional<Declaration> find(Region region, IsoWeek week, Finess finessEt);

    /** Every declaration of a region for a week (one Query, paged). */
    List<Declaration> ofRegion(Region region, IsoWeek week);

    /**
     * Writes the declaration if the week is still at the revision it was read at
     * ({@code expectedRevision} 0: not declared yet); false when someone declared meanwhile.
     */
    boolean save(Declaration declaration, int expectedRevision);
}
