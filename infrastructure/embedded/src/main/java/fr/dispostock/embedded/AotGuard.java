package fr.dispostock.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Micronaut AOT optimisations belong in a function's Lambda jar only (infrastructure/deploy/build-lambda-jars):
 * left in target/classes they would impose one function's precomputed beans and environment on the
 * tests and on the local platform. Refuses to go on when it finds them, and says what to do.
 */
public final class AotGuard {
    private AotGuard() {
    }

    public static void requireNoAotClasses() {
        List<String> found = new ArrayList<>();
        try {
            for (URL url : Collections.list(AotGuard.class.getClassLoader()
                    .getResources("META-INF/services/io.micronaut.context.ApplicationContextConfigurer"))) {
                try (InputStream in = url.openStream()) {
                    String services = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    if (services.contains(".aot.AOTApplicationContextConfigurer")) {
                        found.add(url.toString());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!found.isEmpty()) {
            throw new IllegalStateException("Micronaut AOT classes from a `-Dlambda` build are on the classpath "
                    + found + ": run ./mvnw clean, then build again without -Dlambda.");
        }
    }
}
