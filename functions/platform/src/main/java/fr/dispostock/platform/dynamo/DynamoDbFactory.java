package fr.dispostock.platform.dynamo;

import fr.dispostock.platform.aws.AwsClients;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** One DynamoDB client per function ({@link AwsClients}: Lambda's environment, or DynamoDB Local). */
@Factory
public class DynamoDbFactory {
    @Singleton
    DynamoDbClient dynamoDb(@Value("${dispostock.dynamodb.endpoint:}") String endpoint) {
        return AwsClients.build(DynamoDbClient.builder(), endpoint);
    }
}
