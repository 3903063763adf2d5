package fr.dispostock.domain.statestock;

import java.util.List;

/**
 * A product of the State strategic stock catalogue. Quantities are counted in its unit (doses,
 * capsules, pieces) and ordered in whole packs; a vaccine lists the administration devices that
 * go with each unit.
 */
public record Product(String code, String name, Kind kind, String unit, int packSize, List<Device> devices,
                      boolean orderable, long version) {
    public enum Kind { VACCINE, ANTIVIRAL, DEVICE }

    /** {@code perUnit} devices of this code go with each unit of the product. */
    public record Device(String code, int perUnit) {
    }

    public Product {
        devices = devices == null ? List.of() : List.copyOf(devices); // absent from a document written without empty lists
    }
}
