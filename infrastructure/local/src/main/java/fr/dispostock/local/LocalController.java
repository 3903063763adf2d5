package fr.dispostock.local;

import fr.dispostock.domain.Dates;
import fr.dispostock.domain.FieldError;
import fr.dispostock.domain.InvalidRequestException;
import fr.dispostock.domain.Violations;
import fr.dispostock.domain.mail.Mailing;
import fr.dispostock.domain.mail.ReminderKind;
import fr.dispostock.domain.mail.ReminderRun;
import fr.dispostock.domain.mail.ReminderRunStore;
import fr.dispostock.embedded.LocalTokens;
import fr.dispostock.reminders.ReminderHandler;
import fr.dispostock.reminders.ReminderService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Routes that exist on the local platform only (never in AWS): tokens (a person's, a hospital
 * software's) and the software's registration, the mail outbox, reminders by hand.
 */
@Controller("/local")
public class LocalController {
    private static final List<String> ROLES = List.of("PHARMACIST", "ARS", "OMEDIT", "NATIONAL", "SUPPLIER");
    private final LocalTokens tokens;
    private final LocalOutbox outbox;
    private final ReminderService reminders;
    private final ReminderRunStore runs;
    private final LocalClients clients;
    private final Clock clock;

    public LocalController(LocalTokens tokens, LocalOutbox outbox, ReminderService reminders, ReminderRunStore runs,
                           LocalClients clients, Clock clock) {
        this.tokens = tokens;
        this.outbox = outbox;
        this.reminders = reminders;
        this.runs = runs;
        this.clients = clients;
        this.clock = clock;
    }

    /**
     * Runs a reminder as its schedule would on that date, at 08:00 in Paris (the afternoon Monday run
     * is the same reminder at another hour: `at=14:00`). The platform's sender thread mails the run to
     * the outbox; the answer waits (a minute at most) for it to be sent and is the run's report. The
     * same run again sends nothing ({@code duplicate: true}).
     */
    @Post("/reminders/{kind}")
    public Map<String, Object> reminder(String kind, @Nullable @QueryValue String date, @Nullable @QueryValue String at)
            throws InterruptedException {
        Violations v = new Violations();
        ReminderKind k = v.parse("kind", kind, ReminderKind::parse);
        LocalDate day = v.parse("date", date, Dates::parse);
        LocalTime time = v.parseOptional("at", at, LocalController::time);
        v.throwIfAny("Invalid reminder");
        ReminderService.Outcome outcome = reminders.run(k,
                ZonedDateTime.of(day, time == null ? LocalTime.of(8, 0) : time, Dates.PARIS).toInstant());
        ReminderRun run = outcome.run();
        for (long deadline = System.nanoTime() + 60_000_000_000L;
             run.mailing().status() == Mailing.Status.SENDING && System.nanoTime() < deadline; ) {
            Thread.sleep(50);
            run = runs.run(run.kind(), run.scheduledFor()).orElseThrow();
        }
        return ReminderHandler.report(new ReminderService.Outcome(run, outcome.duplicate()));
    }

    static LocalTime time(String raw) {
        try {
            return LocalTime.parse(raw);
        } catch (DateTimeParseException e) {
            throw new fr.dispostock.domain.InvalidValueException("must be a time such as 14:00");
        }
    }

    @Serdeable
    public record TokenRequest(List<String> roles, @Nullable List<String> finessEj, @Nullable String region,
                               @Nullable String email, @Nullable String sub) {
    }

    /** A person's token of the identity platform's shape, signed with the local key. */
    @Post(value = "/token", consumes = MediaType.APPLICATION_JSON)
    public Map<String, String> token(@Body TokenRequest request) {
        Violations v = new Violations();
        if (request.roles() == null || request.roles().isEmpty()) {
            v.add("/roles", "at least one of " + ROLES);
        } else {
            for (int i = 0; i < request.roles().size(); i++) {
                if (!ROLES.contains(request.roles().get(i))) {
                    v.add("/roles/" + i, "must be one of " + ROLES);
                }
            }
        }
        v.throwIfAny("Invalid token request");
        String subject = request.sub() != null ? request.sub()
                : request.email() != null ? request.email() : "local-" + UUID.randomUUID();
        return Map.of("token", tokens.token(subject, request.email(), request.roles(),
                request.finessEj() == null ? List.of() : request.finessEj(), request.region()));
    }

    /**
     * A hospital software's token: OAuth 2.0 client credentials ({@code grant_type=client_credentials},
     * the client authenticated by HTTP Basic or by client_id and client_secret in the form).
     */
    @Post(value = "/token", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<Map<String, Object>> clientToken(@Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization,
                                                         @Nullable String grant_type, @Nullable String client_id,
                                                         @Nullable String client_secret) {
        if (!"client_credentials".equals(grant_type)) {
            return HttpResponse.badRequest(Map.<String, Object>of("error", "unsupported_grant_type",
                    "error_description", "this form takes grant_type=client_credentials"));
        }
        return clients.token(tokens, clock, authorization, client_id, client_secret);
    }

    @Serdeable
    public record ClientRequest(@Nullable String clientId, @Nullable String finessEj) {
    }

    /** Registers a hospital's software for one establishment; its secret is in this answer only. */
    @Post(value = "/clients", consumes = MediaType.APPLICATION_JSON)
    public HttpResponse<LocalClients.Registered> registerClient(@Body ClientRequest request) {
        return HttpResponse.created(clients.register(request.clientId(), request.finessEj()));
    }

    @Get("/outbox")
    public List<LocalOutbox.SentMail> outbox(@Nullable @QueryValue String since) {
        try {
            return outbox.since(since == null ? null : Instant.parse(since));
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("Invalid query",
                    List.of(new FieldError("since", "must be an instant such as 2026-11-23T07:00:00Z")));
        }
    }

    @Delete("/outbox")
    public HttpResponse<Void> clearOutbox() {
        outbox.clear();
        return HttpResponse.noContent();
    }
}
