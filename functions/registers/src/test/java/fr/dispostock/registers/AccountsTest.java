package fr.dispostock.registers;

import fr.dispostock.domain.register.Account;
import fr.dispostock.domain.register.AccountStore;
import fr.dispostock.embedded.CapturedOutput;
import fr.dispostock.embedded.DynamoDbLocalExtension;
import fr.dispostock.embedded.HttpApiHarness.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static fr.dispostock.registers.RegistersFunction.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(DynamoDbLocalExtension.class)
class AccountsTest {

    @BeforeEach
    void emptyRegisters() {
        DynamoDbLocalExtension.dynamoDb().deleteAllItems("RegistersTable");
    }

    private static AccountStore accounts() {
        return API.context().getBean(AccountStore.class);
    }

    @Test
    void an_account_is_recorded_the_first_time_it_calls_with_a_valid_token() {
        // given a pharmacist of an establishment in Ain whom Dispostock has never seen
        String token = TOKENS.token("ph-new", "Pharmacie@CH-Bourg.fr", List.of("PHARMACIST"), List.of(CH_FLEYRIAT_EJ), null);

        // when it reads the medicines
        API.call("GET", "/v1/medicines", token, null);

        // then its account is known, with its e-mail and the region of its establishment
        Account account = accounts().all().stream().filter(a -> a.subject().equals("ph-new")).findFirst().orElseThrow();
        assertEquals("Pharmacie@CH-Bourg.fr", account.email());
        assertEquals("84", account.regions().iterator().next().code());
    }

    @Test
    void recording_and_importing_accounts_logs_json_without_any_address() {
        try (CapturedOutput out = CapturedOutput.start()) {
            // when an account calls for the first time, and the national operator imports an export with
            // good and bad lines
            String token = TOKENS.token("u-first", "pharmacie@ch-bourg.fr", List.of("PHARMACIST"), List.of("010780054"), null);
            API.call("GET", "/v1/medicines", token, null);
            Response r = API.call("POST", "/v1/accounts/import", NATIONAL, String.join("\n", "sub;email;roles;finessEj;region",
                    "u-1;agent@ars-ara.sante.fr;ARS;;84", "u-3;x@y.fr;ADMIN;;", "u-4;not-an-address@;OMEDIT;;84"));

            // then what was written is JSON records without any of the addresses
            assertEquals(200, r.status(), r.body());
            assertFalse(out.records().isEmpty());
            assertFalse(out.hasAnAddress(), out.text());
        }
    }

    @Test
    void the_national_operator_imports_the_identity_platform_export_line_by_line() {
        // given an export with two good lines, an unknown role and a bad e-mail
        String csv = String.join("\n", "sub;email;roles;finessEj;region",
                "u-1;agent@ars-ara.sante.fr;ARS;;84",
                "u-2;ph@ch-bourg.fr;PHARMACIST;010780054;",
                "u-3;x@y.fr;ADMIN;;",
                "u-4;not-an-address;OMEDIT;;84");

        // when the national operator imports it, and an ARS tries
        Response r = API.call("POST", "/v1/accounts/import", NATIONAL, csv);
        Response ars = API.call("POST", "/v1/accounts/import", ARS_84, csv);

        // then two accounts are written and the two bad lines are named
        assertEquals(200, r.status(), r.body());
        assertEquals(2, ((Number) r.object().get("created")).intValue());
        assertEquals(List.of(4, 5), ((List<?>) r.object().get("rejected")).stream()
                .map(x -> ((Number) ((Map<?, ?>) x).get("line")).intValue()).toList());
        assertTrue(accounts().all().stream().anyMatch(a -> a.subject().equals("u-2")));
        assertEquals(403, ars.status());
    }
}
