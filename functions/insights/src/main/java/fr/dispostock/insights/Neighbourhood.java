package fr.dispostock.insights;

import fr.dispostock.domain.Finess;
import fr.dispostock.domain.Region;
import fr.dispostock.domain.help.Place;
import fr.dispostock.domain.register.Pui;
import fr.dispostock.domain.register.RegisterReader;
import fr.dispostock.domain.register.Site;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The PUIs of some regions as help between them needs them: their register entry and where their
 * site is (the FINESS coordinates; a site the extract gives none has no place and is not ranked).
 */
final class Neighbourhood {
    private final Map<Finess, Pui> puis = new HashMap<>();
    private final Map<Finess, Place> places = new HashMap<>();

    private Neighbourhood() {
    }

    static Neighbourhood of(RegisterReader registers, Collection<Region> regions) {
        Neighbourhood n = new Neighbourhood();
        n.add(registers, regions);
        return n;
    }

    /** The PUIs of more regions, when help is sought beyond those read first (which are not read again). */
    void add(RegisterReader registers, Collection<Region> regions) {
        for (Region region : regions) {
            registers.puis(region).forEach(p -> puis.put(p.finessEt(), p));
            for (Site site : registers.sites(region)) {
                site.place().ifPresent(place -> places.put(site.finessEt(), place));
            }
        }
    }

    Optional<Place> place(Finess finessEt) {
        return Optional.ofNullable(places.get(finessEt));
    }

    /** The PUI's name in the register (its number when it has left the register since it declared). */
    String name(Finess finessEt) {
        Pui pui = puis.get(finessEt);
        return pui == null ? finessEt.value() : pui.name();
    }
}
