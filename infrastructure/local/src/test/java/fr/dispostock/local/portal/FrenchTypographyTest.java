package fr.dispostock.local.portal;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * French typography in the portal's texts, the strings of its scripts and the text of its pages: a no-break space
 * (U+00A0, or the narrow U+202F) before ':' ';' '!' '?' and '»' and after '«', never a breaking one, so that a
 * line never starts with ':' or ';' and « » never lose their word. The scripts' code is not text: only their
 * string literals and template texts are read (a small reader of JavaScript's strings, comments and regular
 * expressions), so that `a ? b : c` is left alone.
 */
class FrenchTypographyTest {
    private static final Path WEB = Path.of(System.getProperty("dispostock.root", "../.."), "portal", "src", "main", "web");
    /** A breaking space (or line break) where French wants a no-break one. */
    private static final Pattern BREAKING = Pattern.compile("[ \\t\\r\\n]+[:;!?»]|«[ \\t\\r\\n]");

    /** One piece of text of a file, with the line it starts on. */
    record Text(int line, String text) {
    }

    @Test
    void every_text_of_the_portal_keeps_its_punctuation_with_its_word() throws IOException {
        // given every script and page of the portal
        List<Path> files;
        try (Stream<Path> walk = Files.walk(WEB)) {
            files = walk.filter(p -> p.toString().endsWith(".js") || p.toString().endsWith(".html")).sorted().toList();
        }

        // when their texts are read
        List<String> found = new ArrayList<>();
        for (Path file : files) {
            String source = Files.readString(file);
            List<Text> texts = file.toString().endsWith(".js") ? stringsOf(source) : List.of(new Text(1, source.replaceAll("<[^>]*>", "")));
            for (Text t : texts) {
                Matcher m = BREAKING.matcher(t.text());
                while (m.find()) {
                    int line = t.line() + (int) t.text().substring(0, m.start()).chars().filter(c -> c == '\n').count();
                    found.add(WEB.relativize(file) + ":" + line + ": …" + around(t.text(), m.start(), m.end()) + "…");
                }
            }
        }

        // then none has a breaking space before ':' ';' '!' '?' '»' or after '«'
        assertEquals(List.of(), found, "breaking spaces in French texts (write U+00A0, or U+202F before ; ! ?)");
        assertEquals(true, files.size() > 20, "the portal's files were not found under " + WEB.toAbsolutePath());
    }

    @Test
    void the_reader_takes_only_strings_never_code_comments_or_regular_expressions() {
        // given a script with a conditional, comments, a regular expression holding a quote, and strings of three kinds
        String script = """
                // a comment : not text
                const a = b ? 'un : deux' : "trois ;";
                /* un autre : */ const r = /"'/g; const t = `quatre ${x ? 'cinq' : `six ${y}`} sept !`;
                const d = 6 / 2; const e = 'huit';""";

        // when its strings are read
        List<String> texts = stringsOf(script).stream().map(Text::text).toList();

        // then only the strings' texts come out, a template's text around its expressions
        assertEquals(List.of("un : deux", "trois ;", "quatre ", "cinq", "six ", "", " sept !", "huit"), texts);
    }

    private static String around(String text, int start, int end) {
        return text.substring(Math.max(0, start - 20), Math.min(text.length(), end + 20)).replace('\n', ' ');
    }

    /**
     * The string literals and template texts of a script, in order. A '/' starts a regular expression where a value
     * cannot end before it (after an operator, a bracket, a comma, a keyword such as return); elsewhere it divides.
     */
    static List<Text> stringsOf(String js) {
        List<Text> texts = new ArrayList<>();
        Deque<Integer> templates = new ArrayDeque<>(); // for each template expression open, its braces' depth
        int depth = 0;
        int line = 1;
        char previous = '(';
        int i = 0;
        while (i < js.length()) {
            char c = js.charAt(i);
            if (c == '\n') line++;
            if (c == '/' && js.startsWith("//", i)) {
                i = js.indexOf('\n', i);
                if (i < 0) break;
                continue;
            }
            if (c == '/' && js.startsWith("/*", i)) {
                int end = js.indexOf("*/", i + 2);
                line += (int) js.substring(i, end).chars().filter(ch -> ch == '\n').count();
                i = end + 2;
                continue;
            }
            if (c == '/' && ("(,=:[!&|?{};+-*%<>~^".indexOf(previous) >= 0 || List.of("return", "typeof", "case").contains(wordBefore(js, i)))) {
                boolean inClass = false;
                for (i++; i < js.length() && (inClass || js.charAt(i) != '/'); i++) {
                    if (js.charAt(i) == '\\') i++;
                    else if (js.charAt(i) == '[') inClass = true;
                    else if (js.charAt(i) == ']') inClass = false;
                }
                previous = ')';
                i++;
                continue;
            }
            if (c == '\'' || c == '"' || c == '`' || (c == '}' && !templates.isEmpty() && depth == templates.peek() + 1)) {
                if (c == '}') depth = templates.pop();
                int start = line;
                StringBuilder text = new StringBuilder();
                char quote = c == '}' ? '`' : c;
                for (i++; i < js.length() && js.charAt(i) != quote; i++) {
                    char s = js.charAt(i);
                    if (s == '\\') {
                        text.append(js.charAt(++i));
                        continue;
                    }
                    if (quote == '`' && js.startsWith("${", i)) break;
                    if (s == '\n') line++;
                    text.append(s);
                }
                texts.add(new Text(start, text.toString()));
                if (quote == '`' && i < js.length() && js.startsWith("${", i)) {
                    templates.push(depth);
                    depth++;
                    i += 2;
                    previous = '{';
                } else {
                    i++;
                    previous = ')';
                }
                continue;
            }
            if (c == '{') depth++;
            if (c == '}') depth--;
            if (!Character.isWhitespace(c)) previous = c;
            i++;
        }
        return texts;
    }

    /** The word just before position i of a script, spaces skipped ('return' in "return /x/"). */
    private static String wordBefore(String js, int i) {
        int end = i;
        while (end > 0 && Character.isWhitespace(js.charAt(end - 1))) end--;
        int start = end;
        while (start > 0 && Character.isLetter(js.charAt(start - 1))) start--;
        return js.substring(start, end);
    }
}
