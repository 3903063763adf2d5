package fr.dispostock.platform.declaration;

import fr.dispostock.domain.Finess;
import fr.dispostock.domain.IsoWeek;
import fr.dispostock.domain.Region;

/**
 * Every key of the DeclarationsTable, in one place: the code twin of DYNAMODB.md's key table (a
 * week's declarations in the partition of their region and week, one sort key per PUI; each PUI's
 * earlier revisions of a week in a partition of their own, sort keys from RevisionWriter). Change a
 * layout here and there.
 */
final class DeclarationKeys {
    private static final String PUI = "PUI#";

    private DeclarationKeys() {
    }

    /** The partition of a region's declarations of a week. */
    static String week(Region region, IsoWeek week) {
        return "WEEK#" + week + "#REGION#" + region.code();
    }

    /** The week of a partition {@link #week} wrote. */
    static IsoWeek weekOf(String weekPartition) {
        return IsoWeek.parse(weekPartition.split("#")[1]);
    }

    /** The sort key of a PUI's declaration in its week's partition. */
    static String pui(Finess finessEt) {
        return PUI + finessEt.value();
    }

    /** The PUI of a sort key {@link #pui} wrote. */
    static Finess puiOf(String sortKey) {
        return Finess.parse(sortKey.substring(PUI.length()));
    }

    /** The partition of a PUI's earlier revisions of a week. */
    static String revisions(IsoWeek week, Finess finessEt) {
        return "REVISIONS#WEEK#" + week + "#PUI#" + finessEt.value();
    }
}
