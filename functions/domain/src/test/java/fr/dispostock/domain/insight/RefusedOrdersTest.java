package fr.dispostock.domain.insight;

import fr.dispostock.domain.Finess;
import fr.dispostock.domain.Region;
import fr.dispostock.domain.statestock.Order;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RefusedOrdersTest {
    private static final Finess FLEYRIAT = Finess.parse("010000024");
    private static final Finess FLEYRIAT_EJ = Finess.parse("010780054");
    private static final LocalDate RUN_DAY = LocalDate.parse("2026-11-23");

    /** An order of one product placed on the morning of the order day, reviewed that evening (Paris). */
    private static Order reviewed(String id, String orderDay, String product, long asked, long approved) {
        Instant placed = Instant.parse(orderDay + "T08:00:00Z");
        Instant review = Instant.parse(orderDay + "T17:00:00Z");
        return Order.placed(id, FLEYRIAT, FLEYRIAT_EJ, Region.parse("84"),
                        List.of(new Order.Line(product, asked, false, null, null)), placed, "ph")
                .reviewed(List.of(new Order.Line(product, asked, false, approved, approved < asked ? "stock" : null)),
                        review, "ars");
    }

    @Test
    void the_last_review_of_a_pui_product_refused_within_35_days_is_a_tension_since_that_day() {
        // given VAX-1 refused on 5 November; VAX-2 cut to 40 of 100 on 1 October then approved on 5 November;
        // VAX-3 refused on 3 September (81 days before the run); VAX-4 refused after the run's day
        RefusedOrders refused = RefusedOrders.of(List.of(
                reviewed("o1", "2026-11-05", "VAX-1", 100, 0),
                reviewed("o2", "2026-10-01", "VAX-2", 100, 40),
                reviewed("o3", "2026-11-05", "VAX-2", 50, 50),
                reviewed("o4", "2026-09-03", "VAX-3", 100, 0),
                reviewed("o5", "2026-12-03", "VAX-4", 100, 0)), RUN_DAY);

        // then VAX-1 alone is tense, since 5 November, from the order refused; a submitted order is no review
        assertEquals(Optional.of(new SupplyTension.Tension(RefusedOrders.STATUS, LocalDate.parse("2026-11-05"),
                SupplyTension.Source.ORDER_REFUSED)), refused.of("010000024", "VAX-1"));
        assertEquals(Optional.empty(), refused.of("010000024", "VAX-2"));
        assertEquals(Optional.empty(), refused.of("010000024", "VAX-3"));
        assertEquals(Optional.empty(), refused.of("010000024", "VAX-4"));
        assertEquals(Optional.empty(), RefusedOrders.of(List.of(Order.placed("o6", FLEYRIAT, FLEYRIAT_EJ,
                Region.parse("84"), List.of(new Order.Line("VAX-1", 10, false, null, null)),
                Instant.parse("2026-11-05T08:00:00Z"), "ph")), RUN_DAY).of("010000024", "VAX-1"));
    }

    @Test
    void of_two_tensions_the_latest_is_kept() {
        // given the agency's tension of 12 May 2025 and an order refused on 5 November 2026
        Optional<SupplyTension.Tension> agency = Optional.of(new SupplyTension.Tension("Rupture de stock",
                LocalDate.parse("2025-05-12")));
        Optional<SupplyTension.Tension> order = Optional.of(new SupplyTension.Tension(RefusedOrders.STATUS,
                LocalDate.parse("2026-11-05"), SupplyTension.Source.ORDER_REFUSED));

        // then the refusal, whichever order they come in; either alone when the other is absent
        assertEquals(order, SupplyTension.latest(agency, order));
        assertEquals(order, SupplyTension.latest(order, agency));
        assertEquals(agency, SupplyTension.latest(agency, Optional.empty()));
        assertEquals(Optional.empty(), SupplyTension.latest(Optional.empty(), Optional.empty()));
    }
}
