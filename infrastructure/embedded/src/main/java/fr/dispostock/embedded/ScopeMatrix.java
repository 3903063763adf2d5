package fr.dispostock.embedded;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The role × route × scope matrix every function's test walks: each kind of account, in and out of
 * its scope, against each route. A route answers 403 exactly to the accounts outside its scope,
 * never 401 to a valid token nor 5xx; without a valid token, every route answers 401.
 */
public final class ScopeMatrix {
    /**
     * @param path        computed per call, for routes that change what they act on (a fresh order each time)
     * @param body        JSON (an object), CSV (a String), or a file's bytes (sent base64-encoded, as API Gateway does)
     * @param contentType the body's media type, when it is not what {@link HttpApiHarness#call} guesses
     * @param allowed     the names (see {@link #accounts}) of the accounts in scope
     */
    public record Route(String method, Supplier<String> path, Object body, String contentType, Set<String> allowed) {
        public Route(String method, String path, Object body, Set<String> allowed) {
            this(method, () -> path, body, null, allowed);
        }

        public Route(String method, Supplier<String> path, Object body, Set<String> allowed) {
            this(method, path, body, null, allowed);
        }

        /** A body of this media type (FHIR, xlsx): one out of scope is refused before it is read, whatever it holds. */
        public Route(String method, String path, Object body, String contentType, Set<String> allowed) {
            this(method, () -> path, body, contentType, allowed);
        }

        /** How the route answers an error: FHIR's OperationOutcome to a FHIR body, else problem+json. */
        String errorType() {
            return "application/fhir+json".equals(contentType) ? contentType : "application/problem+json";
        }

        HttpApiHarness.Response call(HttpApiHarness api, String path, String token, Map<String, String> headers) {
            if (body instanceof byte[] bytes) {
                return api.call(method, path, token, bytes, contentType);
            }
            Map<String, String> sent = new LinkedHashMap<>(headers);
            if (contentType != null) {
                sent.put("Content-Type", contentType);
            }
            return api.call(method, path, token, body, sent);
        }
    }

    /** Every account that holds a Dispostock role: what the routes "for everyone" allow. */
    public static final Set<String> WITH_A_ROLE = Set.of("NATIONAL", "ARS-own", "ARS-other", "OMEDIT-own",
            "OMEDIT-other", "PHARMACIST-own", "PHARMACIST-other", "SUPPLIER");

    private ScopeMatrix() {
    }

    /**
     * The kinds of account, by the names routes use: "own" is region 84 for ARS and OMEDIT, and the
     * given establishment for a pharmacist; "other" is region 94 and another establishment. "NO-ROLE"
     * and "FOREIGN-ROLE" (only roles Dispostock does not know, one of them a lower-case "pharmacist")
     * carry the own establishment and region, which must not help them. "CLIENT-own" and "CLIENT-other"
     * are a hospital's software (client credentials) bound to the own and the other establishment.
     */
    public static Map<String, String> accounts(LocalTokens tokens, String ownFinessEj, String otherFinessEj) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("NATIONAL", tokens.token("dgs", "operateur@sante.gouv.fr", List.of("NATIONAL"), List.of(), null));
        a.put("ARS-own", tokens.token("ars-84", "agent@ars.sante.fr", List.of("ARS"), List.of(), "84"));
        a.put("ARS-other", tokens.token("ars-94", "agent@ars-corse.sante.fr", List.of("ARS"), List.of(), "94"));
        a.put("OMEDIT-own", tokens.token("omedit-84", null, List.of("OMEDIT"), List.of(), "84"));
        a.put("OMEDIT-other", tokens.token("omedit-94", null, List.of("OMEDIT"), List.of(), "94"));
        a.put("PHARMACIST-own", tokens.token("ph-own", "ph@own.fr", List.of("PHARMACIST"), List.of(ownFinessEj), null));
        a.put("PHARMACIST-other", tokens.token("ph-other", "ph@other.fr", List.of("PHARMACIST"), List.of(otherFinessEj), null));
        a.put("SUPPLIER", tokens.token("spf", "logistique@santepubliquefrance.fr", List.of("SUPPLIER"), List.of(), null));
        // validly signed for Dispostock, but holding no role of it: refused everywhere
        a.put("NO-ROLE", tokens.token("nobody", "nobody@chu.fr", List.of(), List.of(ownFinessEj), "84"));
        // a hospital's software (OAuth client credentials), bound to one establishment
        a.put("CLIENT-own", tokens.clientToken("logiciel-own", List.of(ownFinessEj), Instant.now().plus(Duration.ofHours(1))));
        a.put("CLIENT-other", tokens.clientToken("logiciel-other", List.of(otherFinessEj), Instant.now().plus(Duration.ofHours(1))));
        a.put("FOREIGN-ROLE", tokens.token("other-app", "admin@chu.fr", List.of("ADMIN", "pharmacist"),
                List.of(ownFinessEj), "84"));
        return a;
    }

    /** Every call whose answer leaks (or wrongly refuses); empty when the matrix holds. */
    public static List<String> leaks(HttpApiHarness api, Map<String, String> accounts, List<Route> routes,
                                     Map<String, String> headers) {
        List<String> leaks = new ArrayList<>();
        for (Route route : routes) {
            for (Map.Entry<String, String> account : accounts.entrySet()) {
                String path = route.path().get();
                HttpApiHarness.Response r = route.call(api, path, account.getValue(), headers);
                boolean allowed = route.allowed().contains(account.getKey());
                if (allowed == (r.status() == 403) || r.status() == 401 || r.status() >= 500) {
                    leaks.add(account.getKey() + " " + route.method() + " " + path + " -> " + r.status()
                            + " (expected " + (allowed ? "allowed" : "403") + "): " + r.body());
                }
            }
        }
        return leaks;
    }

    /** Every route that answers anything but 401 (problem+json, or FHIR's OperationOutcome) to one of these bad tokens (null: none). */
    public static List<String> unauthenticated(HttpApiHarness api, List<Route> routes, List<String> badTokens) {
        List<String> leaks = new ArrayList<>();
        for (Route route : routes) {
            for (String token : badTokens) {
                HttpApiHarness.Response r = route.call(api, route.path().get(), token, Map.of());
                if (r.status() != 401 || !route.errorType().equals(r.header("Content-Type"))) {
                    leaks.add(route.method() + " " + route.path().get() + " -> " + r.status() + " " + r.header("Content-Type"));
                }
            }
        }
        return leaks;
    }
}
