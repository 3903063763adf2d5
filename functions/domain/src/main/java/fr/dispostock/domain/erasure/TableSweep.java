package fr.dispostock.domain.erasure;

/** A function's own table, swept of an erased address (port; each function sweeps only the table it writes). */
public interface TableSweep {
    /**
     * Replaces every occurrence of {@code email} (in any case) in the table's items by {@code pseudonym};
     * how many items changed (0 when swept already).
     */
    int replace(String email, String pseudonym);
}
