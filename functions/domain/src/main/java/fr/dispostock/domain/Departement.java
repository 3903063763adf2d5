package fr.dispostock.domain;

import java.util.List;

/** One of the 101 French départements (2A/2B for Corsica, 971–976 overseas), in its region. */
public record Departement(String code, String name, Region region) {

    public static Departement parse(String code) {
        String c = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
        Departement d = Geography.DEPARTEMENTS.get(c.length() == 1 ? "0" + c : c);
        if (d == null) {
            throw new InvalidValueException("unknown département code " + code);
        }
        return d;
    }

    public static List<Departement> all() {
        return List.copyOf(Geography.DEPARTEMENTS.values());
    }

    @Override
    public String toString() {
        return code;
    }
}
