package fr.dispostock.domain;

/**
 * A UCD code (unité commune de dispensation), kept in its 13-digit exchange form: 34008 + the
 * 7-digit UCD + an EAN-13 check digit. Accepted as UCD7, as UCD13, or as the zero-padded
 * 13-character form of the national health data system.
 */
public record Ucd(String ucd13) {

    public Ucd {
        if (ucd13 == null || !ucd13.matches("34008[0-9]{8}")) {
            throw new InvalidValueException("UCD " + ucd13 + " must be 13 digits starting 34008");
        }
        char expected = checkDigit(ucd13.substring(0, 12));
        if (ucd13.charAt(12) != expected) {
            throw new InvalidValueException("UCD " + ucd13 + " fails its EAN-13 check digit (expected " + expected + ")");
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
        if (v.matches("000000[0-9]{7}")) {
            return fromUcd7(v.substring(6));
        }
        if (v.matches("3400[0-9]{9}")) {
            return new Ucd(v);
        }
        throw new InvalidValueException("UCD " + v + " must be a UCD7 (7 digits), a UCD13 (3400… with its check digit)"
                + " or a zero-padded UCD of 13 characters");
    }

    private static Ucd fromUcd7(String ucd7) {
        String body = "34008" + ucd7;
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

    public String ucd7() {
        return ucd13.substring(5, 12);
    }

    @Override
    public String toString() {
        return ucd13;
    }
}
