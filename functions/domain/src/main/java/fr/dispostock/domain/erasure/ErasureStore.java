package fr.dispostock.domain.erasure;

/** The erasures recorded (port of the registers function, which alone writes them). */
public interface ErasureStore extends ErasureReader {
    /** Writes the erasure unless one of the same pseudonym exists; whether it was written. */
    boolean recordOnce(Erasure erasure);
}
