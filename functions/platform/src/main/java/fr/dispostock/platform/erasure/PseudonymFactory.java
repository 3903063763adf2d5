package fr.dispostock.platform.erasure;

import fr.dispostock.domain.erasure.Pseudonyms;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;

/**
 * The pseudonyms' key, {@code dispostock.pseudonym.key}: in AWS the environment's
 * {@code DISPOSTOCK_PSEUDONYM_KEY}, which template.yaml resolves from the stack's Secrets Manager secret
 * {@code PseudonymKey}; locally a random key kept in the data directory; in tests a fixed one.
 */
@Factory
public class PseudonymFactory {
    public static final String KEY = "dispostock.pseudonym.key";

    @Singleton
    @Requires(property = KEY)
    Pseudonyms pseudonyms(@Value("${" + KEY + "}") String key) {
        return new Pseudonyms(key.getBytes(StandardCharsets.UTF_8));
    }
}
