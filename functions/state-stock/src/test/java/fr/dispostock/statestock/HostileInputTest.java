package fr.dispostock.statestock;

import fr.dispostock.embedded.DynamoDbLocalExtension;
import fr.dispostock.embedded.HostileInput;
import fr.dispostock.embedded.HostileInputProperties;
import org.junit.jupiter.api.BeforeAll;

import java.util.List;
import java.util.Map;

import static fr.dispostock.statestock.StateStockFunction.*;

/** Every route of the State-stock function's OpenAPI description, called with generated hostile values. */
class HostileInputTest extends HostileInputProperties {
    static final HostileInput ROUTES = HostileInput.fromOpenApi("dispostock-state-stock-1.yml");
    static Map<String, String> known;

    @BeforeAll
    static void catalogueAndAnApprovedOrder() {
        registersAndCatalogue();
        String orderId = (String) API.call("POST", "/v1/orders", PH_FLEYRIAT, order(FLEYRIAT_ET, "TECOVIRIMAT-200", 42),
                Map.of("Idempotency-Key", "hostile-suite-order")).object().get("orderId");
        API.call("POST", "/v1/orders/" + orderId + "/review", ARS_84, Map.of("lines", List.of(
                Map.of("productCode", "TECOVIRIMAT-200", "approvedQuantity", 42))));
        known = Map.of("finessEt", FLEYRIAT_ET, "date", THURSDAY, "region", "84", "orderId", orderId,
                "code", "MPOX-MVA-BN", "status", "APPROVED");
        ROUTES.remember(API, DynamoDbLocalExtension.dynamoDb(), ACCOUNTS, known,
                () -> API.call("GET", "/v1/state-stock/products", NATIONAL, null));
    }

    @Override
    protected HostileInput routes() {
        return ROUTES;
    }

    @Override
    protected List<String> accounts() {
        return List.of("NATIONAL", "ARS-own", "PHARMACIST-own", "SUPPLIER");
    }
}
