package fr.dispostock.declarations;

import fr.dispostock.embedded.DynamoDbLocalExtension;
import fr.dispostock.embedded.HostileInput;
import fr.dispostock.embedded.HostileInputProperties;
import org.junit.jupiter.api.BeforeAll;

import java.util.List;
import java.util.Map;

import static fr.dispostock.declarations.DeclarationsFunction.*;

/** Every route of the declarations function's OpenAPI description, called with generated hostile values. */
class HostileInputTest extends HostileInputProperties {
    static final HostileInput ROUTES = HostileInput.fromOpenApi("dispostock-declarations-1.yml");
    static final Map<String, String> KNOWN = Map.of("finessEt", FLEYRIAT_ET, "week", WEEK, "region", "84",
            "itemId", "cisplatine", "by", "puis", "ucd", "9019840");

    @BeforeAll
    static void aDeclaredWeek() {
        registers();
        API.call("PUT", "/v1/puis/" + FLEYRIAT_ET + "/declarations/" + WEEK, PH_FLEYRIAT,
                lines(line("cisplatine", 10, 1)));
        ROUTES.remember(API, DynamoDbLocalExtension.dynamoDb(), ACCOUNTS, KNOWN,
                () -> API.call("GET", "/v1/puis/" + FLEYRIAT_ET + "/declarations/" + WEEK, PH_FLEYRIAT, null));
    }

    @Override
    protected HostileInput routes() {
        return ROUTES;
    }

    @Override
    protected List<String> accounts() {
        return List.of("NATIONAL", "ARS-own", "PHARMACIST-own");
    }
}
