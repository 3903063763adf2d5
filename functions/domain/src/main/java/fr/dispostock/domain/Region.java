package fr.dispostock.domain;

import java.util.List;
import java.util.stream.Collectors;

/** One of the 18 French regions, by its INSEE code: the scope of an ARS and of an OMEDIT. */
public record Region(String code, String name) {

    public Region {
        if (code == null || !code.matches("[0-9]{2}") || name == null || name.isBlank()) {
            throw new InvalidValueException("a region needs a two-digit INSEE code and a name, not " + code + " " + name);
        }
    }

    public static Region parse(String code) {
        String c = code == null ? "" : code.strip();
        // spreadsheets drop leading zeros: "1" is Guadeloupe's 01
        String key = c.length() == 1 ? "0" + c : c;
        return Geography.regions().stream().filter(r -> r.code.equals(key)).findFirst()
                .orElseThrow(() -> new InvalidValueException("unknown region code " + code + "; expected one of "
                        + Geography.regions().stream().map(Region::code).collect(Collectors.joining(", "))));
    }

    /** Sorted by code. */
    public static List<Region> all() {
        return Geography.regions();
    }

    /** The code, because that is what is stored, logged and put in URLs. */
    @Override
    public String toString() {
        return code;
    }
}
