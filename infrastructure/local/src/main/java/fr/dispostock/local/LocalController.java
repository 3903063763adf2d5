package fr.dispostock.local;

import fr.dispostock.domain.FieldError;
import fr.dispostock.domain.InvalidRequestException;
import fr.dispostock.domain.Violations;
import fr.dispostock.embedded.LocalTokens;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Routes that exist on the local platform only (never in AWS): tokens and the mail outbox. */
@Controller("/local")
public class LocalController {
    private static final List<String> ROLES = List.of("PHARMACIST", "ARS", "OMEDIT", "NATIONAL", "SUPPLIER");
    private final LocalTokens tokens;
    private final LocalOutbox outbox;

    public LocalController(LocalTokens tokens, LocalOutbox outbox) {
        this.tokens = tokens;
        this.outbox = outbox;
    }

    @Serdeable
    public record TokenRequest(List<String> roles, @Nullable List<String> finessEj, @Nullable String region,
                               @Nullable String email, @Nullable String sub) {
    }

    /** A token of the identity platform's shape, signed with the local key. */
    @Post("/token")
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
