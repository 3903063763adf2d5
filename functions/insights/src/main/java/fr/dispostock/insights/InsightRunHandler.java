package fr.dispostock.insights;

import fr.dispostock.domain.declaration.DeclarationReader;
import fr.dispostock.domain.insight.InsightRun;
import fr.dispostock.domain.insight.InsightStore;
import fr.dispostock.domain.register.RegisterReader;
import fr.dispostock.domain.register.SupplyStatusReader;
import fr.dispostock.domain.statestock.StateStockReader;
import fr.dispostock.platform.lambda.EventHandler;
import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lambda entry of the insights' runs: EventBridge Scheduler invokes it with the input of its
 * schedule (template.yaml): {@code {"after": "weekly-declarations", "scheduledTime": "2026-11-23T14:00:00Z"}}.
 * It reads the declarations, registers (items, their CIS codes and shortage statuses) and State stock and
 * writes the InsightsTable: DynamoDB only.
 */
public class InsightRunHandler extends EventHandler<Map<String, String>, Map<String, Object>> {
    @Inject
    DeclarationReader declarations;
    @Inject
    StateStockReader stateStock;
    @Inject
    InsightStore insights;
    @Inject
    Clock clock;
    @Inject
    RegisterReader registers;
    @Inject
    SupplyStatusReader statuses;

    public InsightRunHandler() {
    }

    /** For tests: the same handler on a context of their making. */
    public InsightRunHandler(ApplicationContextBuilder builder) {
        super(builder);
    }

    @Override
    protected Map<String, Object> handle(Map<String, String> input) {
        return report(new InsightRunService(declarations, stateStock, insights, clock, registers, statuses)
                .run(Instant.parse(input.get("scheduledTime"))));
    }

    /** The run's report, and whether this delivery of the schedule found it done already. */
    public static Map<String, Object> report(InsightRunService.Outcome outcome) {
        InsightRun r = outcome.run();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("scheduledFor", r.scheduledFor().toString());
        answer.put("week", r.week().toString());
        answer.put("status", r.status().name());
        answer.put("assessed", r.assessed());
        answer.put("alerts", r.alerts());
        answer.put("duplicate", outcome.duplicate());
        return answer;
    }
}
