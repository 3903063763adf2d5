package fr.dispostock.domain.mail;

import java.util.List;
import java.util.Map;

/** One e-mail as the platform sends it: reminders, campaigns. */
public record Mail(List<String> to, String subject, String text, String html, Map<String, String> tags) {
    public Mail {
        to = List.copyOf(to);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }
}
