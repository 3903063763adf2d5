package fr.dispostock.registers;

import fr.dispostock.domain.Finess;
import fr.dispostock.domain.Region;
import fr.dispostock.domain.Role;
import fr.dispostock.domain.register.Account;
import fr.dispostock.domain.register.AccountStore;
import fr.dispostock.embedded.DynamoDbLocalExtension;
import fr.dispostock.embedded.EmbeddedDynamoDb;
import fr.dispostock.embedded.HttpApiHarness.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static fr.dispostock.embedded.ErasureChecks.PSEUDONYMS;
import static fr.dispostock.embedded.ErasureChecks.holding;
import static fr.dispostock.embedded.ErasureChecks.items;
import static fr.dispostock.embedded.ErasureChecks.refusals;
import static fr.dispostock.registers.RegistersFunction.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /v1/accounts/erasures: the national operator erases an account's address from the registers. */
@ExtendWith(DynamoDbLocalExtension.class)
class AccountErasureTest {
    private static final String EMAIL = "Agent.Efface@ARS-ara.sante.fr";
    private static final String ERASED_ARS = TOKENS.token("ars-erased", EMAIL, List.of("ARS"), List.of(), "84");
    private static final EmbeddedDynamoDb DYNAMODB = DynamoDbLocalExtension.dynamoDb();

    @BeforeEach
    void registersWithAPuiTheAgentWroteTwice() {
        DYNAMODB.deleteAllItems("RegistersTable");
        // the agent's account, and a colleague's whose address holds the agent's (never touched): recorded here,
        // the recorder writing an account once per instance and the table being emptied before each test
        AccountStore accounts = API.context().getBean(AccountStore.class);
        accounts.rememberIfNew(new Account("ars-erased", EMAIL, Set.of(Role.ARS), Set.of(), Region.parse("84")));
        accounts.rememberIfNew(new Account("ars-other", "x" + EMAIL, Set.of(Role.ARS), Set.of(), Region.parse("84")));
        importSlice();
        assertEquals(201, API.call("PUT", "/v1/puis/" + CH_FLEYRIAT_ET, ERASED_ARS, puiBody(CH_FLEYRIAT_EJ)).status());
        Map<String, Object> changed = new HashMap<>(puiBody(CH_FLEYRIAT_EJ));
        changed.put("phone", "04 74 45 41 42");
        assertEquals(200, API.call("PUT", "/v1/puis/" + CH_FLEYRIAT_ET, ERASED_ARS, changed, Map.of("If-Match", "\"1\"")).status());
    }

    @Test
    void the_national_operator_erases_an_account_its_trails_show_the_pseudonym_and_erasing_again_changes_nothing() {
        // given an ARS agent recorded as an account, author of two changes of a PUI
        assertTrue(holding(DYNAMODB.client(), "RegistersTable", EMAIL).size() >= 3);

        // when the national operator erases its address (written in another case)
        Response erased = API.call("POST", "/v1/accounts/erasures", NATIONAL, Map.of("email", EMAIL.toLowerCase()));
        List<Map<String, AttributeValue>> after = new ArrayList<>(items(DYNAMODB.client(), "RegistersTable"));
        Response again = API.call("POST", "/v1/accounts/erasures", NATIONAL, Map.of("email", EMAIL));

        // then no item holds the address but the colleague's, the trail names the pseudonym of the tests' key,
        // the account is forgotten, and the second erasure answers the same erasure and changes nothing
        assertEquals(201, erased.status(), erased.body());
        String pseudonym = PSEUDONYMS.of(EMAIL);
        assertEquals(pseudonym, erased.object().get("pseudonym"));
        assertEquals(3, ((Number) erased.object().get("changed")).intValue(), erased.body());
        assertEquals(List.of("ars-other"), holding(DYNAMODB.client(), "RegistersTable", EMAIL).stream()
                .map(i -> i.get("sub").s()).toList());
        List<?> trail = API.call("GET", "/v1/puis/" + CH_FLEYRIAT_ET + "/audit", NATIONAL, null).list();
        assertEquals(List.of("ars-erased <" + pseudonym + ">", "ars-erased <" + pseudonym + ">"),
                trail.stream().map(e -> ((Map<?, ?>) e).get("by")).toList());
        assertTrue(API.context().getBean(AccountStore.class).all().stream()
                .noneMatch(a -> a.subject().equals("ars-erased")));
        assertEquals(200, again.status(), again.body());
        assertEquals(0, ((Number) again.object().get("changed")).intValue());
        assertEquals(erased.object().get("erasedAt"), again.object().get("erasedAt"));
        assertEquals(after, items(DYNAMODB.client(), "RegistersTable"));
    }

    @Test
    void a_form_read_before_the_erasure_cannot_write_the_erased_address_back() {
        // given a pharmacist's account whose address is the PUI's contact (version 3), as a form read before the
        // erasure shows it
        String contact = "Contact.Pui@ch-fleyriat.fr";
        API.context().getBean(AccountStore.class).rememberIfNew(new Account("pui-contact", contact, Set.of(Role.PHARMACIST),
                Set.of(Finess.parse(CH_FLEYRIAT_EJ)), null));
        Map<String, Object> form = new HashMap<>(puiBody(CH_FLEYRIAT_EJ));
        form.put("email", contact);
        assertEquals(200, API.call("PUT", "/v1/puis/" + CH_FLEYRIAT_ET, NATIONAL, form, Map.of("If-Match", "\"2\"")).status());

        // when the address is erased, then the old form is saved with the version it was read at
        assertEquals(201, API.call("POST", "/v1/accounts/erasures", NATIONAL, Map.of("email", contact)).status());
        Response stale = API.call("PUT", "/v1/puis/" + CH_FLEYRIAT_ET, NATIONAL, form, Map.of("If-Match", "\"3\""));

        // then the erasure made a new version: the stale form is refused and the PUI keeps the pseudonym
        assertEquals(412, stale.status(), stale.body());
        Response now = API.call("GET", "/v1/puis/" + CH_FLEYRIAT_ET, NATIONAL, null);
        assertEquals(PSEUDONYMS.of(contact), now.object().get("email"));
        assertEquals("\"4\"", now.header("ETag"));
    }

    @Test
    void only_the_national_operator_erases_an_unknown_address_is_not_found_and_a_bad_one_is_named() {
        // given the accounts of every kind (recorded by a first call), the agent's address, and one no account has
        ACCOUNTS.values().forEach(token -> API.call("GET", "/v1/medicines", token, null));

        // when each asks for the erasure of the agent's, and the national operator for the unknown one and bad ones
        List<String> problems = refusals(API, ACCOUNTS, "/v1/accounts/erasures", EMAIL, "nobody@nowhere.fr",
                DYNAMODB.client(), "RegistersTable");

        // then all but the national operator are refused, the unknown address is not found, the bad ones are
        // named at /email, each a problem, and nothing was written
        assertEquals(List.of(), problems);
    }
}
