package fr.dispostock.platform.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import fr.dispostock.domain.Caller;
import fr.dispostock.domain.Finess;
import fr.dispostock.domain.InvalidValueException;
import fr.dispostock.domain.Region;
import fr.dispostock.domain.Role;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a bearer token again inside the function (API Gateway's authorizer already did in AWS):
 * signature against the identity platform's keys, expiry, issuer and audience; then reads the
 * Dispostock claims into a {@link Caller}: a person's roles, establishments and region, or a
 * hospital's software when the token holds the {@link MachineClients#SCOPE} scope. Keys come from a JWKS URL in AWS, or from an inline
 * JWKS (the local platform's own key, and tests).
 */
@Singleton
public class TokenVerifier {
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    public TokenVerifier(@Value("${dispostock.jwt.issuer}") String issuer,
                         @Value("${dispostock.jwt.audience}") String audience,
                         @Value("${dispostock.jwt.jwks-url:}") String jwksUrl,
                         @Value("${dispostock.jwt.jwks:}") String inlineJwks) {
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(
                Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), keys(jwksUrl, inlineJwks)));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(audience,
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "exp")));
    }

    private static final int JWKS_TIMEOUT_MS = 2_000;

    private static JWKSource<SecurityContext> keys(String jwksUrl, String inlineJwks) {
        try {
            if (!inlineJwks.isBlank()) {
                return new ImmutableJWKSet<>(JWKSet.parse(inlineJwks));
            }
            if (jwksUrl.isBlank()) {
                throw new IllegalStateException("set dispostock.jwt.jwks-url (or dispostock.jwt.jwks locally)");
            }
            // Cached and refreshed by Nimbus; fetched lazily on the first token, not at cold start.
            // Nimbus's default 500 ms timeouts refused valid tokens when the first fetch met a busy
            // machine (a cold function, a loaded test run): 2 s each, well within API Gateway's 30 s.
            return JWKSourceBuilder.create(URI.create(jwksUrl).toURL(),
                    new DefaultResourceRetriever(JWKS_TIMEOUT_MS, JWKS_TIMEOUT_MS)).build();
        } catch (ParseException | MalformedURLException e) {
            throw new IllegalStateException("invalid JWT key configuration: " + e.getMessage(), e);
        }
    }

    /** The caller a valid token names, or empty when the token is missing, forged, expired or not ours. */
    public Optional<Caller> verify(String token) {
        try {
            return Optional.of(caller(processor.process(token, null)));
        } catch (Exception e) { // any parsing, signature or claim failure means "no valid token"
            return Optional.empty();
        }
    }

    private static Caller caller(JWTClaimsSet claims) throws ParseException {
        if (machineClient(claims)) {
            return client(claims);
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : list(claims, "roles")) {
            try {
                roles.add(Role.valueOf(r));
            } catch (IllegalArgumentException ignored) {
                // a role of another application on the same identity platform
            }
        }
        Set<Finess> establishments = new HashSet<>();
        for (String ej : list(claims, "finessEj")) {
            establishments.add(Finess.parse(ej));
        }
        String region = claims.getStringClaim("region");
        try {
            return new Caller(claims.getSubject(), claims.getStringClaim("email"), roles, establishments,
                    region == null ? Optional.empty() : Optional.of(Region.parse(region)));
        } catch (InvalidValueException e) {
            throw new ParseException(e.getMessage(), 0);
        }
    }

    private static boolean machineClient(JWTClaimsSet claims) throws ParseException {
        String scope = claims.getStringClaim("scope");
        return scope != null && List.of(scope.split(" ")).contains(MachineClients.SCOPE);
    }

    /**
     * A hospital's software: its client id ({@code client_id}, else {@code sub}) and the one FINESS
     * juridique it is bound to ({@code finessEj}); whatever roles the token claims give it nothing more.
     */
    private static Caller client(JWTClaimsSet claims) throws ParseException {
        List<String> establishments = list(claims, "finessEj");
        if (establishments.size() != 1) {
            throw new ParseException("a client token names exactly one FINESS juridique", 0);
        }
        String clientId = claims.getStringClaim("client_id");
        try {
            return Caller.machineClient(clientId != null ? clientId : claims.getSubject(),
                    Finess.parse(establishments.get(0)));
        } catch (InvalidValueException e) {
            throw new ParseException(e.getMessage(), 0);
        }
    }

    private static List<String> list(JWTClaimsSet claims, String name) throws ParseException {
        List<String> values = claims.getStringListClaim(name);
        return values == null ? List.of() : values;
    }
}
