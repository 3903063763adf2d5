package fr.dispostock.campaigns;

import fr.dispostock.embedded.DynamoDbLocalExtension;
import fr.dispostock.embedded.HostileInput;
import fr.dispostock.embedded.HostileInputProperties;
import org.junit.jupiter.api.BeforeAll;

import java.util.List;
import java.util.Map;

import static fr.dispostock.campaigns.CampaignsFunction.*;

/** Every route of the campaigns function's OpenAPI description, called with generated hostile values. */
class HostileInputTest extends HostileInputProperties {
    static final HostileInput ROUTES = HostileInput.fromOpenApi("dispostock-campaigns-1.yml");
    static Map<String, String> known;

    @BeforeAll
    static void aDraftOfRegion84() {
        puis();
        known = Map.of("campaignId", (String) API.call("POST", "/v1/campaigns", NATIONAL, campaign("REGION", "84"))
                .object().get("campaignId"));
        ROUTES.remember(API, DynamoDbLocalExtension.dynamoDb(), ACCOUNTS, known,
                () -> API.call("GET", "/v1/campaigns/" + known.get("campaignId"), NATIONAL, null));
    }

    @Override
    protected HostileInput routes() {
        return ROUTES;
    }

    @Override
    protected List<String> accounts() {
        return List.of("NATIONAL", "ARS-own");
    }
}
