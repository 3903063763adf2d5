package fr.dispostock.platform.dynamo;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which tables SnapStart priming reads: only those the function's template entry gives it. */
class DynamoDbPrimingTest {
    private static final Tables CAMPAIGNS_JAR = new Tables("RegistersTable", "DeclarationsTable", null, "MailTable", null);

    @Test
    void in_lambda_a_function_sharing_its_jar_primes_only_the_tables_its_own_variables_name() {
        // given the sender's environment (the MailTable only) and the campaigns jar's configuration (three tables)
        Map<String, String> environment = Map.of("DISPOSTOCK_TABLES_MAIL", "stack-MailTable-1A2B",
                "AWS_REGION", "eu-west-3");

        // when the tables to prime are chosen
        List<String> primed = DynamoDbPriming.given(environment, CAMPAIGNS_JAR);

        // then only the MailTable is read, under its name in AWS
        assertEquals(List.of("stack-MailTable-1A2B"), primed);
    }

    @Test
    void outside_lambda_the_configured_tables_are_primed() {
        // given no table variable (tests, the local platform)
        // when the tables to prime are chosen
        List<String> primed = DynamoDbPriming.given(Map.of(), CAMPAIGNS_JAR);

        // then every configured table is read
        assertEquals(List.of("RegistersTable", "DeclarationsTable", "MailTable"), primed);
    }
}
