package fr.dispostock.campaigns;

import fr.dispostock.domain.mail.CampaignStore;
import fr.dispostock.platform.lambda.LambdaContexts;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;

/**
 * Lambda entry of SES's bounce and complaint events (EventBridge, through the configuration set):
 * the addresses are suppressed from later campaigns, and counted against the campaign they came from.
 */
public class MailEventHandler extends MicronautRequestHandler<Map<String, Object>, Void> {
    @Inject
    CampaignStore campaigns;

    public MailEventHandler() {
    }

    /** For tests: the same handler on a context of their making. */
    public MailEventHandler(ApplicationContextBuilder builder) {
        super(builder);
    }

    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        return LambdaContexts.builder();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Void execute(Map<String, Object> event) {
        Map<String, Object> detail = (Map<String, Object>) event.get("detail");
        String type = (String) detail.get("eventType");
        Map<String, Object> mail = (Map<String, Object>) detail.get("mail");
        Map<String, List<String>> tags = mail == null ? Map.of() : (Map<String, List<String>>) mail.getOrDefault("tags", Map.of());
        String campaign = tags.getOrDefault("campaign", List.of()).stream().findFirst().orElse(null);
        List<Map<String, Object>> recipients = switch (type == null ? "" : type) {
            case "Bounce" -> (List<Map<String, Object>>) ((Map<String, Object>) detail.get("bounce")).get("bouncedRecipients");
            case "Complaint" -> (List<Map<String, Object>>) ((Map<String, Object>) detail.get("complaint"))
                    .get("complainedRecipients");
            default -> List.of();
        };
        for (Map<String, Object> r : recipients) {
            campaigns.suppress((String) r.get("emailAddress"), type.toLowerCase());
            if (campaign != null) {
                campaigns.countBounce(campaign);
            }
        }
        return null;
    }
}
