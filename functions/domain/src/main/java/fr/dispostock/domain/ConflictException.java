package fr.dispostock.domain;

/**
 * The write lost a race or contradicts the current state (answered 409); with
 * {@link Kind#VERSION_MISMATCH} the client's If-Match named an older version (answered 412),
 * with {@link Kind#VERSION_REQUIRED} an update came without If-Match (answered 428).
 */
public final class ConflictException extends RuntimeException {
    public enum Kind { CONFLICT, VERSION_MISMATCH, VERSION_REQUIRED }

    private final Kind kind;

    public ConflictException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
