package fr.dispostock.registers;

import fr.dispostock.domain.erasure.Pseudonyms;
import fr.dispostock.embedded.DynamoDbLocalExtension;
import fr.dispostock.embedded.ErasureChecks;
import fr.dispostock.embedded.HttpApiHarness;
import fr.dispostock.embedded.SecretsManagerEmulator;
import fr.dispostock.platform.erasure.PseudonymFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static fr.dispostock.registers.RegistersFunction.NATIONAL;
import static fr.dispostock.registers.RegistersFunction.TOKENS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pseudonyms' key of a function (PseudonymFactory), the registers function standing for the five given it:
 * in AWS read once from the secret template.yaml names, else configured; neither, and the function does not start.
 */
@ExtendWith(DynamoDbLocalExtension.class)
class PseudonymKeyTest {
    /** The secret's ARN as template.yaml's policies grant it (IamTest checks the calls below against them). */
    private static final String ARN = SecretsManagerEmulator.arn("PseudonymKey");
    /** Not the tests' configured key: a pseudonym of this key can only come from the secret. */
    private static final String SECRET_KEY = "the-key-in-the-secret-only-not-the-configured-one-9876543210";
    private static final String EMAIL = "agent@ars-ara.sante.fr";

    private static HttpApiHarness startedWith(Map<String, Object> properties, String initializationType) {
        return new HttpApiHarness(DynamoDbLocalExtension.dynamoDb(), TOKENS, properties, initializationType);
    }

    private static Map<String, Object> secretAt(SecretsManagerEmulator secrets) {
        return Map.of(PseudonymFactory.SECRET_ARN, ARN, PseudonymFactory.ENDPOINT, secrets.endpoint().toString());
    }

    /** Every message of the failure and of its causes. */
    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t).append('\n');
        }
        return all.toString();
    }

    @Test
    void before_a_snapstart_snapshot_the_function_reads_the_key_from_its_secret_once_and_never_holds_it_in_its_configuration() {
        // given Secrets Manager holding a key other than the tests' configured one, and a function given the ARN only
        try (SecretsManagerEmulator secrets = new SecretsManagerEmulator(Map.of(ARN, SECRET_KEY));
             // when Lambda initialises it for a snapshot, then it answers two erasure requests
             HttpApiHarness function = startedWith(secretAt(secrets), "snap-start")) {
            int readBeforeAnyRequest = secrets.reads();
            int first = function.call("POST", "/v1/accounts/erasures", NATIONAL, Map.of("email", EMAIL)).status();
            int second = function.call("POST", "/v1/accounts/erasures", NATIONAL, Map.of("email", EMAIL)).status();

            // then the secret was read once, before any request; the pseudonyms are the secret's key's, and the
            // function's configuration holds no key
            assertEquals(1, readBeforeAnyRequest);
            assertEquals(1, secrets.reads());
            assertEquals(404, first, "no account has this address");
            assertEquals(404, second);
            assertEquals(new Pseudonyms(SECRET_KEY.getBytes(StandardCharsets.UTF_8)).of(EMAIL),
                    function.context().getBean(Pseudonyms.class).of(EMAIL));
            assertTrue(function.context().getProperty(PseudonymFactory.KEY, String.class).isEmpty());
        }
    }

    @Test
    void started_on_demand_the_function_reads_the_key_when_first_needed_and_only_then() {
        // given a function given the secret's ARN, started on demand
        try (SecretsManagerEmulator secrets = new SecretsManagerEmulator(Map.of(ARN, SECRET_KEY));
             HttpApiHarness function = startedWith(secretAt(secrets), "on-demand")) {
            int readAtStart = secrets.reads();

            // when a request that needs no key, then two erasures
            function.call("GET", "/v1/medicines", NATIONAL, null);
            int readBeforeErasures = secrets.reads();
            function.call("POST", "/v1/accounts/erasures", NATIONAL, Map.of("email", EMAIL));
            function.call("POST", "/v1/accounts/erasures", NATIONAL, Map.of("email", EMAIL));

            // then the secret is read at the first erasure, once
            assertEquals(0, readAtStart);
            assertEquals(0, readBeforeErasures);
            assertEquals(1, secrets.reads());
        }
    }

    @Test
    void without_the_secret_arn_the_configured_key_is_used_and_secrets_manager_is_never_called() {
        // given a function given no secret's ARN (locally, in tests): the configured key
        try (SecretsManagerEmulator secrets = new SecretsManagerEmulator(Map.of(ARN, SECRET_KEY));
             HttpApiHarness function = startedWith(Map.of(PseudonymFactory.ENDPOINT, secrets.endpoint().toString()),
                     "snap-start")) {
            // when it pseudonymises an address
            String pseudonym = function.context().getBean(Pseudonyms.class).of(EMAIL);

            // then with the configured key, Secrets Manager untouched
            assertEquals(ErasureChecks.PSEUDONYMS.of(EMAIL), pseudonym);
            assertEquals(0, secrets.reads());
        }
    }

    @Test
    void with_neither_the_secret_arn_nor_a_key_the_function_refuses_to_start_naming_the_variable() {
        // given a function given neither (as a template entry without DISPOSTOCK_PSEUDONYM_SECRET_ARN would)

        // when Lambda initialises it
        RuntimeException refused = assertThrows(RuntimeException.class,
                () -> startedWith(Map.of(PseudonymFactory.SECRET_ARN, ""), "snap-start").close());

        // then it does not start, and says which variable is missing
        assertTrue(messages(refused).contains("DISPOSTOCK_PSEUDONYM_SECRET_ARN is not set"), messages(refused));
    }

    @Test
    void a_secret_the_function_cannot_read_refuses_its_start_naming_the_secret() {
        // given Secrets Manager without the secret the function is given (deleted, another account's)
        try (SecretsManagerEmulator secrets = new SecretsManagerEmulator(Map.of())) {
            // when Lambda initialises the function
            RuntimeException refused = assertThrows(RuntimeException.class,
                    () -> startedWith(secretAt(secrets), "snap-start").close());

            // then it does not start, and names the secret and Secrets Manager's answer
            String text = messages(refused);
            assertTrue(text.contains("cannot read the pseudonym key from the secret " + ARN)
                    && text.contains("ResourceNotFoundException"), text);
        }
    }
}
