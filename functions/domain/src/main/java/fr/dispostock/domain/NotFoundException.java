package fr.dispostock.domain;

/** The resource asked for does not exist (answered 404). */
public final class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
