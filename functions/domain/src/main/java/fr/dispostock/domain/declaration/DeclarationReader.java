package fr.dispostock.domain.declaration;

import fr.dispostock.domain.Finess;
import fr.dispostock.domain.HistoryPage;
import fr.dispostock.domain.IsoWeek;
import fr.dispostock.domain.Region;

import java.util.List;
import java.util.Optional;

/** The weekly declarations as the functions that only read them see them (port; the owner's is {@link DeclarationStore}). */
public interface DeclarationReader {

    /** The week's current figures (without the earlier revisions). */
    Optional<Declaration> find(Region region, IsoWeek week, Finess finessEt);

    /** Every declaration of a region for a week (one Query, paged): current figures only. */
    List<Declaration> ofRegion(Region region, IsoWeek week);

    /**
     * The current lines of every PUI of a region for a week, and nothing else of their declarations
     * (a store reads those attributes only): a week of the insights' histories.
     */
    default List<DeclaredLines> linesOfRegion(Region region, IsoWeek week) {
        return ofRegion(region, week).stream().map(d -> new DeclaredLines(d.finessEt(), d.lines())).toList();
    }

    /** The earlier revisions of a week, newest first; empty when the week is not declared. */
    Optional<HistoryPage<Revision>> history(Region region, IsoWeek week, Finess finessEt, HistoryPage.Request page);
}
