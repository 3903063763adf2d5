package fr.dispostock.registers;

import fr.dispostock.embedded.DynamoDbLocalExtension;
import fr.dispostock.embedded.HttpApiHarness;
import fr.dispostock.platform.auth.TokenVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Start-up as Lambda does it (LambdaContexts): on an on-demand cold start the request builds only the
 * singletons it needs; where the start-up happens before any request (SnapStart, provisioned
 * concurrency), every singleton is built then.
 */
@ExtendWith(DynamoDbLocalExtension.class)
class LambdaStartUpTest {

    @Test
    void on_demand_the_singletons_wait_for_the_first_request_that_needs_them() {
        // given the function started on demand
        try (HttpApiHarness function = RegistersFunction.startedFor("on-demand")) {
            // then neither the DynamoDB client nor the token verifier exists yet
            assertFalse(built(function, DynamoDbClient.class), "DynamoDB client built at start-up");
            assertFalse(built(function, TokenVerifier.class), "token verifier built at start-up");

            // when a pharmacist reads the medicines
            HttpApiHarness.Response r = function.call("GET", "/v1/medicines", RegistersFunction.PHARMACIST_FLEYRIAT, null);

            // then the request is answered, having built what it needed
            assertEquals(200, r.status(), r.body());
            assertTrue(built(function, DynamoDbClient.class), "DynamoDB client not built by the request");
            assertTrue(built(function, TokenVerifier.class), "token verifier not built by the request");
        }
    }

    @Test
    void for_a_snapshot_every_singleton_is_built_before_any_request() {
        // given the function started as Lambda does for a SnapStart snapshot
        try (HttpApiHarness function = RegistersFunction.startedFor("snap-start")) {
            // then the DynamoDB client and the token verifier are there before the first request
            assertTrue(built(function, DynamoDbClient.class), "DynamoDB client not built at start-up");
            assertTrue(built(function, TokenVerifier.class), "token verifier not built at start-up");
        }
    }

    private static boolean built(HttpApiHarness function, Class<?> type) {
        return !function.context().getActiveBeanRegistrations(type).isEmpty();
    }
}
