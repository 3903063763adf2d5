package fr.dispostock.domain.erasure;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The stable pseudonym of an erased e-mail address: a keyed hash (HMAC-SHA256) of the address in lower
 * case, so that the same address always gives the same pseudonym in every table, and that nobody without
 * the key can find an address back by hashing guesses (a plain hash of a guessable address could).
 */
public final class Pseudonyms {
    /** What every pseudonym starts with: a reader of a trail sees that an address was erased there. */
    public static final String PREFIX = "erased-";
    private static final int MIN_KEY_BYTES = 32;
    private final SecretKeySpec key;

    public Pseudonyms(byte[] key) {
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the pseudonym key must have at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    /** {@code erased-} and 96 bits of the address's keyed hash, in hex. */
    public String of(String email) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] hash = mac.doFinal(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(hash, 0, 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
