package fr.dispostock.embedded;

import fr.dispostock.domain.Departement;
import fr.dispostock.domain.Finess;
import fr.dispostock.domain.Region;
import fr.dispostock.domain.Ucd;
import fr.dispostock.domain.register.Address;
import fr.dispostock.domain.register.Establishment;
import fr.dispostock.domain.register.Medicine;
import fr.dispostock.domain.register.Pui;
import fr.dispostock.domain.register.RegisterStore;
import fr.dispostock.domain.register.Site;

import java.time.LocalDate;
import java.util.List;

/**
 * Registers for the tests of the functions that read them: an establishment, its FINESS site and
 * its PUI (e-mail pui-&lt;finessEt&gt;@dispostock.invalid), and tracked items, written through the
 * store as the registers function would.
 */
public final class RegisterFixtures {
    private RegisterFixtures() {
    }

    public static Pui pui(RegisterStore store, String finessEt, String finessEj, String name, String departement) {
        return pui(store, finessEt, finessEj, name, departement, null, null);
    }

    /** A PUI whose site has these WGS84 coordinates (the FINESS extract's), for distances between PUIs. */
    public static Pui pui(RegisterStore store, String finessEt, String finessEj, String name, String departement,
                          Double latitude, Double longitude) {
        Departement d = Departement.parse(departement);
        Finess et = Finess.parse(finessEt);
        Finess ej = Finess.parse(finessEj);
        if (store.establishments(List.of(ej)).isEmpty()) {
            store.save(null, new Establishment(ej, null, name, d.region(), d, null, Establishment.Status.OPEN,
                    List.of(), List.of(), 0), "fixture");
        }
        store.writeImport(List.of(), List.of(new RegisterStore.SiteChange(null,
                new Site(et, ej, name, null, null, null, null, null, d, latitude, longitude))), "fixture");
        return store.save(null, new Pui(et, ej, name, "pui-" + finessEt + "@dispostock.invalid", null,
                new Address("1 rue de l'Hôpital", null, "01000", "Bourg-en-Bresse"), d.region(), d, 0), "fixture");
    }

    public static Medicine item(RegisterStore store, String itemId, String ucd, List<String> regions) {
        return store.save(null, new Medicine(itemId, itemId, List.of(Ucd.parse(ucd)), List.of(), new Medicine.Priority(
                regions.isEmpty() ? Medicine.Level.NATIONAL : Medicine.Level.REGIONAL,
                regions.stream().map(Region::parse).toList()), LocalDate.parse("2026-01-05"), null, 0), "fixture");
    }
}
