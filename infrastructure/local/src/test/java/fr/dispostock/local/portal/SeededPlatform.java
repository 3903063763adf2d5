package fr.dispostock.local.portal;

import fr.dispostock.local.FranceSeed;
import fr.dispostock.local.LocalPlatform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The local platform the browser tests run against, on a temporary copy of a seeded database: the
 * seed (thousands of register writes through the API's rules, minutes on a busy machine) is made
 * once per seed version into target/ and copied for each test run, so that no run sees another's
 * changes. Each test JVM of the run (surefire's forks) has its own copy.
 */
final class SeededPlatform implements AutoCloseable {
    /** The small seed's own files; the rest (tracked items, catalogue, mapping) is in the whole-France seed's key. */
    private static final List<String> SEED_FILES = List.of("seed/finess-small.csv", "seed/puis-small.csv");
    private final Path data;
    private final LocalPlatform platform;

    private SeededPlatform(Path data, LocalPlatform platform) {
        this.data = data;
        this.platform = platform;
    }

    static SeededPlatform start() {
        try {
            Path seeded = Path.of("target", "portal-browser-seed-" + seedVersion());
            // the test JVMs of a run start together: one makes the seed, the others wait for it
            try (FileChannel lock = FileChannel.open(Path.of("target", "portal-browser-seed.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock held = lock.lock()) {
                if (!Files.exists(seeded)) {
                    Path making = Files.createTempDirectory(Path.of("target"), "portal-browser-seed");
                    LocalPlatform.start(0, making).close();
                    Files.move(making, seeded, StandardCopyOption.ATOMIC_MOVE);
                }
            }
            Path data = Files.createTempDirectory("portal-browser");
            copy(seeded, data);
            return new SeededPlatform(data, LocalPlatform.start(0, data));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    LocalPlatform platform() {
        return platform;
    }

    /** A digest of the seed files the platform loads on an empty database, and of how they become items. */
    private static String seedVersion() throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String file : SEED_FILES) {
                try (InputStream in = SeededPlatform.class.getClassLoader().getResourceAsStream(file)) {
                    digest.update(in.readAllBytes());
                }
            }
            // the tracked items, the catalogue and the stores' mapping (RegisterItems…): a seed made by an older mapping misses keys
            digest.update(FranceSeed.key().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        platform.close();
        Files.walkFileTree(data, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override // the database's write-ahead log, which SQLite removes as its connection closes
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
                Files.deleteIfExists(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
