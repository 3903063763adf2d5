package fr.dispostock.statestock;

import fr.dispostock.domain.register.RegisterStore;
import fr.dispostock.embedded.DynamoDbLocalExtension;
import fr.dispostock.embedded.HttpApiHarness;
import fr.dispostock.embedded.LocalTokens;
import fr.dispostock.embedded.RegisterFixtures;
import fr.dispostock.embedded.ScopeMatrix;
import fr.dispostock.embedded.SecretsManagerEmulator;

import java.util.List;
import java.util.Map;

/**
 * The State-stock function as Lambda runs it, on DynamoDB Local, on Thursday 26 November 2026 at
 * 09:00 in Paris, with two real PUIs (Ain, region 84; Corse-du-Sud, region 94) and today's catalogue.
 */
final class StateStockFunction {
    static final LocalTokens TOKENS = LocalTokens.generate();
    static final HttpApiHarness API = new HttpApiHarness(DynamoDbLocalExtension.dynamoDb(), TOKENS,
            SecretsManagerEmulator.withPseudonymKeySecret(Map.of("dispostock.clock.fixed", "2026-11-26T08:00:00Z")));
    static final String THURSDAY = "2026-11-26";

    static final String FLEYRIAT_ET = "010000024";
    static final String FLEYRIAT_EJ = "010780054";
    static final String AJACCIO_ET = "2A0000022";
    static final String AJACCIO_EJ = "2A0000014";

    /** The kinds of account of the scope matrix: "own" is CH de Fleyriat and region 84, "other" Corsica. */
    static final Map<String, String> ACCOUNTS = ScopeMatrix.accounts(TOKENS, FLEYRIAT_EJ, AJACCIO_EJ);
    static final String NATIONAL = ACCOUNTS.get("NATIONAL");
    static final String ARS_84 = ACCOUNTS.get("ARS-own");
    static final String ARS_94 = ACCOUNTS.get("ARS-other");
    static final String OMEDIT_84 = ACCOUNTS.get("OMEDIT-own");
    static final String PH_FLEYRIAT = ACCOUNTS.get("PHARMACIST-own");
    static final String PH_AJACCIO = ACCOUNTS.get("PHARMACIST-other");
    static final String SUPPLIER = ACCOUNTS.get("SUPPLIER");

    private StateStockFunction() {
    }

    /** Empty tables, two PUIs, and the catalogue: MPox vaccine with its syringes, tecovirimat. */
    static void registersAndCatalogue() {
        DynamoDbLocalExtension.dynamoDb().deleteAllItems("RegistersTable");
        DynamoDbLocalExtension.dynamoDb().deleteAllItems("StateStockTable");
        RegisterStore registers = API.context().getBean(RegisterStore.class);
        RegisterFixtures.pui(registers, FLEYRIAT_ET, FLEYRIAT_EJ, "CH DE FLEYRIAT", "01");
        RegisterFixtures.pui(registers, AJACCIO_ET, AJACCIO_EJ, "CH ND LA MISERICORDE", "2A");
        created(API.call("PUT", "/v1/state-stock/products/SYRINGE-1ML", NATIONAL, Map.of("name",
                "Seringue 1 mL avec aiguille", "kind", "DEVICE", "unit", "piece", "packSize", 100)));
        created(API.call("PUT", "/v1/state-stock/products/MPOX-MVA-BN", NATIONAL, Map.of("name",
                "Vaccin variole et mpox MVA-BN", "kind", "VACCINE", "unit", "dose", "packSize", 20,
                "devices", List.of(Map.of("code", "SYRINGE-1ML", "perUnit", 1)))));
        created(API.call("PUT", "/v1/state-stock/products/TECOVIRIMAT-200", NATIONAL, Map.of("name",
                "Técovirimat 200 mg gélule", "kind", "ANTIVIRAL", "unit", "capsule", "packSize", 42)));
    }

    private static void created(HttpApiHarness.Response r) {
        if (r.status() != 201) {
            throw new IllegalStateException(r.body());
        }
    }

    static Map<String, Object> order(String finessEt, Object... productAndQuantity) {
        java.util.List<Map<String, Object>> lines = new java.util.ArrayList<>();
        for (int i = 0; i < productAndQuantity.length; i += 2) {
            lines.add(Map.of("productCode", productAndQuantity[i], "quantity", productAndQuantity[i + 1]));
        }
        return Map.of("finessEt", finessEt, "lines", lines);
    }
}
