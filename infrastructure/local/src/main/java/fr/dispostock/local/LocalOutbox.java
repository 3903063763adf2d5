package fr.dispostock.local;

import fr.dispostock.domain.mail.BulkMailer;
import fr.dispostock.domain.mail.Mail;
import fr.dispostock.domain.mail.Recipient;
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
public final class LocalOutbox implements BulkMailer {
    @Serdeable
    public record SentMail(String messageId, List<String> to, String subject, String text, String html,
                           Instant sentAt, Map<String, String> tags) {
    }

    private final List<SentMail> sent = new ArrayList<>();
    private final Map<String, Mail> templates = new java.util.HashMap<>();

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
    public synchronized int sendBulk(String template, List<Recipient> recipients, Map<String, String> tags) {
        Mail t = templates.get(template);
        recipients.forEach(r -> send(new Mail(List.of(r.email()), fill(t.subject(), r.data()), fill(t.text(), r.data()),
                t.html() == null ? null : fill(t.html(), r.data()), tags)));
        return recipients.size();
    }

    /** The template's {@code {{name}}} placeholders filled from the recipient's data, as SES does (unescaped). */
    static String fill(String template, Map<String, String> data) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}").matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(data.getOrDefault(m.group(1), "")));
        }
        return m.appendTail(out).toString();
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
