package fr.dispostock.domain.statestock;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the supplier declares it can deliver for an order day, product by product (units): when the
 * PUIs ask more, the ARS is proposed a fair share ({@link Allocation}). A new declaration replaces it.
 */
public record Availability(LocalDate orderDay, List<Line> lines, Instant declaredAt, String declaredBy) {

    public record Line(String productCode, long available) {
    }

    public Availability {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** The units declared for a product, null when the supplier said nothing of it. */
    public Long of(String productCode) {
        return lines.stream().filter(l -> l.productCode().equals(productCode)).map(Line::available).findFirst().orElse(null);
    }
}
