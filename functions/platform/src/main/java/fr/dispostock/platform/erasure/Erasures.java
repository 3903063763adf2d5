package fr.dispostock.platform.erasure;

import fr.dispostock.domain.Caller;
import fr.dispostock.domain.NotFoundException;
import fr.dispostock.domain.Scope;
import fr.dispostock.domain.Text;
import fr.dispostock.domain.Violations;
import fr.dispostock.domain.erasure.Erasure;
import fr.dispostock.domain.erasure.ErasureReader;
import fr.dispostock.domain.erasure.Pseudonyms;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * The erasure of an account's address in the table of the function answering, once the registers
 * function has recorded it ({@code POST /v1/accounts/erasures}): the national operator's, as the record's.
 */
@Singleton
@Requires(beans = Pseudonyms.class)
public class Erasures {
    private final Pseudonyms pseudonyms;
    private final ErasureReader records;
    private final DynamoTableSweeps sweeps;

    public Erasures(Pseudonyms pseudonyms, ErasureReader records, DynamoTableSweeps sweeps) {
        this.pseudonyms = pseudonyms;
        this.records = records;
        this.sweeps = sweeps;
    }

    /** The address of an erasure request, checked (422 naming {@code /email}). */
    public static String address(ErasureBody body) {
        Violations v = new Violations();
        String email = v.text("/email", body == null ? null : body.email(), 254);
        if (email != null && !Text.EMAIL.matcher(email).matches()) {
            v.add("/email", "must be an e-mail address such as pharmacie@chu-exemple.fr");
        }
        v.throwIfAny("The erasure request is invalid.");
        return email;
    }

    /** Replaces the recorded address by its pseudonym in {@code table}, the one the function writes. */
    public ErasureAnswer sweep(Caller caller, ErasureBody body, String table) {
        Scope.requireNational(caller);
        String email = address(body);
        Erasure erasure = records.find(pseudonyms.of(email)).orElseThrow(() -> new NotFoundException(
                "No erasure of this address is recorded: erase the account first (POST /v1/accounts/erasures)."));
        return new ErasureAnswer(erasure, sweeps.of(table).replace(email, erasure.pseudonym()));
    }
}
