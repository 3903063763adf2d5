package fr.dispostock.local;

import fr.dispostock.domain.mail.BulkMailer;
import fr.dispostock.domain.mail.Mail;
import fr.dispostock.domain.mail.Mailer;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The local platform's mail service: nothing leaves the machine; every mail is kept, in order,
 * to be read back over HTTP ({@code GET /local/outbox}) by a person or an end-to-end test.
 */
public final class LocalOutbox implements Mailer, BulkMailer {
    @Serdeable
    public record SentMail(String messageId, List<String> to, String subject, String text, String html,
                           Instant sentAt, Map<String, String> tags) {
    }

    private final List<SentMail> sent = new ArrayList<>();
    private final Map<String, Mail> templates = new java.util.HashMap<>();

    @Override
    public synchronized String send(Mail mail) {
        String id = "local-" + UUID.randomUUID();
        sent.add(new SentMail(id, mail.to(), mail.subject(), mail.text(), mail.html(), Instant.now(), mail.tags()));
        return id;
    }

    @Override
    public synchronized void defineTemplate(String name, String subject, String text, String html) {
        templates.putIfAbsent(name, new Mail(List.of(), subject, text, html, Map.of()));
    }

    @Override
    public synchronized int sendBulk(String template, List<String> recipients, Map<String, String> tags) {
        Mail t = templates.get(template);
        recipients.forEach(r -> send(new Mail(List.of(r), t.subject(), t.text(), t.html(), tags)));
        return recipients.size();
    }

    /** No SES quota here: as fast as the local platform goes. */
    @Override
    public double maxSendRate() {
        return 1_000;
    }

    /** The mails sent at or after this instant (all when null), oldest first. */
    public synchronized List<SentMail> since(Instant since) {
        return sent.stream().filter(m -> since == null || !m.sentAt().isBefore(since)).toList();
    }

    public synchronized void clear() {
        sent.clear();
    }
}
