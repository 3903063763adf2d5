package fr.dispostock.bench.coldstart.runtime;

import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;

import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs in a fresh JVM what the Lambda Java runtime does on a cold start: loads the handler class,
 * builds it with its no-arg constructor, reads the event JSON, invokes once and writes the response
 * JSON. As the runtime (aws-lambda-java-runtime-interface-client's {@code PojoSerializerLoader}), it
 * reads and writes JSON with the function's own {@link CustomPojoSerializer} where the function's
 * classes provide exactly one through {@link ServiceLoader}, and otherwise with the runtime's
 * serializer for Lambda events (aws-lambda-java-serialization). Then, and only then (the management
 * classes are not free), prints one line for the parent:
 * {@code RESULT <status> <ms launch→answer> <ms JVM start→answer> <ms launch→handler built> <body>},
 * for an HTTP API event the status read back from the response JSON as API Gateway would read it and
 * the response's body; for another event (a handler taking a plain JSON object) {@code -} and the
 * answer's JSON.
 *
 * <p>Arguments: handler class, event JSON file, launch time (epoch millis, taken by the parent just
 * before it started this process), and optionally the class the handler takes (the HTTP API event
 * unless said). Lives in its own small jar, beside the function's jar, as the runtime lives beside
 * /var/task.
 */
public final class FirstInvocation {
    private static final Pattern STATUS = Pattern.compile("\"statusCode\"\\s*:\\s*(\\d+)");

    private FirstInvocation() {
    }

    public static void main(String[] args) throws Exception {
        long launchedAt = Long.parseLong(args[2]);
        Class<?> input = args.length > 3 ? Class.forName(args[3]) : APIGatewayV2HTTPEvent.class;
        @SuppressWarnings("unchecked")
        RequestHandler<Object, Object> handler = (RequestHandler<Object, Object>) Class.forName(args[0])
                .getDeclaredConstructor().newInstance();
        long constructedAt = System.currentTimeMillis();
        ClassLoader functionClasses = FirstInvocation.class.getClassLoader();
        CustomPojoSerializer custom = customSerializer(functionClasses);
        if (custom == null && input != APIGatewayV2HTTPEvent.class) {
            throw new IllegalStateException("a handler taking " + input + " needs the function's own serializer");
        }
        Object event;
        try (InputStream in = new FileInputStream(args[1])) {
            event = custom != null ? custom.fromJson(in, input)
                    : LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, functionClasses).fromJson(in);
        }
        Object response = handler.handleRequest(event, new BenchLambdaContext());
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        if (custom != null) {
            custom.toJson(response, json, response.getClass());
        } else {
            PojoSerializer<APIGatewayV2HTTPResponse> out =
                    LambdaEventSerializers.serializerFor(APIGatewayV2HTTPResponse.class, functionClasses);
            out.toJson((APIGatewayV2HTTPResponse) response, json);
        }
        long answeredAt = System.currentTimeMillis();

        String status = "-";
        String body = json.toString(StandardCharsets.UTF_8);
        if (response instanceof APIGatewayV2HTTPResponse http) {
            Matcher code = STATUS.matcher(body);
            if (!code.find()) {
                throw new IllegalStateException("no statusCode in the response JSON: " + body);
            }
            status = code.group(1);
            body = http.getBody() == null ? "" : http.getIsBase64Encoded()
                    ? new String(Base64.getDecoder().decode(http.getBody()), StandardCharsets.UTF_8) : http.getBody();
        }
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println("RESULT " + status + " " + (answeredAt - launchedAt) + " "
                + (answeredAt - jvmStart) + " " + (constructedAt - launchedAt) + " " + body.replace('\n', ' '));
        System.out.flush();
        System.exit(0);
    }

    /** The function's serializer, found as the runtime finds it: none, or exactly one. */
    private static CustomPojoSerializer customSerializer(ClassLoader functionClasses) {
        Iterator<CustomPojoSerializer> found = ServiceLoader.load(CustomPojoSerializer.class, functionClasses).iterator();
        if (!found.hasNext()) {
            return null;
        }
        CustomPojoSerializer serializer = found.next();
        if (found.hasNext()) {
            throw new IllegalStateException("more than one CustomPojoSerializer: the Lambda runtime refuses that");
        }
        return serializer;
    }
}
