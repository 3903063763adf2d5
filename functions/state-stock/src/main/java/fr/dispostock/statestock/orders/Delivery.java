package fr.dispostock.statestock.orders;

import fr.dispostock.domain.Finess;
import fr.dispostock.domain.register.Address;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Where and to whom an order is delivered: what the supplier needs of the register (the PUI's
 * contact details and its establishment's number), and no more.
 */
@Serdeable
public record Delivery(String orderId, Finess finessEt, Finess finessEj, String name, String email, String phone,
                       Address deliveryAddress) {
}
