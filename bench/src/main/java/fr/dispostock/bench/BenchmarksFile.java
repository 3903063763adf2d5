package fr.dispostock.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** BENCHMARKS.md at the repository root: each benchmark rewrites its own section only. */
public final class BenchmarksFile {
    private BenchmarksFile() {
    }

    public static void writeSection(String name, String markdown) {
        Path file = Path.of(System.getProperty("dispostock.root", ".")).resolve("BENCHMARKS.md");
        String begin = "<!-- " + name + ":begin -->";
        String end = "<!-- " + name + ":end -->";
        try {
            String text = Files.exists(file) ? Files.readString(file)
                    : "# Benchmarks\n\nEach section is written by the benchmark named in it, which measures its own"
                    + " baseline in the same run (these machines are noisy: 2 shared cores). Ratios, not absolute"
                    + " numbers, are what to compare.\n";
            String section = begin + "\n" + markdown.strip() + "\n" + end;
            int b = text.indexOf(begin);
            int e = text.indexOf(end);
            text = b >= 0 && e > b ? text.substring(0, b) + section + text.substring(e + end.length())
                    : text.stripTrailing() + "\n\n" + section + "\n";
            Files.writeString(file, text);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public static String percentile(long[] sortedMicros, double p) {
        int i = (int) Math.ceil(p / 100.0 * sortedMicros.length) - 1;
        return String.format("%.1f", sortedMicros[Math.max(0, i)] / 1000.0);
    }
}
