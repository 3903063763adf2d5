package fr.dispostock.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The project's shared public reference data (shared/data beside the repository, in CI too). Tests
 * read it in place rather than from copied fixtures so that they prove the code on the whole of it.
 */
final class SharedData {
    private SharedData() {
    }

    /** One file: its header and its rows, a cell read by column name. */
    record Table(List<String> header, List<String[]> rows) {
        int column(String name) {
            int i = header.indexOf(name);
            if (i < 0) {
                throw new IllegalStateException("no column " + name + " in " + header);
            }
            return i;
        }

        List<String> values(String name) {
            int i = column(name);
            return rows.stream().map(r -> r[i]).toList();
        }
    }

    /** From the build's dispostock.root (the repository) + ../shared/data, else walking up from user.dir. */
    static Path dir() {
        String root = System.getProperty("dispostock.root");
        if (root != null && !root.isBlank()) {
            Path data = Path.of(root, "..", "shared", "data").normalize();
            if (Files.isDirectory(data)) {
                return data;
            }
        }
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path d = start; d != null; d = d.getParent()) {
            for (Path data : List.of(d.resolve("shared").resolve("data"), d.resolveSibling("shared").resolve("data"))) {
                if (Files.isDirectory(data)) {
                    return data;
                }
            }
        }
        throw new IllegalStateException("shared/data not found from dispostock.root=" + root + " nor from " + start);
    }

    static Table table(String file, String separator, Charset charset) {
        try {
            List<String> lines = Files.readAllLines(dir().resolve(file), charset);
            String quoted = Pattern.quote(separator);
            List<String> header = List.of(lines.get(0).replace("\uFEFF", "").split(quoted, -1));
            List<String[]> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (!line.isBlank()) {
                    rows.add(line.split(quoted, -1));
                }
            }
            return new Table(header, List.copyOf(rows));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
