package fr.dispostock.platform.lambda;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;

/**
 * The Lambda handler of every HTTP function (template.yaml): Micronaut's HTTP API (payload 2.0)
 * handler, its routes those of the function's controllers, its context built by {@link LambdaContexts}.
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
}
