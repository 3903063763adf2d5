package fr.dispostock.platform.mail;

import fr.dispostock.domain.mail.Mail;
import fr.dispostock.domain.mail.Mailer;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.MessageTag;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

/** One mail through the Amazon SES v2 API (reminders). */
@Singleton
@Requires(beans = SesV2Client.class)
public class SesMailer implements Mailer {
    private final SesV2Client ses;
    private final String from;
    private final String configurationSet;

    public SesMailer(SesV2Client ses,
                     @Value("${dispostock.mail.from:Dispostock <no-reply@dispostock.sante.gouv.fr>}") String from,
                     @Value("${dispostock.ses.configuration-set:}") String configurationSet) {
        this.ses = ses;
        this.from = from;
        this.configurationSet = configurationSet;
    }

    @Override
    public String send(Mail mail) {
        Body.Builder body = Body.builder().text(utf8(mail.text()));
        if (mail.html() != null) {
            body.html(utf8(mail.html()));
        }
        SendEmailRequest.Builder request = SendEmailRequest.builder()
                .fromEmailAddress(from)
                .destination(d -> d.toAddresses(mail.to()))
                .content(c -> c.simple(m -> m.subject(utf8(mail.subject())).body(body.build())))
                .emailTags(tags(mail.tags()));
        if (!configurationSet.isBlank()) {
            request.configurationSetName(configurationSet);
        }
        return ses.sendEmail(request.build()).messageId();
    }

    static Content utf8(String data) {
        return Content.builder().data(data).charset("UTF-8").build();
    }

    static java.util.List<MessageTag> tags(java.util.Map<String, String> tags) {
        return tags.entrySet().stream().map(t -> MessageTag.builder().name(t.getKey()).value(t.getValue()).build())
                .toList();
    }
}
