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
    private static final String HTTP_EVENT = "com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent";

    private FirstInvocation() {
    }

    public static void main(String[] args) throws Exception {
        long launchedAt = Long.parseLong(args[2]);
        // a function that is no HTTP one (the reminders) carries no Lambda event classes: touch them only for HTTP
        boolean http = args.length <= 3 || args[3].equals(HTTP_EVENT);
        Class<?> input = Class.forName(http ? HTTP_EVENT : args[3]);
        @SuppressWarnings("unchecked")
        RequestHandler<Object, Object> handler = (RequestHandler<Object, Object>) Class.forName(args[0])
                .getDeclaredConstructor().newInstance();
        long constructedAt = System.currentTimeMillis();
        ClassLoader functionClasses = FirstInvocation.class.getClassLoader();
        CustomPojoSerializer custom = customSerializer(functionClasses);
        if (custom == null && !http) {
            throw new IllegalStateException("a handler taking " + input + " needs the function's own serializer");
        }
        Object event;
        try (InputStream in = new FileInputStream(args[1])) {
            event = custom != null ? custom.fromJson(in, input) : RuntimeSerializer.readHttpEvent(in, functionClasses);
        }
        Object response = handler.handleRequest(event, new BenchLambdaContext());
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        if (custom != null) {
            custom.toJson(response, json, response.getClass());
        } else {
            RuntimeSerializer.writeHttpResponse(response, json, functionClasses);
        }
        long answeredAt = System.currentTimeMillis();

        String[] answer = http ? RuntimeSerializer.statusAndBody(response, json.toString(StandardCharsets.UTF_8))
                : new String[] {"-", json.toString(StandardCharsets.UTF_8)};
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println("RESULT " + answer[0] + " " + (answeredAt - launchedAt) + " "
                + (answeredAt - jvmStart) + " " + (constructedAt - launchedAt) + " " + answer[1].replace('\n', ' '));
        System.out.flush();
        System.exit(0);
    }

    /** What touches the Lambda event classes, loaded only for an HTTP API event. */
    private static final class RuntimeSerializer {
        static Object readHttpEvent(InputStream in, ClassLoader functionClasses) {
            return LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, functionClasses).fromJson(in);
        }

        static void writeHttpResponse(Object response, ByteArrayOutputStream json, ClassLoader functionClasses) {
            PojoSerializer<APIGatewayV2HTTPResponse> out =
                    LambdaEventSerializers.serializerFor(APIGatewayV2HTTPResponse.class, functionClasses);
            out.toJson((APIGatewayV2HTTPResponse) response, json);
        }

        /** The status read back from the response JSON as API Gateway would read it, and the response's body. */
        static String[] statusAndBody(Object response, String json) {
            Matcher code = STATUS.matcher(json);
            if (!code.find()) {
                throw new IllegalStateException("no statusCode in the response JSON: " + json);
            }
            APIGatewayV2HTTPResponse http = (APIGatewayV2HTTPResponse) response;
            String body = http.getBody() == null ? "" : http.getIsBase64Encoded()
                    ? new String(Base64.getDecoder().decode(http.getBody()), StandardCharsets.UTF_8) : http.getBody();
            return new String[] {code.group(1), body};
        }
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
