package fr.dispostock.platform.auth;

import fr.dispostock.domain.Caller;
import fr.dispostock.platform.web.Problems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.List;
import java.util.Optional;

/**
 * Every /v1 route needs a valid bearer token (without one, 401) holding a Dispostock role (without
 * one, 403), or a hospital software's client-credentials token on its routes ({@link MachineClients};
 * elsewhere 403), before any handler runs.
 */
@ServerFilter("/v1/**")
@Order(AuthenticationFilter.ORDER)
public class AuthenticationFilter {
    /** Before every filter that reads the body ({@code SingleJsonValueFilter}): a stranger learns nothing of its rules. */
    public static final int ORDER = 0;
    /** The request attribute handlers read the verified caller from. */
    public static final String CALLER = "dispostock.caller";
    private final TokenVerifier verifier;
    private final List<CallerObserver> observers;

    public AuthenticationFilter(TokenVerifier verifier, List<CallerObserver> observers) {
        this.verifier = verifier;
        this.observers = observers;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> authenticate(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return unauthorized("An Authorization: Bearer <token> header is required.");
        }
        Optional<Caller> caller = verifier.verify(header.substring(7).trim());
        if (caller.isEmpty()) {
            return unauthorized("The bearer token is invalid, expired, or not issued for Dispostock.");
        }
        if (caller.get().isMachineClient()) {
            if (!MachineClients.allows(request.getMethodName(), request.getPath())) {
                return Problems.response(HttpStatus.FORBIDDEN, "Forbidden", "A hospital's software (OAuth client "
                        + "credentials) only declares and reads its establishment's weekly declarations, expected "
                        + "items and State-stock lots.", null);
            }
            // not an account: nothing to record
            request.setAttribute(CALLER, caller.get());
            return null;
        }
        if (caller.get().roles().isEmpty()) {
            // signed by the identity platform for another application (or with roles we don't know):
            // authenticated, but Dispostock gives it nothing, not even what every role reads
            return Problems.response(HttpStatus.FORBIDDEN, "Forbidden",
                    "Your account holds no Dispostock role (PHARMACIST, ARS, OMEDIT, NATIONAL or SUPPLIER).", null);
        }
        request.setAttribute(CALLER, caller.get());
        observers.forEach(o -> o.seen(caller.get()));
        return null;
    }

    private static HttpResponse<?> unauthorized(String detail) {
        return Problems.response(HttpStatus.UNAUTHORIZED, "Unauthorized", detail, null)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
}
