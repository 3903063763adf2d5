package fr.dispostock.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Collects every problem of a request instead of stopping at the first, so that a pharmacist
 * fixes a whole file in one go.
 */
public final class Violations {
    private final List<FieldError> errors = new ArrayList<>();

    public void add(String pointer, String message) {
        errors.add(new FieldError(pointer, message));
    }

    /** Parses a raw value with a self-validating type; records the failure and returns null. */
    public <T> T parse(String pointer, String raw, Function<String, T> parser) {
        if (raw == null || raw.isBlank()) {
            add(pointer, "is required");
            return null;
        }
        return parseOptional(pointer, raw, parser);
    }

    /** Like {@link #parse} but a missing value is fine (null). */
    public <T> T parseOptional(String pointer, String raw, Function<String, T> parser) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return parser.apply(raw);
        } catch (InvalidValueException | java.time.format.DateTimeParseException e) {
            add(pointer, e.getMessage());
            return null;
        }
    }

    /** A required text of at most {@code max} characters, trimmed. */
    public String text(String pointer, String raw, int max) {
        if (raw == null || raw.isBlank()) {
            add(pointer, "is required");
            return null;
        }
        return optionalText(pointer, raw, max);
    }

    public String optionalText(String pointer, String raw, int max) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String t = raw.strip();
        if (t.length() > max) {
            add(pointer, "must be at most " + max + " characters");
            return null;
        }
        return t;
    }

    /** A required count of units: a whole number, at least 0. */
    public Long count(String pointer, java.math.BigDecimal raw) {
        if (raw == null) {
            add(pointer, "is required");
            return null;
        }
        if (raw.signum() < 0) {
            add(pointer, "must be ≥ 0");
            return null;
        }
        if (raw.stripTrailingZeros().scale() > 0) {
            add(pointer, "must be a whole number of units");
            return null;
        }
        return raw.longValueExact();
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    /** Throws when anything was found: nothing must be written then. */
    public void throwIfAny(String title) {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(title, errors);
        }
    }
}
