package fr.dispostock.registers;

import fr.dispostock.embedded.DynamoDbLocalExtension;
import fr.dispostock.embedded.HostileInput;
import fr.dispostock.embedded.HostileInputProperties;
import org.junit.jupiter.api.BeforeAll;

import java.util.List;
import java.util.Map;

import static fr.dispostock.registers.RegistersFunction.*;

/** Every route of the registers function's OpenAPI description, called with generated hostile values. */
class HostileInputTest extends HostileInputProperties {
    static final HostileInput ROUTES = HostileInput.fromOpenApi("dispostock-registers-1.yml");
    static final Map<String, String> KNOWN = Map.of("finessEj", CH_FLEYRIAT_EJ, "finessEt", CH_FLEYRIAT_ET,
            "itemId", "regional-84", "id", "regional-84", "region", "84", "activeOn", "2026-11-23");

    @BeforeAll
    static void registersWithOneOfEverything() {
        ScopeMatrixTest.registersWithOneOfEverything();
        // each account is recorded on its first call: done here, so that the suite sees only what hostile calls write
        ACCOUNTS.values().forEach(token -> API.call("GET", "/v1/medicines", token, null));
        ROUTES.remember(API, DynamoDbLocalExtension.dynamoDb(), ACCOUNTS, KNOWN,
                () -> API.call("GET", "/v1/medicines", NATIONAL, null));
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
