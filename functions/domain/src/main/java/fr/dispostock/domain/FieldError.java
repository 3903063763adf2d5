package fr.dispostock.domain;

/**
 * One problem of a request: where (a JSON pointer into the body, e.g. {@code /lines/3/stock},
 * or a query parameter) and why.
 */
public record FieldError(String pointer, String message) {
}
