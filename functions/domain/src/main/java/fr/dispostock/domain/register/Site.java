package fr.dispostock.domain.register;

import fr.dispostock.domain.Departement;
import fr.dispostock.domain.Finess;

/** A site (FINESS géographique) of an establishment, as the public FINESS extract describes it. */
public record Site(Finess finessEt, Finess finessEj, String name, String category, String categoryLabel,
                   String address, String postalCode, String city, Departement departement) {
}
