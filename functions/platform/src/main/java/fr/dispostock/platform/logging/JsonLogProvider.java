package fr.dispostock.platform.logging;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J backend of every function: one JSON object per line on stdout, with the keys of Powertools'
 * own JSON layout ({@code LambdaJsonLayout}), its Lambda fields (request id, cold start, service…) taken
 * from the MDC where Powertools' functional logging puts them. Powertools' own
 * backends cost too much cold start (log4j2: about a second here, logback's JSON encoder about half a
 * second: BENCHMARKS.md, cold-start-operations); this one loads a handful of classes.
 */
public final class JsonLogProvider implements SLF4JServiceProvider {
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new BasicMDCAdapter();
    private ILoggerFactory loggers;

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        loggers = new JsonLoggers(LogLevels.load());
    }
}
