package fr.dispostock.domain.insight;

import fr.dispostock.domain.Cis;
import fr.dispostock.domain.Ucd;
import fr.dispostock.domain.register.Medicine;
import fr.dispostock.domain.register.SupplyStatus;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AgencyTensionsTest {
    private static final Cis A = Cis.parse("60002283");
    private static final Cis B = Cis.parse("60004487");
    private static final LocalDate DAY = LocalDate.parse("2025-07-15");

    private static Medicine item(String id, Cis... cis) {
        return new Medicine(id, id, List.of(Ucd.parse("9009994")), List.of(cis),
                new Medicine.Priority(Medicine.Level.NATIONAL, List.of()), LocalDate.parse("2025-01-06"), null, 0);
    }

    private static SupplyStatus status(Cis cis, SupplyStatus.Kind kind, String since, String availableAgain) {
        return new SupplyStatus(cis, null, kind, LocalDate.parse(since), LocalDate.parse(since),
                availableAgain == null ? null : LocalDate.parse(availableAgain), "https://ansm.sante.fr");
    }

    @Test
    void an_item_is_tense_since_the_latest_constraining_status_of_its_codes() {
        // given an item of two CIS: a tension since 12 May on one, a shortage since 1 July on the other
        Map<Cis, List<SupplyStatus>> statuses = Map.of(
                A, List.of(status(A, SupplyStatus.Kind.TENSION, "2025-05-12", null)),
                B, List.of(status(B, SupplyStatus.Kind.SHORTAGE, "2025-07-01", null)));

        // when read on 15 July
        SupplyTension tensions = AgencyTensions.of(List.of(item("ITEM-A", A, B), item("ITEM-B")), statuses, DAY);

        // then the shortage of 1 July, in the agency's words; the item without CIS has none
        assertEquals(Optional.of(new SupplyTension.Tension("Rupture de stock", LocalDate.parse("2025-07-01"))),
                tensions.of("ITEM-A"));
        assertEquals(Optional.empty(), tensions.of("ITEM-B"));
    }

    @Test
    void a_resumed_supply_a_resumption_date_passed_and_a_status_declared_later_are_no_tension() {
        // given a tension then its resumption on A, a shortage whose supply came back on 10 July on B, and a
        // tension declared after the day on a third code
        Cis c = Cis.parse("60009573");
        Map<Cis, List<SupplyStatus>> statuses = Map.of(
                A, List.of(status(A, SupplyStatus.Kind.TENSION, "2025-03-01", null),
                        status(A, SupplyStatus.Kind.AVAILABLE_AGAIN, "2025-06-01", null)),
                B, List.of(status(B, SupplyStatus.Kind.SHORTAGE, "2025-05-01", "2025-07-10")),
                c, List.of(status(c, SupplyStatus.Kind.TENSION, "2025-08-01", null)));

        // when read on 15 July
        SupplyTension tensions = AgencyTensions.of(List.of(item("ITEM-A", A), item("ITEM-B", B), item("ITEM-C", c)),
                statuses, DAY);

        // then none is tense
        assertEquals(Optional.empty(), tensions.of("ITEM-A"));
        assertEquals(Optional.empty(), tensions.of("ITEM-B"));
        assertEquals(Optional.empty(), tensions.of("ITEM-C"));
    }
}
