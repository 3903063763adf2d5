package fr.dispostock.domain;

import java.math.BigDecimal;
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

    /** A required one-line text of at most {@code max} characters, trimmed, without control characters. */
    public String text(String pointer, String raw, int max) {
        return required(pointer, raw) ? checked(pointer, raw, max, false) : null;
    }

    public String optionalText(String pointer, String raw, int max) {
        return raw == null || raw.isBlank() ? null : checked(pointer, raw, max, false);
    }

    /** A required text of paragraphs (line breaks and tabs allowed), as {@link #text}. */
    public String paragraphs(String pointer, String raw, int max) {
        return required(pointer, raw) ? checked(pointer, raw, max, true) : null;
    }

    public String optionalParagraphs(String pointer, String raw, int max) {
        return raw == null || raw.isBlank() ? null : checked(pointer, raw, max, true);
    }

    private boolean required(String pointer, String raw) {
        if (raw == null || raw.isBlank()) {
            add(pointer, "is required");
            return false;
        }
        return true;
    }

    private String checked(String pointer, String raw, int max, boolean paragraphs) {
        String t = raw.strip();
        if (t.length() > max) {
            add(pointer, "must be at most " + max + " characters");
            return null;
        }
        String problem = Text.problem(t, paragraphs);
        if (problem != null) {
            add(pointer, problem);
            return null;
        }
        return t;
    }

    /**
     * A required count of units, a whole number from 0 to {@code max}. The range is checked on the
     * number as written (its digits and exponent) before any arithmetic: {@code 1e100000} is refused
     * without ever being expanded.
     */
    public Long count(String pointer, BigDecimal raw, long max) {
        if (raw == null) {
            add(pointer, "is required");
            return null;
        }
        if (!inRange(raw, max) || raw.scale() > 0 && raw.stripTrailingZeros().scale() > 0) {
            add(pointer, "must be a whole number of units from 0 to " + max);
            return null;
        }
        return raw.longValueExact();
    }

    /** A required decimal from 0 to {@code max} with at most {@code decimals} decimals, checked as {@link #count}. */
    public BigDecimal decimal(String pointer, BigDecimal raw, long max, int decimals) {
        if (raw == null) {
            add(pointer, "is required");
            return null;
        }
        if (!inRange(raw, max)) {
            add(pointer, "must be a number from 0 to " + max);
            return null;
        }
        BigDecimal stripped = raw.stripTrailingZeros();
        if (stripped.scale() > decimals) {
            add(pointer, "must have at most " + decimals + " decimals");
            return null;
        }
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    // precision - scale is the count of digits before the point, read off the representation
    private static boolean inRange(BigDecimal raw, long max) {
        return raw.signum() >= 0 && raw.precision() - raw.scale() <= 19 && raw.compareTo(BigDecimal.valueOf(max)) <= 0;
    }

    /** A list of at most {@code max} elements; false (recorded) when longer, and then its elements are not looked at. */
    public boolean size(String pointer, java.util.List<?> list, int max, String why) {
        if (list != null && list.size() > max) {
            add(pointer, "at most " + max + " " + why + " (" + list.size() + " sent)");
            return false;
        }
        return true;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Throws when anything was found: nothing must be written then. */
    public void throwIfAny(String title) {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(title, errors);
        }
    }
}
