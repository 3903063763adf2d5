package fr.dispostock.domain;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Optimistic writes: read, decide, write on condition that nothing changed since the read; a lost
 * race reads again. After a few lost races in a row the caller is told to retry (409).
 */
public final class Retries {
    private static final int WRITE_ATTEMPTS = 5;

    private Retries() {
    }

    /**
     * @param attempt one read-decide-write; empty when the conditional write lost to another writer
     * @param conflict what the 409 says when every attempt lost
     */
    public static <T> T untilWritten(Supplier<Optional<T>> attempt, String conflict) {
        for (int i = 0; i < WRITE_ATTEMPTS; i++) {
            Optional<T> written = attempt.get();
            if (written.isPresent()) {
                return written.get();
            }
        }
        throw new ConflictException(ConflictException.Kind.CONFLICT, conflict);
    }
}
