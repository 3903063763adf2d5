package fr.dispostock.local;

import fr.dispostock.domain.Region;
import fr.dispostock.domain.register.Establishment;
import fr.dispostock.domain.register.RegisterStore;
import fr.dispostock.embedded.LocalTokens;
import io.micronaut.core.annotation.Nullable;
import fr.dispostock.platform.auth.MachineClients;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The identity platform, played locally so that the portal runs the very same OpenID Connect code
 * (authorization code + PKCE) as in AWS: discovery, an authorization endpoint showing a sign-in page
 * marked as local only (pick a role, an establishment or a region), a token endpoint checking the
 * one-time code, the redirect URI and the PKCE verifier, and tokens signed with the local key. Its
 * issuer is one URL everywhere, as OpenID Connect wants: the portal's config.json, the discovery
 * document served under it, the tokens' {@code iss} and the functions' trusted issuer
 * ({@link #issuer(int)}). Never deployed.
 */
@Controller
public class LocalIdentityProvider {
    static final String CLIENT_ID = "dispostock-portal";
    private static final String BASE = "/local/oidc";
    private static final Duration CODE_LIFETIME = Duration.ofMinutes(2);
    // a working day; the portal asks for a new sign-in when it ends
    static final Duration TOKEN_LIFETIME = Duration.ofHours(8);
    private static final int SEARCH_RESULTS = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final LocalTokens tokens;
    private final RegisterStore registers;
    private final Clock clock;
    private final LocalClients clients;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();

    /** What a code stands for until it is traded for a token, once. */
    private record Grant(String redirectUri, String challenge, String email, String role, List<String> finessEj,
                         String region, Instant expiresAt) {
    }

    public LocalIdentityProvider(LocalTokens tokens, RegisterStore registers, Clock clock, LocalClients clients) {
        this.tokens = tokens;
        this.registers = registers;
        this.clock = clock;
        this.clients = clients;
    }

    private static String origin(HttpRequest<?> request) {
        String host = request.getHeaders().get("Host");
        return "http://" + (host == null ? request.getServerAddress().getHostString() + ":" + request.getServerAddress().getPort() : host);
    }

    /** The local identity provider's issuer on this port (the platform listens on 127.0.0.1). */
    static String issuer(int port) {
        return "http://127.0.0.1:" + port + BASE;
    }

    /** The portal's settings (in AWS the deploy script writes this file). */
    @Get("/config.json")
    public Map<String, String> portalConfig(HttpRequest<?> request) {
        return Map.of("issuer", tokens.issuer(), "clientId", CLIENT_ID, "scope", "openid email", "apiBase", origin(request));
    }

    @Get(BASE + "/.well-known/openid-configuration")
    public Map<String, Object> discovery() {
        String base = tokens.issuer();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("issuer", base);
        d.put("authorization_endpoint", base + "/authorize");
        d.put("token_endpoint", base + "/token");
        d.put("jwks_uri", base + "/jwks");
        d.put("end_session_endpoint", base + "/logout");
        d.put("response_types_supported", List.of("code"));
        d.put("grant_types_supported", List.of("authorization_code", "client_credentials"));
        d.put("code_challenge_methods_supported", List.of("S256"));
        // none: the portal (public client, PKCE); the hospitals' software authenticate with their secret
        d.put("token_endpoint_auth_methods_supported", List.of("none", "client_secret_basic", "client_secret_post"));
        d.put("subject_types_supported", List.of("public"));
        d.put("id_token_signing_alg_values_supported", List.of("RS256"));
        d.put("scopes_supported", List.of("openid", "email", MachineClients.SCOPE));
        return d;
    }

    @Get(value = BASE + "/jwks", produces = "application/jwk-set+json")
    public String jwks() {
        return tokens.publicJwks();
    }

    /** The sign-in page, as the portal's redirect opens it. */
    @Get(BASE + "/authorize")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<String> authorize(HttpRequest<?> request, @Nullable @QueryValue("response_type") String responseType,
                                          @Nullable @QueryValue("client_id") String clientId,
                                          @Nullable @QueryValue("redirect_uri") String redirectUri,
                                          @Nullable @QueryValue String state,
                                          @Nullable @QueryValue("code_challenge") String codeChallenge,
                                          @Nullable @QueryValue("code_challenge_method") String codeChallengeMethod,
                                          @Nullable @QueryValue String scope) {
        SignInForm form = new SignInForm(responseType, clientId, redirectUri, state, codeChallenge, codeChallengeMethod,
                scope, "PHARMACIST", "pharmacien@dispostock.invalid", "", null, null);
        return page(request, form, List.of());
    }

    /** The sign-in page's form: a search of the registers, or the sign-in itself. */
    @Post(value = BASE + "/authorize", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<String> signIn(HttpRequest<?> request, @Nullable String response_type, @Nullable String client_id,
                                       @Nullable String redirect_uri, @Nullable String state,
                                       @Nullable String code_challenge, @Nullable String code_challenge_method,
                                       @Nullable String scope, @Nullable String role, @Nullable String email,
                                       @Nullable String recherche, @Nullable String finessEj, @Nullable String region,
                                       @Nullable String action) {
        SignInForm form = new SignInForm(response_type, client_id, redirect_uri, state, code_challenge,
                code_challenge_method, scope, role, email, recherche == null ? "" : recherche.strip(), finessEj, region);
        List<String> problems = new ArrayList<>();
        if (!"connexion".equals(action)) {
            return page(request, form, problems);
        }
        if (form.role == null || !List.of("PHARMACIST", "ARS", "OMEDIT", "NATIONAL", "SUPPLIER").contains(form.role)) {
            problems.add("Choisissez un rôle.");
        }
        if (form.email == null || !form.email.matches("^[^@\\s]+@[^@\\s]+$")) {
            problems.add("Donnez une adresse e-mail (par exemple pharmacien@dispostock.invalid).");
        }
        if ("PHARMACIST".equals(form.role) && (form.finessEj == null || form.finessEj.isBlank())) {
            problems.add("Un pharmacien est rattaché à un établissement : recherchez-le puis choisissez-le.");
        }
        if (List.of("ARS", "OMEDIT").contains(form.role) && (form.region == null || form.region.isBlank())) {
            problems.add("Une ARS ou un OMEDIT agit pour une région : choisissez-la.");
        }
        String invalid = form.invalidRequest(origin(request));
        if (invalid != null || !problems.isEmpty()) {
            return page(request, form, problems);
        }
        String code = randomToken();
        boolean pharmacist = "PHARMACIST".equals(form.role);
        boolean regional = List.of("ARS", "OMEDIT").contains(form.role);
        codes.put(code, new Grant(form.redirectUri, form.codeChallenge, form.email, form.role,
                pharmacist ? List.of(form.finessEj.strip()) : List.of(), regional ? form.region : null,
                clock.instant().plus(CODE_LIFETIME)));
        URI back = URI.create(form.redirectUri + (form.redirectUri.contains("?") ? "&" : "?") + "code=" + code
                + "&state=" + java.net.URLEncoder.encode(form.state, StandardCharsets.UTF_8));
        return HttpResponse.seeOther(back);
    }

    /**
     * Trades a one-time code for a token, if the caller proves (PKCE) that it asked for it; or gives
     * a registered hospital's software its token (client credentials, {@link LocalClients}).
     */
    @Post(value = BASE + "/token", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<Map<String, Object>> token(@Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization,
                                                   @Nullable String grant_type, @Nullable String code,
                                                   @Nullable String redirect_uri, @Nullable String client_id,
                                                   @Nullable String code_verifier, @Nullable String client_secret) {
        if ("client_credentials".equals(grant_type)) {
            return clients.token(tokens, clock, authorization, client_id, client_secret);
        }
        if (!"authorization_code".equals(grant_type)) {
            return HttpResponse.badRequest(Map.of("error", "unsupported_grant_type"));
        }
        Grant grant = code == null ? null : codes.remove(code);
        if (grant == null || grant.expiresAt.isBefore(clock.instant()) || !CLIENT_ID.equals(client_id)
                || !grant.redirectUri.equals(redirect_uri) || code_verifier == null
                || !s256(code_verifier).equals(grant.challenge)) {
            return HttpResponse.badRequest(Map.of("error", "invalid_grant",
                    "error_description", "unknown, used or expired code, other redirect_uri, or wrong PKCE verifier"));
        }
        String token = tokens.sign(grant.email, grant.email, List.of(grant.role), grant.finessEj, grant.region,
                clock.instant().plus(TOKEN_LIFETIME), tokens.issuer(), LocalTokens.AUDIENCE);
        return HttpResponse.ok(Map.<String, Object>of("access_token", token, "token_type", "Bearer",
                        "expires_in", TOKEN_LIFETIME.toSeconds()))
                .header("Cache-Control", "no-store");
    }

    /** Sign-out: nothing is kept here, back to the portal. */
    @Get(BASE + "/logout")
    public HttpResponse<Void> logout(HttpRequest<?> request, @Nullable @QueryValue("post_logout_redirect_uri") String back) {
        String home = origin(request) + "/";
        return HttpResponse.seeOther(URI.create(back != null && back.startsWith(origin(request) + "/") ? back : home));
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private List<Establishment> search(String text) {
        if (text.isBlank()) {
            return List.of();
        }
        String wanted = text.toLowerCase(Locale.ROOT);
        List<Establishment> found = new ArrayList<>();
        for (Region region : Region.all()) {
            for (Establishment e : registers.establishments(region)) {
                if (e.finessEj().value().startsWith(wanted) || e.name().toLowerCase(Locale.ROOT).contains(wanted)) {
                    found.add(e);
                    if (found.size() == SEARCH_RESULTS) {
                        return found;
                    }
                }
            }
        }
        return found;
    }

    private HttpResponse<String> page(HttpRequest<?> request, SignInForm form, List<String> problems) {
        String invalid = form.invalidRequest(origin(request));
        if (invalid != null) {
            return HttpResponse.<String>badRequest(SignInPage.refused(invalid)).contentType(MediaType.TEXT_HTML_TYPE);
        }
        return HttpResponse.ok(SignInPage.render(form, search(form.recherche), problems)).contentType(MediaType.TEXT_HTML_TYPE);
    }

    /** What the sign-in page carries from one submission to the next. */
    record SignInForm(String responseType, String clientId, String redirectUri, String state, String codeChallenge,
                      String codeChallengeMethod, String scope, String role, String email, String recherche,
                      String finessEj, String region) {

        /** Why this authorization request cannot be honoured (then nobody is sent back), or null. */
        String invalidRequest(String origin) {
            if (!"code".equals(responseType)) {
                return "response_type doit valoir code.";
            }
            if (!CLIENT_ID.equals(clientId)) {
                return "client_id inconnu : " + clientId + " (attendu : " + CLIENT_ID + ").";
            }
            if (redirectUri == null || !redirectUri.startsWith(origin + "/")) {
                return "redirect_uri doit être une page de ce serveur (" + origin + "/…).";
            }
            if (state == null || state.isBlank()) {
                return "state manquant.";
            }
            if (codeChallenge == null || !"S256".equals(codeChallengeMethod)) {
                return "PKCE requis : code_challenge avec code_challenge_method=S256.";
            }
            return null;
        }
    }
}
