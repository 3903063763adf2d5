package fr.dispostock.domain.insight;

import fr.dispostock.domain.Departement;
import fr.dispostock.domain.Finess;
import fr.dispostock.domain.IsoWeek;
import fr.dispostock.domain.Region;

/** Which PUI × item, for which week, an assessment is about (the PUI's region and département with it). */
public record PuiItem(Finess finessEt, Finess finessEj, Region region, Departement departement, String itemId,
                      IsoWeek week) {
}
