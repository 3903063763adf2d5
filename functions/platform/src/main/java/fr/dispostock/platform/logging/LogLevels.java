package fr.dispostock.platform.logging;

import org.slf4j.event.Level;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Properties;

/**
 * The level of each logger: {@code json-logging.properties} (classpath) gives the default ({@code level})
 * and the level of noisy libraries ({@code level.<logger prefix>}); {@code POWERTOOLS_LOG_LEVEL}, as
 * Powertools reads it, overrides the default. {@code off} silences a logger.
 */
final class LogLevels {
    /** Above ERROR: nothing is logged. */
    static final int OFF = Integer.MAX_VALUE;
    /** A logger with no level of its own: it follows the default. */
    static final int DEFAULT = -1;
    private final Properties properties;
    private volatile int defaultLevel;

    private LogLevels(Properties properties, String override) {
        this.properties = properties;
        this.defaultLevel = parse(override != null && !override.isBlank() ? override : properties.getProperty("level", "info"));
    }

    static LogLevels load() {
        Properties p = new Properties();
        try (InputStream in = LogLevels.class.getResourceAsStream("/json-logging.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LogLevels(p, System.getenv("POWERTOOLS_LOG_LEVEL"));
    }

    /** The level configured for a logger: that of its longest configured prefix, else {@link #DEFAULT}. */
    int configured(String logger) {
        for (String name = logger; !name.isEmpty(); name = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : "") {
            String level = properties.getProperty("level." + name);
            if (level != null) {
                return parse(level);
            }
        }
        return DEFAULT;
    }

    int defaultLevel() {
        return defaultLevel;
    }

    /** Powertools sets it (POWERTOOLS_LOG_LEVEL, sampling of debug logs) through {@link PowertoolsLevels}. */
    void defaultLevel(Level level) {
        defaultLevel = level.toInt();
    }

    private static int parse(String level) {
        String l = level.trim().toUpperCase(Locale.ROOT);
        return l.equals("OFF") ? OFF : Level.valueOf(l.equals("FATAL") ? "ERROR" : l).toInt();
    }
}
