package fr.dispostock.domain.register;

import fr.dispostock.domain.Finess;
import fr.dispostock.domain.Region;
import fr.dispostock.domain.Role;

import java.util.HashSet;
import java.util.Set;

/**
 * An identity-platform account holding the Dispostock domain, as mail needs it: who, at which
 * address, for which regions (its own for an ARS or OMEDIT, those of its establishments for a
 * pharmacist, none for the nation).
 */
public record Account(String subject, String email, Set<Role> roles, Set<Finess> establishments, Region region) {
    public Account {
        roles = Set.copyOf(roles);
        establishments = Set.copyOf(establishments);
    }

    /** The regions whose mail concerns this account. */
    public Set<Region> regions() {
        Set<Region> regions = new HashSet<>();
        if (region != null) {
            regions.add(region);
        }
        establishments.forEach(ej -> regions.add(ej.departement().region()));
        return regions;
    }
}
