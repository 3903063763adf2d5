package fr.dispostock.statestock;

import fr.dispostock.embedded.DynamoDbLocalExtension;
import fr.dispostock.embedded.EmbeddedDynamoDb;
import fr.dispostock.embedded.ErasureChecks;
import fr.dispostock.embedded.HttpApiHarness.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;

import static fr.dispostock.embedded.ErasureChecks.holding;
import static fr.dispostock.embedded.ErasureChecks.items;
import static fr.dispostock.statestock.StateStockFunction.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** POST /v1/state-stock/erasures: an erased account's address leaves the lots, their revisions and the orders. */
@ExtendWith(DynamoDbLocalExtension.class)
class StateStockErasureTest {
    private static final String EMAIL = "jeanne.martin@ch-bourg.fr";
    private static final EmbeddedDynamoDb DYNAMODB = DynamoDbLocalExtension.dynamoDb();
    private static final String LOTS = "/v1/puis/" + FLEYRIAT_ET + "/state-stock/" + THURSDAY;
    private static String orderId;

    @BeforeEach
    void lotsDeclaredTwiceAndAnOrderPlacedThenCancelledByThePharmacist() {
        registersAndCatalogue();
        String pharmacist = TOKENS.token("ph-erased", EMAIL, List.of("PHARMACIST"), List.of(FLEYRIAT_EJ), null);
        for (int quantity : new int[]{10, 12}) {
            assertEquals(200, API.call("PUT", LOTS, pharmacist, Map.of("lines", List.of(Map.of("productCode", "MPOX-MVA-BN",
                    "lot", "FDP00123", "expiry", "2027-06-30", "quantity", quantity)))).status());
        }
        Response order = API.call("POST", "/v1/orders", pharmacist, order(FLEYRIAT_ET, "MPOX-MVA-BN", 40),
                Map.of("Idempotency-Key", "erased-order-1"));
        assertEquals(201, order.status(), order.body());
        orderId = (String) order.object().get("orderId");
        assertEquals(200, API.call("POST", "/v1/orders/" + orderId + "/cancel", pharmacist, null).status());
    }

    @Test
    void once_the_account_is_erased_its_lots_and_orders_name_the_pseudonym_and_erasing_again_changes_nothing() {
        // given the account's erasure recorded by the registers function
        String pseudonym = ErasureChecks.recorded(DYNAMODB.client(), EMAIL);

        // when the national operator erases its address from the State stock, twice
        Response erased = API.call("POST", "/v1/state-stock/erasures", NATIONAL, Map.of("email", EMAIL));
        List<Map<String, AttributeValue>> after = items(DYNAMODB.client(), "StateStockTable");
        Response again = API.call("POST", "/v1/state-stock/erasures", NATIONAL, Map.of("email", EMAIL));

        // then no item holds the address, the lots' revision and the order's steps name the pseudonym, the
        // catalogue's trail still names the operator, and the second call changes nothing
        assertEquals(200, erased.status(), erased.body());
        assertEquals(3, ((Number) erased.object().get("changed")).intValue(), erased.body());
        assertEquals(List.of(), holding(DYNAMODB.client(), "StateStockTable", EMAIL));
        Response history = API.call("GET", LOTS + "/history", NATIONAL, null);
        assertEquals("ph-erased <" + pseudonym + ">",
                ((Map<?, ?>) ((List<?>) history.object().get("revisions")).get(0)).get("declaredBy"));
        List<?> steps = (List<?>) API.call("GET", "/v1/orders/" + orderId, NATIONAL, null).object().get("history");
        assertEquals(List.of("ph-erased <" + pseudonym + ">", "ph-erased <" + pseudonym + ">"),
                steps.stream().map(s -> ((Map<?, ?>) s).get("by")).toList());
        assertEquals(List.of(), holding(DYNAMODB.client(), "StateStockTable", "erased-").stream()
                .filter(i -> i.get("pk").s().startsWith("PRODUCT#")).toList());
        assertEquals(0, ((Number) again.object().get("changed")).intValue(), again.body());
        assertEquals(after, items(DYNAMODB.client(), "StateStockTable"));
    }

    @Test
    void only_the_national_operator_erases_after_the_registers_and_a_bad_address_is_named() {
        // given the account's erasure recorded, and an address whose erasure is not
        ErasureChecks.recorded(DYNAMODB.client(), EMAIL);

        // when every other account asks, and the national operator for the other address and bad ones
        List<String> problems = ErasureChecks.refusals(API, ACCOUNTS, "/v1/state-stock/erasures", EMAIL,
                "operateur@sante.gouv.fr", DYNAMODB.client(), "StateStockTable");

        // then refused, not found, named; nothing written
        assertEquals(List.of(), problems);
    }
}
