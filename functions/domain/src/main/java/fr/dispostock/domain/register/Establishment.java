package fr.dispostock.domain.register;

import fr.dispostock.domain.Departement;
import fr.dispostock.domain.Finess;
import fr.dispostock.domain.Region;

import java.util.List;

/**
 * A legal entity of the FINESS register (FINESS juridique), kept by the ARS of its region.
 *
 * @param puis  the FINESS géographique numbers of its hospital pharmacies
 * @param sites the sites (FINESS géographique) the FINESS extract lists for it
 */
public record Establishment(Finess finessEj, String ipe, String name, Region region, Departement departement,
                            String category, Status status, List<Finess> puis, List<Site> sites, long version) {
    public enum Status { OPEN, CLOSED }

    public Establishment {
        puis = List.copyOf(puis);
        sites = List.copyOf(sites);
    }
}
