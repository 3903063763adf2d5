package fr.dispostock.platform.logging;

import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The loggers of {@link JsonLogProvider}, one per name, each at the level its name is configured for. */
final class JsonLoggers implements ILoggerFactory {
    private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();
    private final LogLevels levels;

    JsonLoggers(LogLevels levels) {
        this.levels = levels;
    }

    LogLevels levels() {
        return levels;
    }

    @Override
    public Logger getLogger(String name) {
        return loggers.computeIfAbsent(name, n -> new JsonLogger(n, levels.configured(n), levels));
    }
}
