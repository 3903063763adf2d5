package fr.dispostock.bench.coldstart.runtime;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;

import java.io.FileInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Runs in a fresh JVM what the Lambda Java runtime does on a cold start: loads the handler class,
 * builds it with its no-arg constructor, reads the event JSON with the runtime's own serializer
 * (aws-lambda-java-serialization), invokes once. Then, and only then (the management classes are
 * not free), prints one line for the parent:
 * {@code RESULT <status> <ms launch→answer> <ms JVM start→answer> <ms launch→handler built> <body>}.
 *
 * <p>Arguments: handler class, event JSON file, launch time (epoch millis, taken by the parent just
 * before it started this process). Lives in its own small jar, beside the function's jar, as the
 * runtime lives beside /var/task.
 */
public final class FirstInvocation {
    private FirstInvocation() {
    }

    public static void main(String[] args) throws Exception {
        long launchedAt = Long.parseLong(args[2]);
        @SuppressWarnings("unchecked")
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler =
                (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) Class.forName(args[0])
                        .getDeclaredConstructor().newInstance();
        long constructedAt = System.currentTimeMillis();
        APIGatewayV2HTTPEvent event;
        try (InputStream in = new FileInputStream(args[1])) {
            event = LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class,
                    FirstInvocation.class.getClassLoader()).fromJson(in);
        }
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, new BenchLambdaContext());
        long answeredAt = System.currentTimeMillis();

        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        String body = response.getBody() == null ? "" : response.getIsBase64Encoded()
                ? new String(Base64.getDecoder().decode(response.getBody()), StandardCharsets.UTF_8) : response.getBody();
        System.out.println("RESULT " + response.getStatusCode() + " " + (answeredAt - launchedAt) + " "
                + (answeredAt - jvmStart) + " " + (constructedAt - launchedAt) + " " + body.replace('\n', ' '));
        System.out.flush();
        System.exit(0);
    }
}
