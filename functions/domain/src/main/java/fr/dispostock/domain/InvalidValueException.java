package fr.dispostock.domain;

/** A value that cannot be what it claims (a FINESS whose check fails, an unknown region…), said plainly. */
public final class InvalidValueException extends RuntimeException {
    public InvalidValueException(String message) {
        super(message);
    }
}
