package fr.dispostock.platform.erasure;

import fr.dispostock.domain.erasure.Pseudonyms;
import fr.dispostock.platform.aws.AwsClients;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.value.PropertyResolver;
import jakarta.inject.Singleton;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.nio.charset.StandardCharsets;

/**
 * The pseudonyms' key. In AWS, {@code DISPOSTOCK_PSEUDONYM_SECRET_ARN} names the stack's Secrets Manager
 * secret {@code PseudonymKey}, read once when the key is first needed (before the SnapStart snapshot, where
 * every singleton is made then): the key itself never stands in the function's configuration, which anyone
 * allowed {@code lambda:GetFunctionConfiguration} reads. Locally the key is configured
 * ({@code dispostock.pseudonym.key}: a random one kept in the data directory), in tests a fixed one.
 */
@Factory
public class PseudonymFactory {
    /** The key itself: locally and in tests. */
    public static final String KEY = "dispostock.pseudonym.key";
    /** The ARN of the secret holding the key ({@code DISPOSTOCK_PSEUDONYM_SECRET_ARN}): in AWS; wins over the key. */
    public static final String SECRET_ARN = "dispostock.pseudonym.secret-arn";
    /** Where Secrets Manager answers: blank in AWS, an emulator in tests. */
    public static final String ENDPOINT = "dispostock.secretsmanager.endpoint";

    @Singleton
    @Requires(condition = KeyGiven.class)
    Pseudonyms pseudonyms(@Value("${" + SECRET_ARN + ":}") String secretArn, @Value("${" + KEY + ":}") String key,
                          @Value("${" + ENDPOINT + ":}") String endpoint) {
        String chosen = secretArn.isBlank() ? key : secret(secretArn, endpoint);
        return new Pseudonyms(chosen.getBytes(StandardCharsets.UTF_8));
    }

    private static String secret(String arn, String endpoint) {
        String value;
        try (SecretsManagerClient secrets = AwsClients.build(SecretsManagerClient.builder(), endpoint)) {
            value = secrets.getSecretValue(r -> r.secretId(arn)).secretString();
        } catch (SdkException e) {
            throw new IllegalStateException("cannot read the pseudonym key from the secret " + arn
                    + " (DISPOSTOCK_PSEUDONYM_SECRET_ARN): " + e.getMessage(), e);
        }
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("the secret " + arn + " (DISPOSTOCK_PSEUDONYM_SECRET_ARN) holds no key");
        }
        return value;
    }

    /**
     * The key is there when its secret or the key itself is configured. When neither is, a function that
     * needs it refuses to start, and the reason Micronaut gives names the variable missing.
     */
    @Introspected
    public static final class KeyGiven implements Condition {
        @Override
        public boolean matches(ConditionContext context) {
            if (given(context, SECRET_ARN) || given(context, KEY)) {
                return true;
            }
            context.fail("DISPOSTOCK_PSEUDONYM_SECRET_ARN is not set: in AWS it names the secret of the pseudonym"
                    + " key (template.yaml: !Ref PseudonymKey); locally and in tests " + KEY + " gives the key");
            return false;
        }

        private static boolean given(PropertyResolver properties, String name) {
            return properties.get(name, String.class).filter(v -> !v.isBlank()).isPresent();
        }
    }
}
