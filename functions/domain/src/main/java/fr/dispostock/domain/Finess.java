package fr.dispostock.domain;

import java.util.Locale;

/**
 * A FINESS number (juridique or géographique). Kept as its 9 characters because that is how every
 * register and every user writes it; validated here so that a typo is refused at the door rather
 * than becoming an establishment nobody can find.
 */
public record Finess(String value) {

    public Finess {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("a FINESS number is required");
        }
        if (value.length() != 9) {
            throw new InvalidValueException("FINESS " + value + " has " + value.length()
                    + " characters; a FINESS number has 9");
        }
        // Corsica kept its 2A/2B département codes when FINESS numbers were issued; no other letter exists
        if (!value.matches("(?:[0-9]{2}|2[AB])[0-9]{7}")) {
            throw new InvalidValueException("FINESS " + value
                    + " may only contain digits (or start with 2A or 2B for Corsica)");
        }
        if (!luhn(value)) {
            throw new InvalidValueException("FINESS " + value + " fails its check digit (Luhn)");
        }
    }

    /** Users paste numbers from spreadsheets and mails: surrounding spaces and a lower-case 2a/2b are fine. */
    public static Finess parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException("a FINESS number is required");
        }
        return new Finess(raw.strip().toUpperCase(Locale.ROOT));
    }

    // Luhn catches every single-character typo and most swaps of neighbours, which is why FINESS uses it.
    // Corsican letters count as the digit they replaced when the département was split (A=1, B=2).
    private static boolean luhn(String v) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            char c = v.charAt(i);
            int d = c == 'A' ? 1 : c == 'B' ? 2 : c - '0';
            // 9 characters, check digit last: counting from the right, the even positions are doubled
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

    /**
     * The département that issued the number: its first two characters, except overseas where the
     * number starts 970 and the 4th character completes the code (9701… is 971, Guadeloupe); every
     * row of the 2021 FINESS extract agrees. A number may be valid yet come from outside the 101
     * départements (another prefix): then this says so rather than guessing.
     */
    public Departement departement() {
        String prefix = value.substring(0, 2);
        String code = prefix.equals("97") ? "97" + value.charAt(3) : prefix;
        try {
            return Departement.parse(code);
        } catch (InvalidValueException e) {
            throw new InvalidValueException("FINESS " + value + " does not belong to any of the 101 départements"
                    + " (its prefix gives " + code + ")");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
