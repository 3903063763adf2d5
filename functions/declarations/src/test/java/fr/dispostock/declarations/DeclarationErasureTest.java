package fr.dispostock.declarations;

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

import static fr.dispostock.declarations.DeclarationsFunction.*;
import static fr.dispostock.embedded.ErasureChecks.holding;
import static fr.dispostock.embedded.ErasureChecks.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** POST /v1/declarations/erasures: an erased account's address leaves the declarations and their revisions. */
@ExtendWith(DynamoDbLocalExtension.class)
class DeclarationErasureTest {
    private static final String EMAIL = "jeanne.martin@ch-bourg.fr";
    private static final EmbeddedDynamoDb DYNAMODB = DynamoDbLocalExtension.dynamoDb();
    private static final String PUI = "/v1/puis/" + FLEYRIAT_ET + "/declarations/" + WEEK;

    @BeforeEach
    void aWeekDeclaredThenCorrectedByThePharmacist() {
        registers();
        String pharmacist = TOKENS.token("ph-erased", EMAIL, List.of("PHARMACIST"), List.of(FLEYRIAT_EJ), null);
        assertEquals(200, API.call("PUT", PUI, pharmacist, lines(line("cisplatine", 10, 1))).status());
        assertEquals(200, API.call("PUT", PUI, pharmacist, lines(line("cisplatine", 12, 1))).status());
        assertEquals(200, API.call("PUT", "/v1/puis/" + BUGEY_ET + "/declarations/" + WEEK, PH_BUGEY,
                lines(line("cisplatine", 3, 1))).status());
    }

    @Test
    void once_the_account_is_erased_its_declarations_name_the_pseudonym_and_erasing_again_changes_nothing() {
        // given the account's erasure recorded by the registers function
        String pseudonym = ErasureChecks.recorded(DYNAMODB.client(), EMAIL);

        // when the national operator erases its address from the declarations, twice
        Response erased = API.call("POST", "/v1/declarations/erasures", NATIONAL, Map.of("email", EMAIL.toUpperCase()));
        List<Map<String, AttributeValue>> after = items(DYNAMODB.client(), "DeclarationsTable");
        Response again = API.call("POST", "/v1/declarations/erasures", NATIONAL, Map.of("email", EMAIL));

        // then the week and its revision name the pseudonym, no item holds the address, the other PUI's
        // declaration is as it was, and the second call changes nothing
        assertEquals(200, erased.status(), erased.body());
        assertEquals(pseudonym, erased.object().get("pseudonym"));
        assertEquals(2, ((Number) erased.object().get("changed")).intValue());
        assertEquals(List.of(), holding(DYNAMODB.client(), "DeclarationsTable", EMAIL));
        Response history = API.call("GET", PUI + "/history", NATIONAL, null);
        assertEquals("ph-erased <" + pseudonym + ">",
                ((Map<?, ?>) ((List<?>) history.object().get("revisions")).get(0)).get("declaredBy"));
        assertEquals(1, holding(DYNAMODB.client(), "DeclarationsTable", "ph@bugey.fr").size());
        assertEquals(0, ((Number) again.object().get("changed")).intValue(), again.body());
        assertEquals(after, items(DYNAMODB.client(), "DeclarationsTable"));
    }

    @Test
    void only_the_national_operator_erases_after_the_registers_and_a_bad_address_is_named() {
        // given the account's erasure recorded, and an address whose erasure is not
        ErasureChecks.recorded(DYNAMODB.client(), EMAIL);

        // when every other account asks, and the national operator for the other address and bad ones
        List<String> problems = ErasureChecks.refusals(API, ACCOUNTS, "/v1/declarations/erasures", EMAIL,
                "ph@bugey.fr", DYNAMODB.client(), "DeclarationsTable");

        // then refused, not found, named; nothing written
        assertEquals(List.of(), problems);
    }
}
