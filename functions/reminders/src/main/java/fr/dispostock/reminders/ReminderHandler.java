package fr.dispostock.reminders;

import fr.dispostock.domain.mail.ReminderKind;
import fr.dispostock.platform.lambda.EventHandler;
import fr.dispostock.platform.mail.ReminderRunView;
import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lambda entry of the reminders: EventBridge Scheduler invokes it with the input of the schedule
 * (template.yaml): {@code {"kind": "weekly-declaration", "scheduledTime": "2026-11-23T07:00:00Z"}}. It
 * fixes the run's recipients and kicks the mailing sender (a kick item in the MailTable, whose stream
 * invokes the sender function): it calls DynamoDB only. Input and answer are plain maps.
 */
public class ReminderHandler extends EventHandler<Map<String, String>, Map<String, Object>> {
    @Inject
    ReminderService reminders;

    public ReminderHandler() {
    }

    /** For tests: the same handler on a context of their making. */
    public ReminderHandler(ApplicationContextBuilder builder) {
        super(builder);
    }

    @Override
    protected Map<String, Object> handle(Map<String, String> input) {
        return report(reminders.run(ReminderKind.parse(input.get("kind")), Instant.parse(input.get("scheduledTime"))));
    }

    /** The run's report, and whether this delivery of the schedule found it made already. */
    public static Map<String, Object> report(ReminderService.Outcome outcome) {
        ReminderRunView r = ReminderRunView.of(outcome.run());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("kind", r.kind());
        answer.put("scheduledFor", r.scheduledFor().toString());
        answer.put("startedAt", r.startedAt().toString());
        answer.put("status", r.status());
        answer.put("recipients", r.recipients());
        answer.put("sent", r.sent());
        answer.put("failed", r.failed());
        answer.put("bounced", r.bounced());
        answer.put("suppressed", r.suppressed());
        answer.put("duplicate", outcome.duplicate());
        return answer;
    }
}
