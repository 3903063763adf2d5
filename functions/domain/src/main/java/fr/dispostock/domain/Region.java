package fr.dispostock.domain;

import java.util.List;

/** One of the 18 French regions, by its INSEE code; each has its ARS. */
public record Region(String code, String name) {

    public static Region parse(String code) {
        String c = code == null ? "" : code.strip();
        return Geography.REGIONS.stream().filter(r -> r.code.equals(c)).findFirst()
                .orElseThrow(() -> new InvalidValueException("unknown region code " + code + "; expected one of "
                        + Geography.REGIONS.stream().map(Region::code).toList()));
    }

    public static List<Region> all() {
        return Geography.REGIONS;
    }

    @Override
    public String toString() {
        return code;
    }
}
