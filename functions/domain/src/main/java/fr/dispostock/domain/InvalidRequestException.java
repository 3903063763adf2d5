package fr.dispostock.domain;

import java.util.List;

/** Every problem found in a request (answered 422); thrown before anything is written. */
public final class InvalidRequestException extends RuntimeException {
    private final List<FieldError> errors;

    public InvalidRequestException(String message, List<FieldError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
