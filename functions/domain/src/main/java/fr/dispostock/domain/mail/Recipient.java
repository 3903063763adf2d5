package fr.dispostock.domain.mail;

import java.util.Map;

/** One destination of a mailing and what its copy of the message says ({@code {{name}}} in the template). */
public record Recipient(String email, Map<String, String> data) {
    public Recipient {
        data = Map.copyOf(data);
    }
}
