package fr.dispostock.domain.mail;

import java.util.List;
import java.util.Map;

/** Many recipients of one message (port): Amazon SES v2 templates and SendBulkEmail in AWS, the outbox locally. */
public interface BulkMailer {
    /** At most this many recipients in one call (SES: 50). */
    int MAX_BATCH = 50;

    void defineTemplate(String name, String subject, String text, String html);

    /** One message per recipient; how many were accepted (the others failed). */
    int sendBulk(String template, List<String> recipients, Map<String, String> tags);

    /** Messages per second the account may send. */
    double maxSendRate();
}
