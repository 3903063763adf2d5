package fr.dispostock.platform.aws;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

import java.net.URI;

/**
 * How every AWS client of a function is built. Region and credentials are read from Lambda's
 * environment directly (the SDK's default chains probe files and endpoints: slower at cold start);
 * an endpoint override points the same client at a local emulator (DynamoDB Local, the SES emulator).
 */
public final class AwsClients {
    private AwsClients() {
    }

    /** @param endpoint blank in AWS; the emulator's URL locally */
    public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder, String endpoint) {
        builder.region(Region.of(System.getenv().getOrDefault("AWS_REGION", "eu-west-3")))
                .httpClient(UrlConnectionHttpClient.create());
        if (endpoint.isBlank()) {
            builder.credentialsProvider(EnvironmentVariableCredentialsProvider.create());
        } else {
            builder.endpointOverride(URI.create(endpoint))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        }
        return builder.build();
    }
}
