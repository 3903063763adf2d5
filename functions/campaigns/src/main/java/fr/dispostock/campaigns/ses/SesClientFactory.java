package fr.dispostock.campaigns.ses;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.SesV2ClientBuilder;

import java.net.URI;
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
        SesV2ClientBuilder builder = SesV2Client.builder()
                .region(Region.of(System.getenv().getOrDefault("AWS_REGION", "eu-west-3")))
                .httpClient(UrlConnectionHttpClient.create())
                // an unsupported call hangs on the emulator; a stuck call must not eat the Lambda's time
                .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(10)));
        if (endpoint.isBlank()) {
            builder.credentialsProvider(EnvironmentVariableCredentialsProvider.create());
        } else {
            builder.endpointOverride(URI.create(endpoint))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        }
        return builder.build();
    }
}
