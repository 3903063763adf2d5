package fr.dispostock.domain.register;

import fr.dispostock.domain.Finess;
import fr.dispostock.domain.NotFoundException;
import fr.dispostock.domain.Region;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registers as the functions that only read them see them (port; the owner's, the registers
 * function's, is {@link RegisterStore}).
 */
public interface RegisterReader {

    /** The establishments that exist among these numbers, without sites and PUIs. */
    Map<Finess, Establishment> establishments(Collection<Finess> finessEj);

    Optional<Pui> pui(Finess finessEt);

    /** The PUI, or a 404 saying it is not in the register. */
    default Pui existingPui(Finess finessEt) {
        return pui(finessEt).orElseThrow(() -> new NotFoundException("No PUI " + finessEt + " in the register."));
    }

    List<Pui> puis(Region region);

    /**
     * The sites (FINESS géographique) of a region, by their own number's region, whatever their legal
     * entity's; with their coordinates, where a PUI is.
     */
    List<Site> sites(Region region);

    Optional<Medicine> medicine(String itemId);

    List<Medicine> medicines();
}
