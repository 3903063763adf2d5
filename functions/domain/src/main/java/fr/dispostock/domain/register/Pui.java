package fr.dispostock.domain.register;

import fr.dispostock.domain.Departement;
import fr.dispostock.domain.Finess;
import fr.dispostock.domain.Region;

/**
 * A hospital pharmacy (pharmacie à usage intérieur), identified by the FINESS géographique of the
 * site it serves; its contact details are kept by the establishment's pharmacists.
 * Region and département are those of its site (its own FINESS géographique), copied so that regional reads need no join.
 */
public record Pui(Finess finessEt, Finess finessEj, String name, String email, String phone,
                  Address deliveryAddress, Region region, Departement departement, long version) {
}
