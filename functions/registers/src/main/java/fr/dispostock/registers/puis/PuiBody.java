package fr.dispostock.registers.puis;

import io.micronaut.serde.annotation.Serdeable;

/** A PUI's contact details as a client sends them, validated as a whole by {@link PuiService}. */
@Serdeable
public record PuiBody(String finessEt, String finessEj, String name, String email, String phone,
                      AddressBody deliveryAddress) {
    @Serdeable
    public record AddressBody(String line1, String line2, String postalCode, String city) {
    }
}
