package fr.dispostock.domain;

/** The roles the identity platform ("Plage") gives a Dispostock account. */
public enum Role {
    PHARMACIST, ARS, OMEDIT, NATIONAL, SUPPLIER
}
