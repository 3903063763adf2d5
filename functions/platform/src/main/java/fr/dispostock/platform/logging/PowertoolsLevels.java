package fr.dispostock.platform.logging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import software.amazon.lambda.powertools.logging.internal.LoggingManager;

/**
 * How Powertools' logging sets and reads levels ({@code POWERTOOLS_LOG_LEVEL}, sampling) on this
 * backend, as its own log4j2 and logback modules do (ServiceLoader); without one it writes three
 * lines of plain-text warnings on every cold start.
 */
public final class PowertoolsLevels implements LoggingManager {
    @Override
    public void setLogLevel(Level level) {
        ((JsonLoggers) LoggerFactory.getILoggerFactory()).levels().defaultLevel(level);
    }

    @Override
    public Level getLogLevel(Logger logger) {
        int level = ((JsonLogger) logger).level();
        for (Level l : Level.values()) {
            if (l.toInt() >= level) {
                return l;
            }
        }
        return Level.ERROR;
    }
}
