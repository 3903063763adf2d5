package fr.dispostock.bench.coldstart;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import fr.dispostock.embedded.FakeLambdaContext;

import java.io.FileInputStream;
import java.io.InputStream;

/**
 * Runs in a fresh JVM what the Lambda Java runtime does on a cold start: loads the handler class,
 * builds it with its no-arg constructor, reads the event JSON, invokes once. Prints
 * "RESULT status millis constructed": from the parent's launch to the answer, and to the handler built.
 *
 * <p>Arguments: handler class, event JSON file, launch time (epoch millis, from the parent).
 */
public final class FirstInvocation {
    public static void main(String[] args) throws Exception {
        long launchedAt = Long.parseLong(args[2]);
        @SuppressWarnings("unchecked")
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler =
                (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) Class.forName(args[0])
                        .getDeclaredConstructor().newInstance();
        long constructed = System.currentTimeMillis() - launchedAt;
        APIGatewayV2HTTPEvent event;
        try (InputStream in = new FileInputStream(args[1])) {
            event = LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class,
                    FirstInvocation.class.getClassLoader()).fromJson(in);
        }
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, new FakeLambdaContext());
        long elapsed = System.currentTimeMillis() - launchedAt;
        System.out.println("RESULT " + response.getStatusCode() + " " + elapsed + " " + constructed);
        System.exit(0);
    }
}
