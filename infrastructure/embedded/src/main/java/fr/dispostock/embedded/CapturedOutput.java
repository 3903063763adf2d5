package fr.dispostock.embedded;

import io.micronaut.core.type.Argument;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the functions write on stdout while it is open — their JSON logs and EMF metrics, as Lambda
 * would hand them to CloudWatch Logs — still passed through to the console.
 */
public final class CapturedOutput implements AutoCloseable {
    private static final Pattern ADDRESS = Pattern.compile("[\\w.%+'-]+@[\\w-]+(\\.[\\w-]+)+");
    private final PrintStream original = System.out;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    private CapturedOutput() {
        System.setOut(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                captured.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                original.write(b, off, len);
                captured.write(b, off, len);
            }
        }, true, StandardCharsets.UTF_8));
    }

    public static CapturedOutput start() {
        return new CapturedOutput();
    }

    /** Every line written so far. */
    public String text() {
        System.out.flush();
        return captured.toString(StandardCharsets.UTF_8);
    }

    /** Every line written so far, each read as the JSON object it must be (fails on any other line). */
    public List<Map<String, Object>> records() {
        return text().lines().filter(l -> !l.isBlank())
                .map(l -> LambdaEvents.<Map<String, Object>>fromJson(l, Argument.mapOf(String.class, Object.class).asType()))
                .toList();
    }

    /** The EMF records of a metric (CloudWatch reads a metric from a record's {@code _aws} declaration). */
    public List<Map<String, Object>> metric(String name) {
        return records().stream().filter(r -> r.containsKey("_aws") && r.containsKey(name)).toList();
    }

    /** The sum of a metric's values. */
    public long total(String name) {
        return metric(name).stream().mapToLong(r -> ((Number) r.get(name)).longValue()).sum();
    }

    /** Whether any e-mail address was written (personal data: never in logs). */
    public boolean hasAnAddress() {
        return ADDRESS.matcher(text()).find();
    }

    /** The log records (not the metrics). */
    public List<Map<String, Object>> logs() {
        return records().stream().filter(r -> !r.containsKey("_aws")).toList();
    }

    @Override
    public void close() {
        System.setOut(original);
    }
}
