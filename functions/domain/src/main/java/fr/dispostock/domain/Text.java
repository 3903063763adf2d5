package fr.dispostock.domain;

/**
 * What users' text may hold. Control characters (NUL, C0, DEL, C1), invisible format characters
 * (bidi overrides and isolates, zero-width spaces and joiners, BOM), line separators and lone
 * surrogates are refused: they hide what a name, an address or a code really says (a PUI name that
 * reads backwards, an e-mail with an invisible character that never delivers) and break the files
 * and mails built from it. Texts written as paragraphs may hold line breaks and tabs.
 */
public final class Text {
    /** An e-mail address as the platform takes it: something, one @, a domain with a dot, no spaces. */
    public static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private Text() {
    }

    /** Why this text is refused, or null when it is fine. */
    public static String problem(String raw, boolean paragraphs) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (paragraphs && (c == '\n' || c == '\r' || c == '\t')) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < raw.length() && Character.isLowSurrogate(raw.charAt(i + 1))) {
                i++; // a character outside the BMP (an emoji, a rare ideogram): text like any other
                continue;
            }
            switch (Character.getType(c)) {
                case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                     Character.SURROGATE, Character.UNASSIGNED -> {
                    return String.format("must not contain the invisible or control character U+%04X (at character %d)",
                            (int) c, i + 1);
                }
                default -> {
                }
            }
        }
        return null;
    }

    /** The text as given, or an {@link InvalidValueException} saying which character is refused. */
    public static String plain(String raw) {
        String problem = raw == null ? null : problem(raw, false);
        if (problem != null) {
            throw new InvalidValueException(problem);
        }
        return raw;
    }
}
