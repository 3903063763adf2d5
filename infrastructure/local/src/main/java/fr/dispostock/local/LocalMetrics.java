package fr.dispostock.local;

import fr.dispostock.domain.BusinessMetric;
import fr.dispostock.platform.metrics.EmfMetrics;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The business metrics of the local platform, which runs every function in one process: each carries
 * the {@code service} of the function that counts it in AWS (its {@code POWERTOOLS_SERVICE_NAME} in
 * template.yaml), found from the class counting, instead of one name for all.
 */
@Singleton
@Replaces(EmfMetrics.class)
@Requires(env = "local")
public class LocalMetrics extends EmfMetrics {
    /** By class first (the campaigns module builds three functions), then by the function module's package. */
    static final Map<String, String> SERVICES = Map.of(
            "fr.dispostock.campaigns.MailingSender", "mailing-sender",
            "fr.dispostock.campaigns.MailEventHandler", "ses-events",
            "fr.dispostock.campaigns", "campaigns",
            "fr.dispostock.declarations", "declarations",
            "fr.dispostock.registers", "registers",
            "fr.dispostock.reminders", "reminders",
            "fr.dispostock.statestock", "state-stock");
    private static final StackWalker STACK = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    public LocalMetrics(@Value("${powertools.metrics.namespace:Dispostock}") String namespace, Clock clock) {
        super(namespace, "local", "local", clock);
    }

    /** The first class of a function module on the stack (not this one, nor the platform, the domain, the local platform's). */
    @Override
    public void count(BusinessMetric metric, long count) {
        write(serviceOf(STACK.walk(frames -> frames.map(f -> f.getDeclaringClass().getName())
                .filter(c -> !c.startsWith("fr.dispostock.platform.") && !c.startsWith("fr.dispostock.domain.")
                        && !c.startsWith("fr.dispostock.local."))
                .filter(c -> c.startsWith("fr.dispostock.")).findFirst())), metric, count);
    }

    /** The service of the class counting (its top-level class: lambdas and inner classes count for it). */
    static String serviceOf(Optional<String> counting) {
        String type = counting.map(c -> c.contains("$") ? c.substring(0, c.indexOf('$')) : c).orElse("");
        String module = type.contains(".") ? type.substring(0, type.indexOf('.', "fr.dispostock.".length())) : type;
        return SERVICES.getOrDefault(type, SERVICES.getOrDefault(module, "local"));
    }
}
