package fr.dispostock.registers;

import fr.dispostock.embedded.DynamoDbLocalExtension;
import fr.dispostock.embedded.HttpApiHarness;
import fr.dispostock.platform.dynamo.DynamoDbPriming;
import fr.dispostock.platform.lambda.HttpApiPriming;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.Select;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SnapStart: priming exists only where Lambda initialises for a snapshot; it reads every table it is told
 * about, and sends one request through the function that is refused and writes nothing.
 */
@ExtendWith(DynamoDbLocalExtension.class)
class SnapStartPrimingTest {

    @Test
    void during_a_snapstart_initialisation_the_dynamodb_client_is_primed_before_the_snapshot() {
        // given the function initialising as Lambda does for SnapStart (AWS_LAMBDA_INITIALIZATION_TYPE=snap-start)
        try (HttpApiHarness function = RegistersFunction.startedFor("snap-start")) {
            // when the runtime calls the hook before the snapshot
            DynamoDbPriming priming = function.context().getBean(DynamoDbPriming.class);

            // then the hook reads the registers table without failing
            assertDoesNotThrow(() -> priming.beforeCheckpoint(null));
            assertTrue(priming.primedTables().contains("RegistersTable"), priming.primedTables().toString());
        }
    }

    @Test
    void during_a_snapstart_initialisation_a_request_is_primed_refused_and_nothing_is_written() {
        // given the function initialising for SnapStart, with registers already holding items
        RegistersFunction.importSlice();
        long itemsBefore = registerItems();
        try (HttpApiHarness function = RegistersFunction.startedFor("snap-start")) {
            // when the runtime calls the hook before the snapshot
            HttpApiPriming priming = function.context().getBean(HttpApiPriming.class);
            int status = priming.prime();

            // then the request went through the token check and was refused, leaving the table as it was
            assertEquals(401, status);
            assertEquals(itemsBefore, registerItems());
        }
    }

    @Test
    void outside_snapstart_nothing_is_primed() {
        // given the function initialising on demand (no snapshot)
        // then there is no priming bean at all
        assertFalse(RegistersFunction.API.context().containsBean(DynamoDbPriming.class));
        assertFalse(RegistersFunction.API.context().containsBean(HttpApiPriming.class));
    }

    private static long registerItems() {
        return DynamoDbLocalExtension.dynamoDb().client().scan(s -> s.tableName("RegistersTable")
                .select(Select.COUNT)).count();
    }
}
