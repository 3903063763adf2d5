package fr.dispostock.campaigns;

import fr.dispostock.domain.Region;
import fr.dispostock.domain.Role;
import fr.dispostock.domain.mail.MailingStore;
import fr.dispostock.domain.register.Account;
import fr.dispostock.domain.register.AccountStore;
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
import java.util.Set;

import static fr.dispostock.campaigns.CampaignsFunction.*;
import static fr.dispostock.embedded.ErasureChecks.holding;
import static fr.dispostock.embedded.ErasureChecks.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * POST /v1/campaigns/erasures: an erased account's address leaves the campaigns' recipients, and its
 * suppression (it bounced) stays, under the pseudonym.
 */
@ExtendWith(DynamoDbLocalExtension.class)
class MailErasureTest {
    private static final String EMAIL = "jeanne.martin@ch-bourg.fr";
    private static final EmbeddedDynamoDb DYNAMODB = DynamoDbLocalExtension.dynamoDb();

    @BeforeEach
    void anAccountMailedByACampaignWhoseAddressThenBounced() {
        for (String table : List.of("RegistersTable", "DeclarationsTable", "MailTable")) {
            DYNAMODB.deleteAllItems(table);
        }
        API.context().getBean(AccountStore.class).importAll(List.of(
                new Account("ph-erased", EMAIL, Set.of(Role.ARS), Set.of(), Region.parse("84")),
                new Account("ars-94", "agent@ars-corse.sante.fr", Set.of(Role.ARS), Set.of(), Region.parse("94"))));
        Response campaign = API.call("POST", "/v1/campaigns", NATIONAL, campaign("ALL", null));
        assertEquals(2, ((Number) campaign.object().get("recipients")).intValue(), campaign.body());
        API.context().getBean(MailingStore.class).suppress(EMAIL.toUpperCase(), "bounce");
    }

    @Test
    void once_the_account_is_erased_no_mail_item_holds_its_address_and_it_is_still_suppressed() {
        // given the account's erasure recorded by the registers function
        String pseudonym = ErasureChecks.recorded(DYNAMODB.client(), EMAIL);

        // when the national operator erases its address from the mail, twice, then writes to all again
        Response erased = API.call("POST", "/v1/campaigns/erasures", NATIONAL, Map.of("email", EMAIL));
        List<Map<String, AttributeValue>> after = items(DYNAMODB.client(), "MailTable");
        Response again = API.call("POST", "/v1/campaigns/erasures", NATIONAL, Map.of("email", EMAIL));
        List<Map<String, AttributeValue>> afterAgain = items(DYNAMODB.client(), "MailTable");
        Response next = API.call("POST", "/v1/campaigns", NATIONAL, campaign("ALL", null));

        // then the recipients' batch and the suppressed address changed, none holds the address, the
        // suppression is kept under the pseudonym, a second erasure changes nothing, and the next campaign
        // (the account not yet forgotten by the registers here) still leaves the address out
        assertEquals(200, erased.status(), erased.body());
        assertEquals(2, ((Number) erased.object().get("changed")).intValue(), erased.body());
        assertEquals(List.of(), holding(DYNAMODB.client(), "MailTable", EMAIL));
        assertEquals("bounce", DYNAMODB.get("MailTable", Map.of("pk", AttributeValue.fromS("SUPPRESSED"),
                "sk", AttributeValue.fromS(pseudonym))).get("reason").s());
        assertEquals(0, ((Number) again.object().get("changed")).intValue(), again.body());
        assertEquals(after, afterAgain);
        assertEquals(1, ((Number) next.object().get("recipients")).intValue(), next.body());
        assertEquals(1, ((Number) next.object().get("suppressed")).intValue(), next.body());
        assertEquals(List.of(), holding(DYNAMODB.client(), "MailTable", EMAIL));
    }

    @Test
    void only_the_national_operator_erases_after_the_registers_and_a_bad_address_is_named() {
        // given the account's erasure recorded, and an address whose erasure is not
        ErasureChecks.recorded(DYNAMODB.client(), EMAIL);

        // when every other account asks, and the national operator for the other address and bad ones
        List<String> problems = ErasureChecks.refusals(API, ACCOUNTS, "/v1/campaigns/erasures", EMAIL,
                "agent@ars-corse.sante.fr", DYNAMODB.client(), "MailTable");

        // then refused, not found, named; nothing written
        assertEquals(List.of(), problems);
    }
}
