package fr.dispostock.reminders;

import fr.dispostock.domain.mail.Mail;
import fr.dispostock.domain.mail.Mailer;
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
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.MessageTag;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

import java.net.URI;
import java.time.Duration;

/**
 * Mail through the Amazon SES v2 API. An endpoint override points the same client at the local SES
 * emulator in tests. Not on the local platform, whose mail stays in its outbox.
 */
@Singleton
@Requires(notEnv = "local")
public class SesMailer implements Mailer {
    private final SesV2Client ses;
    private final String from;
    private final String configurationSet;

    public SesMailer(@Value("${dispostock.ses.endpoint:}") String endpoint,
                     @Value("${dispostock.mail.from:Dispostock <no-reply@dispostock.sante.gouv.fr>}") String from,
                     @Value("${dispostock.ses.configuration-set:}") String configurationSet) {
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
        this.ses = builder.build();
        this.from = from;
        this.configurationSet = configurationSet;
    }

    @Override
    public String send(Mail mail) {
        Body.Builder body = Body.builder().text(Content.builder().data(mail.text()).charset("UTF-8").build());
        if (mail.html() != null) {
            body.html(Content.builder().data(mail.html()).charset("UTF-8").build());
        }
        SendEmailRequest.Builder request = SendEmailRequest.builder()
                .fromEmailAddress(from)
                .destination(d -> d.toAddresses(mail.to()))
                .content(c -> c.simple(m -> m.subject(Content.builder().data(mail.subject()).charset("UTF-8").build())
                        .body(body.build())))
                .emailTags(mail.tags().entrySet().stream()
                        .map(t -> MessageTag.builder().name(t.getKey()).value(t.getValue()).build()).toList());
        if (!configurationSet.isBlank()) {
            request.configurationSetName(configurationSet);
        }
        return ses.sendEmail(request.build()).messageId();
    }
}
