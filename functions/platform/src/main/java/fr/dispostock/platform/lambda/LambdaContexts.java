package fr.dispostock.platform.lambda;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.LambdaApplicationContextBuilder;

import java.lang.annotation.Annotation;
import java.util.Set;

/**
 * How every Dispostock function builds its Micronaut context in Lambda. Micronaut's
 * {@link LambdaApplicationContextBuilder} creates every singleton at start-up, which pays where the
 * start-up happens before any request: a SnapStart snapshot or provisioned concurrency. On an
 * on-demand cold start a pharmacist's request waits for it, and most of those beans serve other
 * routes: there, singletons are created when first needed (bench/README.md measures both).
 */
public final class LambdaContexts {
    /** Set by Lambda: {@code on-demand}, {@code provisioned-concurrency} or {@code snap-start}. */
    public static final String INITIALIZATION_TYPE = "AWS_LAMBDA_INITIALIZATION_TYPE";

    private LambdaContexts() {
    }

    /** The builder for the way Lambda initialises this execution environment. */
    public static ApplicationContextBuilder builder() {
        return builder(System.getenv(INITIALIZATION_TYPE));
    }

    /** @param initializationType the value of {@value #INITIALIZATION_TYPE}, null outside Lambda */
    public static ApplicationContextBuilder builder(String initializationType) {
        if (beforeAnyRequest(initializationType)) {
            return new LambdaApplicationContextBuilder();
        }
        return new LambdaApplicationContextBuilder() {
            // LambdaApplicationContextBuilder asks for eager singletons in its constructor, and
            // eagerInitSingletons(false) cannot take eagerInitAnnotated(Singleton.class) back
            @Override
            public Set<Class<? extends Annotation>> getEagerInitAnnotated() {
                return Set.of();
            }

            @Override
            public boolean isEagerInitSingletons() {
                return false;
            }

            @Override
            public boolean isEagerInitConfiguration() {
                return false;
            }
        };
    }

    /** Whether Lambda initialises this environment before it is given a request. */
    private static boolean beforeAnyRequest(String initializationType) {
        return "snap-start".equals(initializationType) || "provisioned-concurrency".equals(initializationType);
    }
}
