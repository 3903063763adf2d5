package fr.dispostock.campaigns;

import fr.dispostock.domain.BusinessMetric;
import fr.dispostock.domain.mail.MailingId;
import fr.dispostock.domain.mail.MailingStore;
import fr.dispostock.platform.lambda.EventHandler;
import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/**
 * Lambda entry of SES's bounce and complaint events (EventBridge, through the configuration set):
 * the addresses are suppressed from later mailings (campaigns and reminder runs), and counted against
 * the mailing they came from (its tag: {@code campaign} or {@code run}) and in the metrics, once each.
 */
public class MailEventHandler extends EventHandler<Map<String, Object>, Void> {
    private static final Logger LOG = LoggerFactory.getLogger(MailEventHandler.class);
    @Inject
    MailingStore mailings;
    @Inject
    BusinessMetric.Counter metrics;

    public MailEventHandler() {
    }

    /** For tests: the same handler on a context of their making. */
    public MailEventHandler(ApplicationContextBuilder builder) {
        super(builder);
    }

    @Override
    @SuppressWarnings("unchecked")
    protected Void handle(Map<String, Object> event) {
        Map<String, Object> detail = (Map<String, Object>) event.get("detail");
        String type = (String) detail.get("eventType");
        Map<String, Object> mail = (Map<String, Object>) detail.get("mail");
        Map<String, List<String>> tags = mail == null ? Map.of() : (Map<String, List<String>>) mail.getOrDefault("tags", Map.of());
        MailingId mailing = java.util.Arrays.stream(MailingId.Type.values())
                .flatMap(t -> tags.getOrDefault(t.tag(), List.of()).stream().limit(1).map(v -> new MailingId(t, v)))
                .findFirst().orElse(null);
        List<Map<String, Object>> recipients = switch (type == null ? "" : type) {
            case "Bounce" -> (List<Map<String, Object>>) ((Map<String, Object>) detail.get("bounce")).get("bouncedRecipients");
            case "Complaint" -> (List<Map<String, Object>>) ((Map<String, Object>) detail.get("complaint"))
                    .get("complainedRecipients");
            default -> List.of();
        };
        int counted = 0;
        for (int i = 0; i < recipients.size(); i++) {
            mailings.suppress((String) recipients.get(i).get("emailAddress"), type.toLowerCase());
            // the metric as the mailing's count: once per event and recipient, whatever Lambda redelivers
            if (mailing != null && mailings.countBounceOrComplaint(mailing, event.get("id") + "#" + i)) {
                counted++;
            }
        }
        metrics.count("Bounce".equals(type) ? BusinessMetric.MAILS_BOUNCED : BusinessMetric.MAILS_COMPLAINED, counted);
        LOG.info("{} of {}: {} address(es) suppressed", type, mailing == null ? "no Dispostock mailing" : mailing,
                recipients.size());
        return null;
    }
}
