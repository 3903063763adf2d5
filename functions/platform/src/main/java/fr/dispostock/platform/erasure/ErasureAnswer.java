package fr.dispostock.platform.erasure;

import fr.dispostock.domain.erasure.Erasure;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * An erasure as recorded, and how many items of the answering function's table this call changed
 * (0 when they were changed already: erasing again changes nothing).
 */
@Serdeable
public record ErasureAnswer(String pseudonym, Instant erasedAt, String erasedBy, int changed) {
    public ErasureAnswer(Erasure erasure, int changed) {
        this(erasure.pseudonym(), erasure.erasedAt(), erasure.erasedBy(), changed);
    }
}
