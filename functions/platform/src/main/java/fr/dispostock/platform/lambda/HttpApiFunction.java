package fr.dispostock.platform.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The Lambda handler of every HTTP function (template.yaml): Micronaut's HTTP API (payload 2.0)
 * handler, its routes those of the function's controllers, its context built by {@link LambdaContexts},
 * each request logged with its request id and cold-start flag (Powertools' functional logging).
 */
public class HttpApiFunction extends APIGatewayV2HTTPEventFunction {
    public HttpApiFunction() {
    }

    /** For tests: the same handler on a context of their making. */
    public HttpApiFunction(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        return LambdaContexts.builder();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return PowertoolsLogging.withLogging(context, () -> super.handleRequest(event, context));
    }
}
