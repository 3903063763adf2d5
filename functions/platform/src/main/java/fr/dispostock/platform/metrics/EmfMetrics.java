package fr.dispostock.platform.metrics;

import fr.dispostock.domain.BusinessMetric;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.MDC;

import java.time.Clock;

/**
 * The business counts as CloudWatch metrics in the embedded metric format (EMF): one JSON line on
 * stdout per event, which CloudWatch Logs turns into a metric of namespace {@code
 * POWERTOOLS_METRICS_NAMESPACE} (default {@code Dispostock}) with the dimension {@code service} =
 * {@code POWERTOOLS_SERVICE_NAME} (default: the function's application name), and the invocation's
 * request id as a property (not a dimension) to find its logs. Written here rather than by Powertools'
 * metrics module, whose EMF library (and Jackson) made a function's first metric cost a second or more
 * on a cold start (BENCHMARKS.md, cold-start-operations).
 */
@Singleton
public class EmfMetrics implements BusinessMetric.Counter {
    private final String namespace;
    private final String service;
    private final Clock clock;

    public EmfMetrics(@Value("${powertools.metrics.namespace:Dispostock}") String namespace,
                      @Value("${powertools.service.name:}") String service,
                      @Value("${micronaut.application.name:dispostock}") String application, Clock clock) {
        this.namespace = namespace;
        this.service = service.isBlank() ? application : service;
        this.clock = clock;
    }

    @Override
    public void count(BusinessMetric metric, long count) {
        write(service, metric, count);
    }

    /** The EMF line of {@code count} events of {@code service} (nothing when 0). */
    protected void write(String service, BusinessMetric metric, long count) {
        if (count == 0) {
            return;
        }
        String name = metric.metricName();
        String requestId = MDC.get("function_request_id");
        // names are the enum's and the configuration's: letters and dashes, nothing to escape
        System.out.println("{\"_aws\":{\"Timestamp\":" + clock.millis() + ",\"CloudWatchMetrics\":[{\"Namespace\":\""
                + namespace + "\",\"Dimensions\":[[\"service\"]],\"Metrics\":[{\"Name\":\"" + name
                + "\",\"Unit\":\"Count\"}]}]},\"service\":\"" + service + "\",\"" + name + "\":" + count
                + (requestId == null ? "" : ",\"function_request_id\":\"" + requestId + "\"") + "}");
    }
}
