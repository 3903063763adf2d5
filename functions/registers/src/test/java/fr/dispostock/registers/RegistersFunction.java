package fr.dispostock.registers;

import fr.dispostock.embedded.DynamoDbLocalExtension;
import fr.dispostock.embedded.HttpApiHarness;
import fr.dispostock.embedded.LocalTokens;
import fr.dispostock.embedded.ScopeMatrix;
import fr.dispostock.embedded.SecretsManagerEmulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The registers function as Lambda runs it (its real handler class, real HTTP API events) on
 * DynamoDB Local, with the accounts the tests act as. One per test class: the Micronaut context
 * starts once.
 */
final class RegistersFunction {
    static final LocalTokens TOKENS = LocalTokens.generate();
    static final HttpApiHarness API = startedFor("on-demand");

    /** Ain (01) is in Auvergne-Rhône-Alpes (84); Corse-du-Sud (2A) in Corse (94). */
    static final String CH_FLEYRIAT_EJ = "010780054";
    static final String CH_FLEYRIAT_ET = "010000024";

    /** The kinds of account of the scope matrix: "own" is CH de Fleyriat and region 84, "other" Corsica. */
    static final Map<String, String> ACCOUNTS = ScopeMatrix.accounts(TOKENS, CH_FLEYRIAT_EJ, "2A0000014");
    static final String NATIONAL = ACCOUNTS.get("NATIONAL");
    static final String ARS_84 = ACCOUNTS.get("ARS-own");
    static final String ARS_94 = ACCOUNTS.get("ARS-other");
    static final String OMEDIT_84 = ACCOUNTS.get("OMEDIT-own");
    static final String PHARMACIST_FLEYRIAT = ACCOUNTS.get("PHARMACIST-own");
    static final String PHARMACIST_ELSEWHERE = ACCOUNTS.get("PHARMACIST-other");
    static final String SUPPLIER = ACCOUNTS.get("SUPPLIER");

    private RegistersFunction() {
    }

    /**
     * A fresh registers function started as Lambda starts it for {@code initializationType}
     * ({@code on-demand}, {@code provisioned-concurrency}, {@code snap-start}); the caller closes it.
     */
    static HttpApiHarness startedFor(String initializationType) {
        return new HttpApiHarness(DynamoDbLocalExtension.dynamoDb(), TOKENS,
                SecretsManagerEmulator.withPseudonymKeySecret(Map.of()), initializationType);
    }

    static String finessSlice() {
        try (InputStream in = RegistersFunction.class.getResourceAsStream("/finess/finess-ain-corse-du-sud.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The registers as an ARS would find them after loading the FINESS extract. */
    static void importSlice() {
        HttpApiHarness.Response r = API.call("POST", "/v1/establishments/import", NATIONAL, finessSlice());
        if (r.status() != 200) {
            throw new IllegalStateException("import failed: " + r.body());
        }
    }

    static Map<String, Object> puiBody(String finessEj) {
        return Map.of("finessEj", finessEj, "email", "pui@ch-fleyriat.fr", "phone", "04 74 45 41 41",
                "deliveryAddress", Map.of("line1", "900 route de Paris", "postalCode", "01440", "city", "Viriat"));
    }
}
