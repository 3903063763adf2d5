package fr.dispostock.domain.register;

/** A postal address in France (delivery address of a PUI). */
public record Address(String line1, String line2, String postalCode, String city) {
}
