package fr.dispostock.domain.register;

import fr.dispostock.domain.Finess;
import fr.dispostock.domain.Region;
import fr.dispostock.domain.Ucd;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the registers are kept (port of the registers function, which alone writes them). Every
 * save is conditional on the version the caller read ({@code previous}, null to create) and records
 * an audit entry atomically with the change; a lost race raises {@link fr.dispostock.domain.ConflictException}.
 */
public interface RegisterStore extends RegisterReader {

    enum Kind { ESTABLISHMENT, PUI, MEDICINE, INSTRUCTION }

    /** With its sites and PUIs. */
    Optional<Establishment> establishment(Finess finessEj);

    Establishment save(Establishment previous, Establishment next, String who);

    /** The establishments of a region, without their sites and PUIs. */
    List<Establishment> establishments(Region region);

    /** The sites already registered among these (matched on FINESS juridique and géographique). */
    Map<Finess, Site> registeredSites(Collection<Site> sites);

    Optional<Site> site(Finess finessEj, Finess finessEt);

    /**
     * Writes what an import changes: new establishments and new or changed sites, with their audit
     * entries; re-running the same import after a failure completes it.
     */
    void writeImport(List<Establishment> newEstablishments, List<SiteChange> siteChanges, String who);

    record SiteChange(Site before, Site after) {
    }

    Pui save(Pui previous, Pui next, String who);

    /** Saves the item and reserves its UCD codes: a UCD belongs to one tracked item at most. */
    Medicine save(Medicine previous, Medicine next, String who);

    /** Which item holds each of these UCD codes, for those that are held. */
    Map<Ucd, String> ucdHolders(Collection<Ucd> ucds);

    Optional<Instruction> instruction(String id);

    /** National instructions, and those of the region when one is given. */
    List<Instruction> instructions(Optional<Region> region);

    Instruction save(Instruction previous, Instruction next, String who);

    List<AuditEntry> audit(Kind kind, String id);
}
