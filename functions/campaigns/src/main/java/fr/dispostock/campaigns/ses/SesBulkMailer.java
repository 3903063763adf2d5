package fr.dispostock.campaigns.ses;

import fr.dispostock.domain.mail.BulkMailer;
import fr.dispostock.domain.mail.Recipient;
import fr.dispostock.platform.dynamo.BatchCalls;
import fr.dispostock.platform.json.JsonStrings;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.AlreadyExistsException;
import software.amazon.awssdk.services.sesv2.model.BulkEmailEntry;
import software.amazon.awssdk.services.sesv2.model.BulkEmailStatus;
import software.amazon.awssdk.services.sesv2.model.EmailTemplateContent;
import software.amazon.awssdk.services.sesv2.model.MessageTag;
import software.amazon.awssdk.services.sesv2.model.SendBulkEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;

import java.util.List;
import java.util.Map;

/**
 * Mailings through SES v2 (campaigns, reminder runs): a template, then SendBulkEmail of at most 50
 * destinations, each with its own template data; throttling answers retried with exponential back-off.
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
            EmailTemplateContent.Builder content = EmailTemplateContent.builder().subject(subject).text(text);
            if (html != null) {
                content.html(html);
            }
            ses.createEmailTemplate(t -> t.templateName(name).templateContent(content.build()));
        } catch (AlreadyExistsException e) {
            // defined by an earlier invocation (the name is made from the content)
        } catch (SesV2Exception e) {
            // the same, from an endpoint that does not name its errors (the emulator)
            if (e.statusCode() != 400 || e.getMessage() == null || !e.getMessage().contains("already exists")) {
                throw e;
            }
        }
    }

    @Override
    public int sendBulk(String template, List<Recipient> recipients, Map<String, String> tags) {
        if (recipients.size() > MAX_BATCH) {
            throw new IllegalArgumentException(recipients.size() + " destinations: SES takes " + MAX_BATCH + " at most");
        }
        SendBulkEmailRequest.Builder request = SendBulkEmailRequest.builder()
                .fromEmailAddress(from)
                .defaultContent(c -> c.template(t -> t.templateName(template).templateData("{}")))
                .defaultEmailTags(tags.entrySet().stream()
                        .map(t -> MessageTag.builder().name(t.getKey()).value(t.getValue()).build()).toList())
                .bulkEmailEntries(recipients.stream().map(r -> BulkEmailEntry.builder()
                        .destination(d -> d.toAddresses(r.email()))
                        .replacementEmailContent(c -> c.replacementTemplate(t -> t.replacementTemplateData(json(r.data()))))
                        .build()).toList());
        if (!configurationSet.isBlank()) {
            request.configurationSetName(configurationSet);
        }
        for (int attempt = 0; ; attempt++) {
            BatchCalls.backOff(attempt);
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

    /** A recipient's template data as the JSON object SES reads (string values only). */
    static String json(Map<String, String> data) {
        StringBuilder json = new StringBuilder("{");
        data.forEach((k, v) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            JsonStrings.quote(json, k).append(':');
            JsonStrings.quote(json, v);
        });
        return json.append('}').toString();
    }

    /** The configured rate (dispostock.ses.max-send-rate) when set, else the account's (GetAccount). */
    @Override
    public double maxSendRate() {
        return configuredRate > 0 ? configuredRate : ses.getAccount(a -> { }).sendQuota().maxSendRate();
    }
}
