package fr.dispostock.bench.coldstart.runtime;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

import java.nio.charset.StandardCharsets;

/** The Lambda context of the one invocation of a cold-start run (no UUID: SecureRandom is not free). */
final class BenchLambdaContext implements Context {
    @Override public String getAwsRequestId() { return "00000000-0000-0000-0000-000000000001"; }
    @Override public String getLogGroupName() { return "/aws/lambda/cold-start"; }
    @Override public String getLogStreamName() { return "cold-start"; }
    @Override public String getFunctionName() { return "cold-start"; }
    @Override public String getFunctionVersion() { return "$LATEST"; }
    @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:eu-west-3:123456789012:function:cold-start"; }
    @Override public CognitoIdentity getIdentity() { return null; }
    @Override public ClientContext getClientContext() { return null; }
    @Override public int getRemainingTimeInMillis() { return 29_000; }
    @Override public int getMemoryLimitInMB() { return 1024; }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                System.out.println(message);
            }

            @Override
            public void log(byte[] message) {
                System.out.println(new String(message, StandardCharsets.UTF_8));
            }
        };
    }
}
