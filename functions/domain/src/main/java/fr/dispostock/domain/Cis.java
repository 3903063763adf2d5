package fr.dispostock.domain;

/**
 * A CIS code (code identifiant de spécialité): the medicines agency's number of one specialty in
 * the public medicines database (BDPM), 8 digits. Its shortage and supply-tension statuses are
 * published by CIS, so a tracked item names the CIS of its UCD codes to be matched with them.
 */
public record Cis(String code) {

    public Cis {
        if (code == null || !code.matches("[0-9]{8}")) {
            throw new InvalidValueException("CIS " + code + " is not a CIS code: the medicines database numbers a"
                    + " specialty with 8 digits");
        }
    }

    public static Cis parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException("a CIS code is required");
        }
        return new Cis(raw.strip());
    }

    @Override
    public String toString() {
        return code;
    }
}
