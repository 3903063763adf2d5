package fr.dispostock.declarations;

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
 * The declarations function as Lambda runs it, on DynamoDB Local, on Monday 23 November 2026 at
 * 09:00 in Paris; and the registers it reads: three real PUIs (two in Ain, region 84, one in
 * Corse-du-Sud, region 94) and three tracked items.
 */
final class DeclarationsFunction {
    static final LocalTokens TOKENS = LocalTokens.generate();
    static final String MONDAY_0900_PARIS = "2026-11-23T08:00:00Z";
    static final HttpApiHarness API = harness(MONDAY_0900_PARIS);

    static final String WEEK = "2026-W48";
    static final String FLEYRIAT_ET = "010000024";
    static final String FLEYRIAT_EJ = "010780054";
    static final String BUGEY_ET = "010000032";
    static final String BUGEY_EJ = "010780062";
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
    static final String PH_BUGEY = TOKENS.token("ph-bugey", "ph@bugey.fr", List.of("PHARMACIST"), List.of(BUGEY_EJ), null);
    static final String SUPPLIER = ACCOUNTS.get("SUPPLIER");
    /** CH de Fleyriat's stock software, client "logiciel-own" (OAuth client credentials). */
    static final String CLIENT_FLEYRIAT = ACCOUNTS.get("CLIENT-own");

    private DeclarationsFunction() {
    }

    static HttpApiHarness harness(String now) {
        return new HttpApiHarness(DynamoDbLocalExtension.dynamoDb(), TOKENS,
                SecretsManagerEmulator.withPseudonymKeySecret(Map.of("dispostock.clock.fixed", now)));
    }

    /** Empty tables, then the registers the declarations rely on. */
    static void registers() {
        DynamoDbLocalExtension.dynamoDb().deleteAllItems("RegistersTable");
        DynamoDbLocalExtension.dynamoDb().deleteAllItems("DeclarationsTable");
        RegisterStore store = API.context().getBean(RegisterStore.class);
        RegisterFixtures.pui(store, FLEYRIAT_ET, FLEYRIAT_EJ, "CH DE FLEYRIAT", "01");
        RegisterFixtures.pui(store, BUGEY_ET, BUGEY_EJ, "CH HAUT BUGEY", "01");
        RegisterFixtures.pui(store, AJACCIO_ET, AJACCIO_EJ, "CH ND LA MISERICORDE", "2A");
        RegisterFixtures.item(store, "cisplatine", "9019840", List.of());
        RegisterFixtures.item(store, "lomustine", "9009994", List.of());
        RegisterFixtures.item(store, "vincristine-ara", "9065107", List.of("84"));
    }

    static Map<String, Object> line(String itemId, Object stock, Object cmj) {
        java.util.HashMap<String, Object> l = new java.util.HashMap<>();
        l.put("itemId", itemId);
        l.put("stock", stock);
        l.put("averageDailyConsumption", cmj);
        return l;
    }

    static Map<String, Object> lines(Object... lines) {
        return Map.of("lines", List.of(lines));
    }
}
