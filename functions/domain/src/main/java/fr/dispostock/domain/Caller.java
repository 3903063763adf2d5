package fr.dispostock.domain;

import java.security.Principal;
import java.util.Optional;
import java.util.Set;

/**
 * Who makes a request, as the verified token says: every scope decision is taken on this,
 * never on what the request body claims. A route takes it as a plain {@code Caller caller} argument
 * (the platform's CallerBinder); being a {@link Principal} keeps it out of the generated OpenAPI, which
 * documents no Principal argument as a parameter.
 *
 * @param subject        the account's stable identifier ({@code sub})
 * @param email          the account's e-mail, when the token carries one
 * @param roles          the Dispostock roles of the account
 * @param establishments the FINESS juridique numbers a pharmacist's account is attached to
 * @param region         the region of an ARS or OMEDIT account
 * @param client         the OAuth client id of a hospital's software declaring through the API
 *                       (client credentials), bound to the one establishment it holds; empty for a person
 */
public record Caller(String subject, String email, Set<Role> roles, Set<Finess> establishments, Optional<Region> region,
                     Optional<String> client) implements Principal {

    public Caller {
        roles = Set.copyOf(roles);
        establishments = Set.copyOf(establishments);
    }

    /** A person's account. */
    public Caller(String subject, String email, Set<Role> roles, Set<Finess> establishments, Optional<Region> region) {
        this(subject, email, roles, establishments, region, Optional.empty());
    }

    /**
     * A hospital's software: no role, one establishment, and only what its OAuth scope grants (its
     * PUIs' declarations, expected items and State-stock lots; {@link Scope}).
     */
    public static Caller machineClient(String clientId, Finess finessEj) {
        return new Caller(clientId, null, Set.of(), Set.of(finessEj), Optional.empty(), Optional.of(clientId));
    }

    public boolean isMachineClient() {
        return client.isPresent();
    }

    /** The software of this establishment, declaring in its pharmacists' stead. */
    public boolean isClientOf(Finess finessEj) {
        return client.isPresent() && establishments.contains(finessEj);
    }

    /** The account's stable identifier, as a {@link Principal} names itself. */
    @Override
    public String getName() {
        return subject;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isNational() {
        return has(Role.NATIONAL);
    }

    /** An ARS agent acting for this region. */
    public boolean isArsOf(Region r) {
        return has(Role.ARS) && region.filter(r::equals).isPresent();
    }

    /** An ARS or OMEDIT account of this region: both read their region's picture. */
    public boolean readsRegion(Region r) {
        return (has(Role.ARS) || has(Role.OMEDIT)) && region.filter(r::equals).isPresent();
    }

    public boolean isPharmacistOf(Finess finessEj) {
        return has(Role.PHARMACIST) && establishments.contains(finessEj);
    }

    /** Who did it, as written in audit trails and histories. */
    public String auditName() {
        if (client.isPresent()) {
            return "client:" + client.get();
        }
        return email == null ? subject : subject + " <" + email + ">";
    }
}
