package fr.dispostock.campaigns;

import fr.dispostock.domain.Csv;
import fr.dispostock.domain.register.RegisterStore;
import fr.dispostock.embedded.DynamoDbLocalExtension;
import fr.dispostock.embedded.HttpApiHarness;
import fr.dispostock.embedded.LocalTokens;
import fr.dispostock.embedded.RegisterFixtures;
import fr.dispostock.embedded.ScopeMatrix;
import fr.dispostock.embedded.SecretsManagerEmulator;
import fr.dispostock.embedded.SesEmulator;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The campaigns function as Lambda runs it, on DynamoDB Local, sending through the real SES v2
 * client to the SES emulator; the PUIs are the 132 real FINESS sites of Ain (region 84) and
 * Corse-du-Sud (region 94).
 */
final class CampaignsFunction {
    static final SesEmulator SES = SesEmulator.withMaxSendRate(1000);
    static final LocalTokens TOKENS = LocalTokens.generate();
    /** What template.yaml gives the sender: its From address and the configuration set (named "dispostock" there). */
    static final Map<String, Object> MAIL = Map.of("dispostock.mail.from", "Dispostock <no-reply@dispostock.invalid>",
            "dispostock.ses.configuration-set", "dispostock");
    /** As template.yaml deploys it, the pace read from the account (GetAccount). */
    static final HttpApiHarness API = new HttpApiHarness(DynamoDbLocalExtension.dynamoDb(), TOKENS, withEndpoint());
    static final Map<String, String> ACCOUNTS = ScopeMatrix.accounts(TOKENS, "010780054", "2A0000014");
    static final String NATIONAL = ACCOUNTS.get("NATIONAL");
    static final String ARS_84 = ACCOUNTS.get("ARS-own");
    static final JsonMapper JSON = API.context().getBean(JsonMapper.class);

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(SES::close));
    }

    private CampaignsFunction() {
    }

    private static Map<String, Object> withEndpoint() {
        Map<String, Object> properties = new java.util.HashMap<>(MAIL);
        properties.put("dispostock.ses.endpoint", SES.endpoint().toString());
        return SecretsManagerEmulator.withPseudonymKeySecret(properties);
    }

    /** Every site of the slice as a PUI; how many are in region 84. */
    static int puis() {
        for (String table : List.of("RegistersTable", "DeclarationsTable", "MailTable")) {
            DynamoDbLocalExtension.dynamoDb().deleteAllItems(table);
        }
        RegisterStore registers = API.context().getBean(RegisterStore.class);
        int region84 = 0;
        try (InputStream in = CampaignsFunction.class.getResourceAsStream("/finess/finess-ain-corse-du-sud.csv")) {
            for (Csv.Row row : Csv.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)).rows()) {
                RegisterFixtures.pui(registers, row.get("nofinesset"), row.get("nofinessej"), row.get("rs"),
                        row.get("code_departement"));
                region84 += "84".equals(row.get("code_region")) ? 1 : 0;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SES.clear();
        return region84;
    }

    /** The recipients of every mail the emulator received. */
    static List<String> mailed() {
        return SES.recipients();
    }

    static Map<String, Object> campaign(String type, String region) {
        java.util.HashMap<String, Object> audience = new java.util.HashMap<>();
        audience.put("type", type);
        if (region != null) {
            audience.put("region", region);
        }
        return Map.of("subject", "Nouveau médicament suivi", "bodyText", "Bonjour, la cisplatine entre en suivi national.",
                "audience", audience);
    }
}
