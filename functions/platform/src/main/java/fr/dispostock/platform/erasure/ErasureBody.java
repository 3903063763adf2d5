package fr.dispostock.platform.erasure;

import io.micronaut.serde.annotation.Serdeable;

/**
 * The address to erase, in the body rather than the path: an address in a URL would land in access
 * logs, which an erasure cannot reach.
 */
@Serdeable
public record ErasureBody(String email) {
}
