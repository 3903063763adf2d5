package fr.dispostock.statestock;

import fr.dispostock.embedded.CapturedOutput;
import fr.dispostock.embedded.DynamoDbLocalExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static fr.dispostock.statestock.LotRoutesTest.lot;
import static fr.dispostock.statestock.StateStockFunction.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The business metrics of the State stock (EMF records on stdout, as CloudWatch reads them). */
@ExtendWith(DynamoDbLocalExtension.class)
class StateStockMetricsTest {

    @BeforeEach
    void catalogue() {
        registersAndCatalogue();
    }

    private static String placed(String key, int doses) {
        return (String) API.call("POST", "/v1/orders", PH_FLEYRIAT, order(FLEYRIAT_ET, "TECOVIRIMAT-200", doses),
                Map.of("Idempotency-Key", key)).object().get("orderId");
    }

    private static Map<String, Object> review(int approved) {
        return Map.of("lines", List.of(Map.of("productCode", "TECOVIRIMAT-200", "approvedQuantity", approved,
                "reason", "stock national limité")));
    }

    @Test
    void each_order_step_counts_once_under_its_status_and_a_retry_counts_nothing() {
        try (CapturedOutput out = CapturedOutput.start()) {
            // when three orders are placed (one request retried with its key), one approved then shipped,
            // one rejected (the review sent twice), one cancelled
            String shippedId = placed("metrics-order-1", 42);
            assertEquals(shippedId, placed("metrics-order-1", 42));
            String rejectedId = placed("metrics-order-2", 42);
            String cancelledId = placed("metrics-order-3", 42);
            assertEquals(200, API.call("POST", "/v1/orders/" + shippedId + "/review", ARS_84, review(42)).status());
            assertEquals(200, API.call("POST", "/v1/orders/" + shippedId + "/shipments", SUPPLIER, Map.of("shippedOn",
                    THURSDAY, "lines", List.of(Map.of("productCode", "TECOVIRIMAT-200", "lot", "T-1",
                            "expiry", "2028-01-31", "quantity", 42)))).status());
            assertEquals(200, API.call("POST", "/v1/orders/" + rejectedId + "/review", ARS_84, review(0)).status());
            assertEquals(409, API.call("POST", "/v1/orders/" + rejectedId + "/review", ARS_84, review(0)).status());
            assertEquals(200, API.call("POST", "/v1/orders/" + cancelledId + "/cancel", PH_FLEYRIAT, null).status());

            // then each step is counted once, under the service state-stock
            assertEquals(3, out.total("OrdersPlaced"));
            assertEquals(1, out.total("OrdersApproved"));
            assertEquals(1, out.total("OrdersShipped"));
            assertEquals(1, out.total("OrdersRejected"));
            assertEquals(1, out.total("OrdersCancelled"));
            assertEquals("state-stock", out.metric("OrdersPlaced").get(0).get("service"));
        }
    }

    @Test
    void a_thursday_declaration_of_lots_counts_once_and_its_retry_nothing() {
        try (CapturedOutput out = CapturedOutput.start()) {
            // when a PUI declares its lots, sends the same again, then corrects them
            String path = "/v1/puis/" + FLEYRIAT_ET + "/state-stock/" + THURSDAY;
            Map<String, Object> lots = Map.of("lines", List.of(lot("MPOX-MVA-BN", "FDP00123", "2027-06-30", 40, null)));
            assertEquals(200, API.call("PUT", path, PH_FLEYRIAT, lots).status());
            assertEquals(200, API.call("PUT", path, PH_FLEYRIAT, lots).status());
            assertEquals(200, API.call("PUT", path, PH_FLEYRIAT, Map.of("lines",
                    List.of(lot("MPOX-MVA-BN", "FDP00123", "2027-06-30", 38, null)))).status());

            // then two declarations of lots were counted
            assertEquals(2, out.total("LotsDeclared"));
        }
    }
}
