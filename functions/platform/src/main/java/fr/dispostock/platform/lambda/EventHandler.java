package fr.dispostock.platform.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The Lambda handler of the functions that are not behind the HTTP API (schedules, streams, SES
 * events): its context built by {@link LambdaContexts}, each invocation logged with its request id and
 * cold-start flag (Powertools' functional logging).
 */
public abstract class EventHandler<I, O> extends MicronautRequestHandler<I, O> {
    protected EventHandler() {
    }

    /** For tests: the same handler on a context of their making. */
    protected EventHandler(ApplicationContextBuilder builder) {
        super(builder);
    }

    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        return LambdaContexts.builder();
    }

    /** Micronaut's final {@code handleRequest} registers the invocation's Lambda context as a bean, then calls this. */
    @Override
    public final O execute(I input) {
        return PowertoolsLogging.withLogging(getApplicationContext().getBean(Context.class), () -> handle(input));
    }

    /** The invocation's work. */
    protected abstract O handle(I input);
}
