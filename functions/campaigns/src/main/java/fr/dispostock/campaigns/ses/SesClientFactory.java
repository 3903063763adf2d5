package fr.dispostock.campaigns.ses;

import fr.dispostock.platform.aws.AwsClients;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.sesv2.SesV2Client;

import java.time.Duration;

/**
 * The SES v2 client of the functions that send mail ({@code dispostock.mail.enabled=true}); never on
 * the local platform, whose mail stays in its outbox. An endpoint override points it at the SES
 * emulator in tests.
 */
@Factory
@Requires(property = "dispostock.mail.enabled", value = "true")
@Requires(notEnv = "local")
public class SesClientFactory {
    @Singleton
    SesV2Client ses(@Value("${dispostock.ses.endpoint:}") String endpoint) {
        // an unsupported call hangs on the emulator; a stuck call must not eat the Lambda's time
        return AwsClients.build(SesV2Client.builder().overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(10))),
                endpoint);
    }
}
