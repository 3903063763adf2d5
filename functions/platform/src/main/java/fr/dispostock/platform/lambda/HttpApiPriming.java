package fr.dispostock.platform.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventHandler;
import org.crac.Core;
import org.crac.Resource;

import java.io.ByteArrayOutputStream;

/**
 * SnapStart priming of an HTTP function's request path: before Lambda snapshots the initialised
 * function, one request goes through it as API Gateway would send it and the runtime would hand it
 * over (the event's JSON read and the answer written by {@link LambdaJson}, event binding, routing,
 * the token check, a problem+json answer), so that a restored function does not load and link all
 * of that on a pharmacist's first request. Its token is well formed but signed by no key of the
 * identity platform: the request is refused (401) and writes nothing. The DynamoDB client has its own
 * priming ({@code DynamoDbPriming}). Only where Lambda initialises for a SnapStart snapshot.
 */
@Context
@Requires(property = "aws.lambda.initialization.type", value = "snap-start")
@Requires(classes = APIGatewayV2HTTPEventHandler.class)
public class HttpApiPriming implements Resource {
    /** {"alg":"RS256","kid":"dispostock-priming"} . {"sub":"dispostock-priming"} . a signature that matches no key */
    private static final String UNVERIFIABLE_TOKEN = "eyJhbGciOiJSUzI1NiIsImtpZCI6ImRpc3Bvc3RvY2stcHJpbWluZyJ9"
            + ".eyJzdWIiOiJkaXNwb3N0b2NrLXByaW1pbmcifQ.cHJpbWluZw";

    private final APIGatewayV2HTTPEventHandler http;

    public HttpApiPriming(APIGatewayV2HTTPEventHandler http) {
        this.http = http;
        Core.getGlobalContext().register(this);
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // nothing to refresh: the request left no state behind
    }

    /** Sends the priming request through the function and writes its answer; the answer's status. */
    public int prime() {
        try (LambdaJson json = new LambdaJson()) {
            APIGatewayV2HTTPEvent event = json.fromJson("""
                    {"version": "2.0", "routeKey": "$default", "rawPath": "/v1/priming", "rawQueryString": "",
                     "headers": {"authorization": "Bearer %s", "accept": "application/json"},
                     "isBase64Encoded": false,
                     "requestContext": {"routeKey": "$default", "requestId": "dispostock-priming",
                       "http": {"method": "GET", "path": "/v1/priming", "protocol": "HTTP/1.1",
                                "sourceIp": "127.0.0.1", "userAgent": "dispostock-priming"}}}
                    """.formatted(UNVERIFIABLE_TOKEN), APIGatewayV2HTTPEvent.class);
            APIGatewayV2HTTPResponse answer = http.exchange(event, new APIGatewayV2HTTPResponse()).getResponse()
                    .getNativeResponse();
            json.toJson(answer, new ByteArrayOutputStream(), APIGatewayV2HTTPResponse.class);
            return answer.getStatusCode();
        }
    }
}
