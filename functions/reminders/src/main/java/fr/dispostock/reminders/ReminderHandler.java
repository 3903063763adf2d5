package fr.dispostock.reminders;

import fr.dispostock.domain.mail.ReminderKind;
import fr.dispostock.platform.lambda.LambdaContexts;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lambda entry of the reminders: EventBridge Scheduler invokes it with the input of the schedule
 * (template.yaml): {@code {"kind": "weekly-declaration", "scheduledTime": "2026-11-23T07:00:00Z"}}.
 * Input and answer are plain maps, which the Lambda runtime's own serializer reads and writes.
 */
public class ReminderHandler extends MicronautRequestHandler<Map<String, String>, Map<String, Object>> {
    @Inject
    ReminderService reminders;

    public ReminderHandler() {
    }

    /** For tests: the same handler on a context of their making. */
    public ReminderHandler(ApplicationContextBuilder builder) {
        super(builder);
    }

    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        return LambdaContexts.builder();
    }

    @Override
    public Map<String, Object> execute(Map<String, String> input) {
        ReminderService.Report r = reminders.run(ReminderKind.parse(input.get("kind")),
                Instant.parse(input.get("scheduledTime")));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("kind", r.kind());
        answer.put("scheduledTime", r.scheduledTime().toString());
        answer.put("sent", r.sent());
        answer.put("skipped", r.skipped());
        answer.put("failed", r.failed());
        return answer;
    }
}
