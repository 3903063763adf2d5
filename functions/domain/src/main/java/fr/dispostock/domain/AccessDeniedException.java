package fr.dispostock.domain;

/** A valid caller acting outside its scope (answered 403). */
public final class AccessDeniedException extends RuntimeException {
    public AccessDeniedException(String message) {
        super(message);
    }
}
