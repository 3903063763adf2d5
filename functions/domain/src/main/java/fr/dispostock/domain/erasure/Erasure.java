package fr.dispostock.domain.erasure;

import java.time.Instant;

/**
 * The national operator's erasure of an account's e-mail address, recorded once: the pseudonym that
 * replaces the address everywhere, when and by whom. It never holds the address itself.
 */
public record Erasure(String pseudonym, Instant erasedAt, String erasedBy) {
}
