package fr.dispostock.bench.coldstart;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.net.URI;
import java.util.Map;

/**
 * The baseline of the cold-start benchmark: a framework-less handler doing the core of
 * GET /v1/puis/{finessEt} with the bare SDK (one GetItem) — no routing, no token check, no JSON
 * library. What the registers function adds on top of it is what the benchmark measures.
 */
public class BareSdkPuiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final DynamoDbClient dynamoDb = DynamoDbClient.builder()
            .endpointOverride(URI.create(System.getenv("DISPOSTOCK_DYNAMODB_ENDPOINT")))
            .region(Region.EU_WEST_3)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .httpClient(UrlConnectionHttpClient.create())
            .build();

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String path = event.getRawPath();
        String finessEt = path.substring(path.lastIndexOf('/') + 1);
        Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName("RegistersTable")
                .key(Map.of("pk", AttributeValue.fromS("PUI#" + finessEt), "sk", AttributeValue.fromS("#")))).item();
        if (item == null || item.isEmpty()) {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(404).build();
        }
        String body = "{\"finessEt\":\"" + item.get("finessEt").s() + "\",\"name\":\"" + item.get("name").s()
                + "\",\"email\":\"" + item.get("email").s() + "\"}";
        return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                .withHeaders(Map.of("Content-Type", "application/json")).withBody(body).build();
    }
}
