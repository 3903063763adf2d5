package fr.dispostock.embedded;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import fr.dispostock.platform.auth.MachineClients;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Signs tokens the way the identity platform does, with a key of our own: the local platform's
 * {@code POST /local/token} and the tests use it. Never part of a Lambda jar.
 */
public final class LocalTokens {
    /** The issuer of tokens made without an identity platform to serve them (the functions' tests). */
    public static final String ISSUER = "https://dispostock.local/identity";
    public static final String AUDIENCE = "dispostock";
    private final RSAKey key;
    private final String issuer;

    private LocalTokens(RSAKey key, String issuer) {
        this.key = key;
        this.issuer = issuer;
    }

    /**
     * The same key, issuing as this issuer: the local platform's identity provider, whose URL is
     * where its discovery document is served (OpenID Connect wants the two equal).
     */
    public LocalTokens issuedBy(String issuer) {
        return new LocalTokens(key, issuer);
    }

    /** The {@code iss} of the tokens {@link #token} makes, the one {@link #verifierProperties} trusts. */
    public String issuer() {
        return issuer;
    }

    /** A fresh key (tests). */
    public static LocalTokens generate() {
        try {
            return new LocalTokens(new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate(), ISSUER);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key kept in this file, made on first use, so that tokens survive a restart of the local platform. */
    public static LocalTokens persistent(Path keyFile) {
        try {
            if (Files.exists(keyFile)) {
                return new LocalTokens(RSAKey.parse(Files.readString(keyFile)), ISSUER);
            }
            LocalTokens tokens = generate();
            Files.createDirectories(keyFile.getParent());
            Files.writeString(keyFile, tokens.key.toJSONString());
            return tokens;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException("unreadable local key " + keyFile + ": delete it to make a new one", e);
        }
    }

    /** The public key set, as the functions' {@code dispostock.jwt.jwks} setting. */
    public String publicJwks() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    /** The settings a function needs to trust these tokens. */
    public Map<String, Object> verifierProperties() {
        return Map.of("dispostock.jwt.issuer", issuer, "dispostock.jwt.audience", AUDIENCE,
                "dispostock.jwt.jwks", publicJwks());
    }

    /**
     * A token valid for 12 hours.
     *
     * @param finessEj the establishments of a pharmacist's account (may be empty)
     * @param region   the region of an ARS or OMEDIT account (may be null)
     */
    public String token(String subject, String email, List<String> roles, List<String> finessEj, String region) {
        return sign(subject, email, roles, finessEj, region, Instant.now().plus(Duration.ofHours(12)), issuer, AUDIENCE);
    }

    /** Any token, including expired or foreign ones (tests of what must be refused). */
    public String sign(String subject, String email, List<String> roles, List<String> finessEj, String region,
                       Instant expiry, String issuer, String audience) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(subject).issuer(issuer).audience(audience)
                .issueTime(new Date()).expirationTime(Date.from(expiry))
                .claim("roles", roles).claim("finessEj", finessEj)
                // what a person's access token holds in AWS, and the HTTP API's authorizer requires
                .claim("scope", "openid email");
        if (email != null) {
            claims.claim("email", email);
        }
        if (region != null) {
            claims.claim("region", region);
        }
        return signed(claims.build());
    }

    /**
     * A hospital software's token, as the identity platform issues it for OAuth client credentials:
     * the client's id as {@code sub} and {@code client_id}, the Dispostock client scope, and the one
     * FINESS juridique the client is registered for (more or fewer only in tests of what is refused).
     */
    public String clientToken(String clientId, List<String> finessEj, Instant expiry) {
        return signed(new JWTClaimsSet.Builder()
                .subject(clientId).issuer(issuer).audience(AUDIENCE)
                .issueTime(new Date()).expirationTime(Date.from(expiry))
                .claim("client_id", clientId).claim("scope", MachineClients.SCOPE).claim("finessEj", finessEj)
                .build());
    }

    private String signed(JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
