package fr.dispostock.domain;

/**
 * A UCD code (unité commune de dispensation). Stored in one form only, the 13-digit exchange form
 * (34008 + the 7-digit UCD + an EAN-13 check digit), so that the same medicine written three ways
 * by three sources is one key; read from the UCD7, the UCD13, or the zero-padded 13-character form
 * of the national health data system (SNDS).
 */
public record Ucd(String ucd13) {

    private static final String PREFIX = "34008";

    public Ucd {
        if (ucd13 == null || !ucd13.matches("[0-9]{13}")) {
            throw new InvalidValueException("UCD " + ucd13 + " must be 13 digits in its stored form");
        }
        char expected = checkDigit(ucd13.substring(0, 12));
        if (ucd13.charAt(12) != expected) {
            throw new InvalidValueException("UCD " + ucd13 + " fails its EAN-13 check digit (expected " + expected
                    + ", found " + ucd13.charAt(12) + ")");
        }
        // other 3400… codes (CIP13 presentations start 34009) pass the EAN check but are not dispensing units
        if (!ucd13.startsWith(PREFIX)) {
            throw new InvalidValueException("UCD " + ucd13 + " is not a UCD13: a UCD13 starts " + PREFIX);
        }
    }

    public static Ucd parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException("a UCD code is required");
        }
        String v = raw.strip();
        if (v.matches("[0-9]{7}")) {
            return fromUcd7(v);
        }
        // the SNDS pads the UCD7 with zeros to 13 characters; it can never be mistaken for a 3400… code
        if (v.matches("000000[0-9]{7}")) {
            return fromUcd7(v.substring(6));
        }
        if (v.matches("3400[0-9]{9}")) {
            return new Ucd(v);
        }
        throw new InvalidValueException("UCD " + v + " is not a UCD code: expected 7 digits (UCD7), 13 digits"
                + " starting 34008 with their check digit (UCD13), or 13 characters starting 000000 (SNDS form)");
    }

    private static Ucd fromUcd7(String ucd7) {
        String body = PREFIX + ucd7;
        return new Ucd(body + checkDigit(body));
    }

    /** EAN-13: weights 1 and 3 alternate from the left over the 12 first digits. */
    private static char checkDigit(String twelve) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (twelve.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    /** The 7-digit code the CNAM files and most hospital software show. */
    public String ucd7() {
        return ucd13.substring(5, 12);
    }

    @Override
    public String toString() {
        return ucd13;
    }
}
