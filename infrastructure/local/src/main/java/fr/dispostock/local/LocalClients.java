package fr.dispostock.local;

import fr.dispostock.domain.Finess;
import fr.dispostock.domain.Violations;
import fr.dispostock.embedded.LocalTokens;
import fr.dispostock.platform.auth.MachineClients;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The hospitals' software registered at the local identity platform (OAuth 2.0 client
 * credentials): a client id bound to one FINESS juridique, and the SHA-256 of its secret, kept in
 * a file of the data directory so that a registration survives a restart. The secret itself is
 * shown once, when the client is registered. Never deployed: in AWS the identity platform keeps
 * its clients.
 */
public final class LocalClients {
    /** A token lasts an hour: the software asks for another one, as with any OAuth server. */
    static final Duration TOKEN_LIFETIME = Duration.ofHours(1);
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._-]{3,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Client(Finess finessEj, String secretSha256) {
    }

    /** A registration's answer: the secret is shown this once. */
    @Serdeable
    public record Registered(String clientId, String clientSecret, String finessEj, String scope) {
    }

    private final Path file;
    private final Map<String, Client> clients = new LinkedHashMap<>();

    private LocalClients(Path file) {
        this.file = file;
    }

    /** The clients registered in this file (none when it does not exist yet). */
    public static LocalClients persistent(Path file) {
        LocalClients registry = new LocalClients(file);
        try {
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file)) {
                    String[] f = line.split(";");
                    registry.clients.put(f[0], new Client(Finess.parse(f[1]), f[2]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return registry;
    }

    /**
     * Registers a client for an establishment, with a new secret (the same id again: a new secret,
     * the old one no longer works).
     *
     * @param clientId null for a generated one
     */
    public synchronized Registered register(String clientId, String finessEj) {
        Violations v = new Violations();
        String id = clientId == null ? "logiciel-" + UUID.randomUUID().toString().substring(0, 8) : clientId;
        if (!CLIENT_ID.matcher(id).matches()) {
            v.add("/clientId", "3 to 64 letters, digits, '.', '_' or '-'");
        }
        Finess ej = v.parse("/finessEj", finessEj, Finess::parse);
        v.throwIfAny("Invalid client registration");
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        clients.put(id, new Client(ej, sha256(secret)));
        save();
        return new Registered(id, secret, ej.value(), MachineClients.SCOPE);
    }

    /**
     * The token endpoint's answer to {@code grant_type=client_credentials} (RFC 6749 §4.4): the
     * client authenticates with HTTP Basic or with client_id and client_secret in the form.
     */
    public HttpResponse<Map<String, Object>> token(LocalTokens tokens, Clock clock, String authorization,
                                                   String clientId, String clientSecret) {
        String id = clientId;
        String secret = clientSecret;
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String pair = basic(authorization.substring(6).trim());
            int colon = pair.indexOf(':');
            id = colon < 0 ? pair : pair.substring(0, colon);
            secret = colon < 0 ? "" : pair.substring(colon + 1);
        }
        Client client = id == null ? null : clientOf(id);
        if (client == null || secret == null || !MessageDigest.isEqual(sha256(secret).getBytes(StandardCharsets.US_ASCII),
                client.secretSha256.getBytes(StandardCharsets.US_ASCII))) {
            return HttpResponse.<Map<String, Object>>status(HttpStatus.UNAUTHORIZED)
                    .body(Map.<String, Object>of("error", "invalid_client", "error_description",
                            "unknown client, or wrong secret (register one with POST /local/clients)"))
                    .header("WWW-Authenticate", "Basic realm=\"dispostock-local\"");
        }
        String token = tokens.clientToken(id, java.util.List.of(client.finessEj.value()),
                clock.instant().plus(TOKEN_LIFETIME));
        return HttpResponse.ok(Map.<String, Object>of("access_token", token, "token_type", "Bearer",
                        "expires_in", TOKEN_LIFETIME.toSeconds(), "scope", MachineClients.SCOPE))
                .header("Cache-Control", "no-store");
    }

    private synchronized Client clientOf(String id) {
        return clients.get(id);
    }

    private static String basic(String encoded) {
        try {
            return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private void save() {
        StringBuilder out = new StringBuilder();
        clients.forEach((id, c) -> out.append(id).append(';').append(c.finessEj.value()).append(';')
                .append(c.secretSha256).append('\n'));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
