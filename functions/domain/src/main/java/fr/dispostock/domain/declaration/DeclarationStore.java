package fr.dispostock.domain.declaration;

import fr.dispostock.domain.Finess;
import fr.dispostock.domain.HistoryPage;
import fr.dispostock.domain.IsoWeek;
import fr.dispostock.domain.Region;

import java.util.List;
import java.util.Optional;

/**
 * Where weekly declarations are kept (port). A declaration, or a correction with the figures it
 * replaces, is written in one atomic write: no reader ever sees part of it, and nothing is lost.
 */
public interface DeclarationStore {

    /** The week's current figures (without the earlier revisions). */
    Optional<Declaration> find(Region region, IsoWeek week, Finess finessEt);

    /** Every declaration of a region for a week (one Query, paged): current figures only. */
    List<Declaration> ofRegion(Region region, IsoWeek week);

    /**
     * Writes {@code next} if the week is still as {@code previous} was read ({@code previous} null:
     * not declared yet), and keeps {@code previous}'s figures as an earlier revision in the same
     * write; false when someone declared meanwhile.
     */
    boolean save(Declaration previous, Declaration next);

    /** The earlier revisions of a week, newest first; empty when the week is not declared. */
    Optional<HistoryPage<Revision>> history(Region region, IsoWeek week, Finess finessEt, HistoryPage.Request page);
}
