package fr.dispostock.domain.erasure;

import java.util.Optional;

/** The erasures recorded, as the functions that sweep their own table after the registers see them (port). */
public interface ErasureReader {
    Optional<Erasure> find(String pseudonym);
}
