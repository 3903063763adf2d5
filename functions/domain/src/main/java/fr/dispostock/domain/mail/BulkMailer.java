package fr.dispostock.domain.mail;

import java.util.List;
import java.util.Map;

/** Many recipients of one message (port): Amazon SES v2 templates and SendBulkEmail in AWS, the outbox locally. */
public interface BulkMailer {
    /** At most this many recipients in one call (SES: 50). */
    int MAX_BATCH = 50;

    /** Defines the template once (again: nothing); {@code html} may be null for text only. */
    void defineTemplate(String name, String subject, String text, String html);

    /** One message per recipient, the template filled with its data; how many were accepted (the others failed). */
    int sendBulk(String template, List<Recipient> recipients, Map<String, String> tags);

    /** Messages per second the account may send. */
    double maxSendRate();
}
