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
import java.util.List;
import java.util.Map;

/**
 * The baseline of the cold-start benchmark: a framework-less handler doing the core of
 * GET /v1/puis/{finessEt} with the bare SDK — the DynamoDB client built in the constructor as the
 * registers function builds it (url-connection-client, region, static credentials against DynamoDB
 * Local), one GetItem on RegistersTable (pk=PUI#&lt;finessEt&gt;, sk=#), the PUI written as JSON by
 * hand — and verifying nothing else: no routing, no token check, no JSON library. What the registers
 * function adds on top of it is what the benchmark measures. Shaded alone with the SDK and the Lambda
 * event classes into bench/target/baseline-lambda.jar.
 */
public class BareSdkPuiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final List<String> FIELDS = List.of("finessEt", "finessEj", "name", "email", "phone", "line1",
            "line2", "postalCode", "city", "region", "departement");

    private final DynamoDbClient dynamoDb = DynamoDbClient.builder()
            .endpointOverride(URI.create(System.getenv("DISPOSTOCK_DYNAMODB_ENDPOINT")))
            .region(Region.of(System.getenv().getOrDefault("AWS_REGION", "eu-west-3")))
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
        StringBuilder json = new StringBuilder("{");
        for (String field : FIELDS) {
            AttributeValue v = item.get(field);
            json.append(json.length() > 1 ? "," : "").append('"').append(field).append("\":");
            if (v == null || v.s() == null) {
                json.append("null");
            } else {
                json.append('"').append(v.s().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        }
        json.append(",\"version\":").append(item.containsKey("version") ? item.get("version").n() : "0").append('}');
        return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                .withHeaders(Map.of("Content-Type", "application/json")).withBody(json.toString()).build();
    }
}
