package fr.dispostock.platform.mail;

import fr.dispostock.domain.mail.BulkMailer;
import fr.dispostock.platform.dynamo.BatchWriter;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.AlreadyExistsException;
import software.amazon.awssdk.services.sesv2.model.BulkEmailEntry;
import software.amazon.awssdk.services.sesv2.model.BulkEmailStatus;
import software.amazon.awssdk.services.sesv2.model.SendBulkEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;

import java.util.List;
import java.util.Map;

/**
 * Campaign mail through SES v2: one template per campaign, SendBulkEmail of at most 50
 * destinations, throttling answers retried with exponential back-off.
 */
@Singleton
@Requires(beans = SesV2Client.class)
public class SesBulkMailer implements BulkMailer {
    private static final int THROTTLED_ATTEMPTS = 8;
    private final SesV2Client ses;
    private final String from;
    private final String configurationSet;
    private final double configuredRate;

    public SesBulkMailer(SesV2Client ses,
                         @Value("${dispostock.mail.from:Dispostock <no-reply@dispostock.sante.gouv.fr>}") String from,
                         @Value("${dispostock.ses.configuration-set:}") String configurationSet,
                         @Value("${dispostock.ses.max-send-rate:0}") double configuredRate) {
        this.ses = ses;
        this.from = from;
        this.configurationSet = configurationSet;
        this.configuredRate = configuredRate;
    }

    @Override
    public void defineTemplate(String name, String subject, String text, String html) {
        try {
            ses.createEmailTemplate(t -> t.templateName(name)
                    .templateContent(c -> c.subject(subject).text(text).html(html)));
        } catch (AlreadyExistsException e) {
            // defined by an earlier invocation of the same campaign
        } catch (SesV2Exception e) {
            // the same, from an endpoint that does not name its errors (the emulator)
            if (e.statusCode() != 400 || e.getMessage() == null || !e.getMessage().contains("already exists")) {
                throw e;
            }
        }
    }

    @Override
    public int sendBulk(String template, List<String> recipients, Map<String, String> tags) {
        if (recipients.size() > MAX_BATCH) {
            throw new IllegalArgumentException(recipients.size() + " destinations: SES takes " + MAX_BATCH + " at most");
        }
        SendBulkEmailRequest.Builder request = SendBulkEmailRequest.builder()
                .fromEmailAddress(from)
                .defaultContent(c -> c.template(t -> t.templateName(template).templateData("{}")))
                .defaultEmailTags(SesMailer.tags(tags))
                // per-recipient data: a template may say {{email}}
                .bulkEmailEntries(recipients.stream().map(r -> BulkEmailEntry.builder()
                        .destination(d -> d.toAddresses(r))
                        .replacementEmailContent(c -> c.replacementTemplate(t -> t.replacementTemplateData(
                                "{\"email\":\"" + r.replace("\"", "") + "\"}")))
                        .build()).toList());
        if (!configurationSet.isBlank()) {
            request.configurationSetName(configurationSet);
        }
        for (int attempt = 0; ; attempt++) {
            BatchWriter.backOff(attempt);
            try {
                return (int) ses.sendBulkEmail(request.build()).bulkEmailEntryResults().stream()
                        .filter(r -> r.status() == BulkEmailStatus.SUCCESS).count();
            } catch (SesV2Exception e) {
                boolean throttled = e.statusCode() == 429 || e.isThrottlingException();
                if (!throttled || attempt + 1 == THROTTLED_ATTEMPTS) {
                    if (e.statusCode() == 400) {
                        return 0; // rejected (e.g. MessageRejected): these recipients failed, the campaign goes on
                    }
                    throw e;
                }
            }
        }
    }

    /** The configured rate (dispostock.ses.max-send-rate) when set, else the account's (GetAccount). */
    @Override
    public double maxSendRate() {
        return configuredRate > 0 ? configuredRate : ses.getAccount(a -> { }).sendQuota().maxSendRate();
    }
}
