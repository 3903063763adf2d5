package fr.dispostock.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The project's shared public reference data (../shared/data beside the repository, in CI too). */
final class SharedData {
    private SharedData() {
    }

    static Path dir() {
        String root = System.getProperty("dispostock.root");
        Path start = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
        for (Path d = start; d != null; d = d.getParent()) {
            Path data = d.resolveSibling("shared").resolve("data");
            if (Files.isDirectory(data)) {
                return data;
            }
        }
        throw new IllegalStateException("../shared/data not found from " + start);
    }

    static List<String[]> rows(String file, String separator, Charset charset) {
        try {
            return Files.readAllLines(dir().resolve(file), charset).stream().skip(1)
                    .filter(l -> !l.isBlank()).map(l -> l.split(separator, -1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
