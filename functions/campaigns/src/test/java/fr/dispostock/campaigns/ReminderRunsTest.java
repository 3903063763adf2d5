package fr.dispostock.campaigns;

import fr.dispostock.domain.BusinessMetric;
import fr.dispostock.domain.mail.Batches;
import fr.dispostock.domain.mail.Mailing;
import fr.dispostock.domain.mail.MailingId;
import fr.dispostock.domain.mail.Recipient;
import fr.dispostock.domain.mail.ReminderKind;
import fr.dispostock.domain.mail.ReminderRun;
import fr.dispostock.domain.mail.ReminderRunStore;
import fr.dispostock.embedded.DynamoDbLocalExtension;
import fr.dispostock.embedded.FakeLambdaContext;
import fr.dispostock.embedded.LambdaEvents;
import fr.dispostock.embedded.HttpApiHarness.Response;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static fr.dispostock.campaigns.CampaignsFunction.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The national operator reads what each reminder run did. */
@ExtendWith(DynamoDbLocalExtension.class)
class ReminderRunsTest {

    /** A run of that many recipients as the reminders function stores it, ready to send. */
    static MailingId run(ReminderKind kind, String scheduledFor, int recipients) {
        Instant at = Instant.parse(scheduledFor);
        List<List<Recipient>> batches = Batches.of(IntStream.range(0, recipients)
                .mapToObj(i -> new Recipient("pui-" + i + "@dispostock.invalid", Map.of("week", "2026-W48"))).toList());
        MailingId id = MailingId.reminderRun(kind, at);
        assertTrue(API.context().getBean(ReminderRunStore.class).create(new ReminderRun(kind, at, at.plusSeconds(2),
                Mailing.created(id, "Rappel {{week}}", "Déclarez la semaine {{week}}.", null, Mailing.Delivery.AT_MOST_ONCE,
                        Mailing.Status.SENDING, recipients, batches.size(), 1)), batches));
        return id;
    }

    @BeforeEach
    void noRuns() {
        DynamoDbLocalExtension.dynamoDb().deleteAllItems("MailTable");
        SES.clear();
    }

    @Test
    void the_national_operator_reads_the_runs_since_an_instant_with_what_each_sent() {
        // given last week's Monday run, and this Monday's morning run (sent) and afternoon run (being sent)
        run(ReminderKind.WEEKLY_DECLARATION, "2026-11-16T07:00:00Z", 10);
        MailingId morning = run(ReminderKind.WEEKLY_DECLARATION, "2026-11-23T07:00:00Z", 70);
        run(ReminderKind.WEEKLY_DECLARATION, "2026-11-23T13:00:00Z", 5);
        new MailingSender(API.context().getBean(fr.dispostock.domain.mail.MailingStore.class),
                API.context().getBean(fr.dispostock.domain.mail.BulkMailer.class), Clock.systemUTC(),
                API.context().getBean(BusinessMetric.Counter.class))
                .resume(morning, Duration.ofMinutes(1), Integer.MAX_VALUE);

        // when it asks for the runs since this Monday
        Response r = API.call("GET", "/v1/reminder-runs?since=2026-11-23T00:00:00Z", NATIONAL, null);

        // then this Monday's two runs, oldest first, with their counts
        assertEquals(200, r.status(), r.body());
        List<?> runs = r.list();
        assertEquals(2, runs.size(), r.body());
        Map<?, ?> first = (Map<?, ?>) runs.get(0);
        assertEquals("weekly-declaration", first.get("kind"));
        assertEquals("2026-11-23T07:00:00Z", first.get("scheduledFor"));
        assertEquals("2026-11-23T07:00:02Z", first.get("startedAt"));
        assertEquals("SENT", first.get("status"));
        assertEquals(70, ((Number) first.get("recipients")).intValue());
        assertEquals(70, ((Number) first.get("sent")).intValue());
        assertEquals(0, ((Number) first.get("failed")).intValue());
        assertEquals(1, ((Number) first.get("suppressed")).intValue());
        assertEquals("SENDING", ((Map<?, ?>) runs.get(1)).get("status"));
        assertEquals(70, SES.recipients().size());
    }

    @Test
    void a_bounce_of_a_reminder_counts_against_its_run_and_suppresses_the_address() throws Exception {
        // given a Monday run, and SES's bounce event of one of its mails (tagged with the run, as the sender tags it)
        MailingId id = run(ReminderKind.WEEKLY_DECLARATION, "2026-11-23T07:00:00Z", 3);
        String json;
        try (InputStream in = ReminderRunsTest.class.getResourceAsStream("/aws-events/ses-bounce-eventbridge.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("\"campaign\": [\"CAMPAIGN_ID\"]", "\"" + id.type().tag() + "\": [\"" + id.value() + "\"]");
        }
        Map<String, Object> event = LambdaEvents.fromJson(json, Argument.mapOf(String.class, Object.class).asType());

        // when the bounce handler receives it
        try (MailEventHandler handler = new MailEventHandler(ApplicationContext.builder().properties(Map.of(
                "dispostock.dynamodb.endpoint", DynamoDbLocalExtension.dynamoDb().endpoint().toString()))
                .environments("function", "test"))) {
            handler.handleRequest(event, new FakeLambdaContext());
        }

        // then the run's report counts it, and the address is suppressed from what comes next
        Response r = API.call("GET", "/v1/reminder-runs?since=2026-11-23T00:00:00Z", NATIONAL, null);
        assertEquals(1, ((Number) ((Map<?, ?>) r.list().get(0)).get("bounced")).intValue(), r.body());
        assertEquals(Set.of("pui-010000024@dispostock.invalid"), API.context()
                .getBean(fr.dispostock.domain.mail.MailingStore.class).suppressed(Set.of("pui-010000024@dispostock.invalid")));
    }

    @Test
    void since_is_required_and_must_be_an_instant() {
        // when the runs are asked without since, then with a date that is not an instant
        Response none = API.call("GET", "/v1/reminder-runs", NATIONAL, null);
        Response bad = API.call("GET", "/v1/reminder-runs?since=lundi", NATIONAL, null);

        // then 422 names the parameter, each time
        assertEquals(422, none.status(), none.body());
        assertEquals(422, bad.status(), bad.body());
        assertEquals(List.of("since"), ((List<?>) bad.object().get("errors")).stream()
                .map(e -> ((Map<?, ?>) e).get("pointer")).toList());
    }
}
