package fr.dispostock.platform.json;

/** JSON strings written by hand where a mapper is not worth loading (SES template data, log lines). */
public final class JsonStrings {
    private JsonStrings() {
    }

    /** Appends {@code text} as a JSON string (RFC 8259: quotes, backslashes and control characters escaped). */
    public static StringBuilder quote(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }
}
