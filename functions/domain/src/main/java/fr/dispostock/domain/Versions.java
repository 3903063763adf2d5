package fr.dispostock.domain;

import fr.dispostock.domain.ConflictException.Kind;

import java.util.Optional;

/** Optimistic locking as the API states it: updates name the version they read (If-Match). */
public final class Versions {
    private Versions() {
    }

    /** Reads an If-Match header: {@code "3"}, {@code W/"3"} or {@code 3}. */
    public static Optional<Long> ifMatch(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String v = header.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        try {
            return Optional.of(Long.parseLong(v));
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("Invalid If-Match header",
                    java.util.List.of(new FieldError("If-Match", "must be the version read, e.g. \"3\"")));
        }
    }

    /**
     * Checks the version a client names against what exists.
     *
     * @param current the current version, or null when the item does not exist yet
     */
    public static void check(Optional<Long> ifMatch, Long current, String what) {
        if (current == null) {
            if (ifMatch.isPresent()) {
                throw new ConflictException(Kind.VERSION_MISMATCH, what + " does not exist; create it without If-Match.");
            }
            return;
        }
        if (ifMatch.isEmpty()) {
            throw new ConflictException(Kind.VERSION_REQUIRED, what + " exists (version " + current
                    + "): send If-Match with the version you read to update it.");
        }
        if (!ifMatch.get().equals(current)) {
            throw new ConflictException(Kind.VERSION_MISMATCH, what + " is at version " + current + ", not "
                    + ifMatch.get() + ": someone changed it since you read it.");
        }
    }
}
