package fr.dispostock.platform.logging;

import fr.dispostock.platform.json.JsonStrings;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One log event, one JSON line on stdout: timestamp, level, logger, message, the MDC's entries
 * (Powertools' {@code function_request_id}, {@code cold_start}, {@code service}…) and the error. Any
 * e-mail address in the message or the error is masked: no personal data in logs, whatever a
 * library's exception message carries (README, personal data).
 */
final class JsonLogger extends LegacyAbstractLogger {
    /** Anything shaped like an address: local part, @, a domain with a dot. */
    private static final Pattern EMAIL = Pattern.compile("[\\w.%+'-]+@[\\w-]+(\\.[\\w-]+)+");
    static final String MASKED_EMAIL = "<e-mail>";
    private static final String SERVICE = System.getenv("POWERTOOLS_SERVICE_NAME");
    private final int configured;
    private final LogLevels levels;

    JsonLogger(String name, int configured, LogLevels levels) {
        this.name = name;
        this.configured = configured;
        this.levels = levels;
    }

    /** This logger's level now: its own, or the default (which Powertools may change). */
    int level() {
        return configured == LogLevels.DEFAULT ? levels.defaultLevel() : configured;
    }

    @Override
    public boolean isTraceEnabled() {
        return level() <= Level.TRACE.toInt();
    }

    @Override
    public boolean isDebugEnabled() {
        return level() <= Level.DEBUG.toInt();
    }

    @Override
    public boolean isInfoEnabled() {
        return level() <= Level.INFO.toInt();
    }

    @Override
    public boolean isWarnEnabled() {
        return level() <= Level.WARN.toInt();
    }

    @Override
    public boolean isErrorEnabled() {
        return level() <= Level.ERROR.toInt();
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level eventLevel, Marker marker, String pattern, Object[] arguments,
                                               Throwable error) {
        StringBuilder json = new StringBuilder(256).append('{');
        field(json, "timestamp", Instant.now().toString());
        field(json, "level", eventLevel.name());
        field(json, "logger", name);
        field(json, "message", masked(MessageFormatter.basicArrayFormat(pattern, arguments)));
        Map<String, String> context = MDC.getCopyOfContextMap();
        if (context != null) {
            context.forEach((key, value) -> {
                if (key.equals("cold_start")) {
                    json.append(",\"cold_start\":").append(Boolean.parseBoolean(value));
                } else {
                    field(json, key, value);
                }
            });
        }
        if ((context == null || !context.containsKey("service")) && SERVICE != null) {
            field(json, "service", SERVICE);
        }
        if (error != null) {
            StringWriter stack = new StringWriter();
            error.printStackTrace(new PrintWriter(stack));
            json.append(",\"error\":{");
            json.append("\"name\":");
            JsonStrings.quote(json, error.getClass().getName());
            field(json, "message", masked(String.valueOf(error.getMessage())));
            field(json, "stack", masked(stack.toString()));
            json.append('}');
        }
        json.append('}');
        System.out.println(json);
    }

    static String masked(String text) {
        return text == null ? null : EMAIL.matcher(text).replaceAll(MASKED_EMAIL);
    }

    private static void field(StringBuilder json, String key, String value) {
        if (json.length() > 1) {
            json.append(',');
        }
        JsonStrings.quote(json, key).append(':');
        if (value == null) {
            json.append("null");
        } else {
            JsonStrings.quote(json, value);
        }
    }
}
