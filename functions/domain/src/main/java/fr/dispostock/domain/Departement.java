package fr.dispostock.domain;

import java.util.List;
import java.util.Locale;

/**
 * One of the 101 French départements (2A/2B for Corsica, 971–976 overseas), with its region: the
 * level between a PUI and its ARS in the stock picture.
 */
public record Departement(String code, String name, Region region) {

    public Departement {
        if (code == null || !code.matches("[0-9]{2}|2[AB]|97[0-9]") || name == null || name.isBlank()
                || region == null) {
            throw new InvalidValueException("a département needs a code (01…95, 2A, 2B, 971…976), a name and a region,"
                    + " not " + code + " " + name + " " + region);
        }
    }

    public static Departement parse(String code) {
        String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        // spreadsheets drop leading zeros: "1" is Ain's 01
        Departement d = Geography.departements().get(c.length() == 1 ? "0" + c : c);
        if (d == null) {
            throw new InvalidValueException("unknown département code " + code
                    + "; expected 01 to 95 (2A and 2B for Corsica, no 20) or 971 to 976");
        }
        return d;
    }

    /** In the order of the reference file: by code, Corsica between 19 and 21. */
    public static List<Departement> all() {
        return Geography.departementList();
    }

    /** The code, because that is what is stored, logged and put in URLs. */
    @Override
    public String toString() {
        return code;
    }
}
