package fr.dispostock.registers;

import fr.dispostock.embedded.DynamoDbLocalExtension;
import fr.dispostock.embedded.HttpApiHarness;
import fr.dispostock.embedded.LocalTokens;

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
    static final HttpApiHarness API = new HttpApiHarness(DynamoDbLocalExtension.dynamoDb(), TOKENS, Map.of());

    /** Ain (01) is in Auvergne-Rhône-Alpes (84); Corse-du-Sud (2A) in Corse (94). */
    static final String CH_FLEYRIAT_EJ = "010780054";
    static final String CH_FLEYRIAT_ET = "010000024";

    static final String NATIONAL = TOKENS.token("dgs-1", "operateur@sante.gouv.fr", List.of("NATIONAL"), List.of(), null);
    static final String ARS_84 = TOKENS.token("ars-84", "agent@ars.sante.fr", List.of("ARS"), List.of(), "84");
    static final String ARS_94 = TOKENS.token("ars-94", "agent@ars-corse.sante.fr", List.of("ARS"), List.of(), "94");
    static final String OMEDIT_84 = TOKENS.token("omedit-84", null, List.of("OMEDIT"), List.of(), "84");
    static final String PHARMACIST_FLEYRIAT = TOKENS.token("ph-1", "pharmacie@ch-bourg.fr", List.of("PHARMACIST"),
            List.of(CH_FLEYRIAT_EJ), null);
    static final String PHARMACIST_ELSEWHERE = TOKENS.token("ph-2", "pharmacie@ailleurs.fr", List.of("PHARMACIST"),
            List.of("2A0000014"), null);
    static final String SUPPLIER = TOKENS.token("spf-1", "logistique@santepubliquefrance.fr", List.of("SUPPLIER"),
            List.of(), null);

    private RegistersFunction() {
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
