package fr.dispostock.domain;

/**
 * A FINESS number (juridique or géographique): 9 characters whose last is a Luhn check digit over
 * the whole number. Corsican numbers start 2A/2B, where A counts as 1 and B as 2 in the check.
 */
public record Finess(String value) {

    public Finess {
        if (value == null || !value.matches("(?:[0-9]{2}|2[AB])[0-9]{7}")) {
            throw new InvalidValueException("FINESS " + value + " must be 9 characters: 9 digits, or 2A/2B then 7 digits");
        }
        if (!luhn(value)) {
            throw new InvalidValueException("FINESS " + value + " fails its check digit (Luhn)");
        }
    }

    public static Finess parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException("a FINESS number is required");
        }
        return new Finess(raw.strip().toUpperCase(java.util.Locale.ROOT));
    }

    private static boolean luhn(String v) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            char c = v.charAt(i);
            int d = c == 'A' ? 1 : c == 'B' ? 2 : c - '0';
            // from the right, every second digit is doubled: positions 1,3,5,7 (0-based) of 9
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    /** The département the number was issued in: its first two characters, or 97 + 4th digit overseas. */
    public Departement departement() {
        String prefix = value.substring(0, 2);
        return Departement.parse(prefix.equals("97") ? "97" + value.charAt(3) : prefix);
    }

    @Override
    public String toString() {
        return value;
    }
}
