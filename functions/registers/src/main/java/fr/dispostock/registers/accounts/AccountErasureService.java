package fr.dispostock.registers.accounts;

import fr.dispostock.domain.Caller;
import fr.dispostock.domain.NotFoundException;
import fr.dispostock.domain.Scope;
import fr.dispostock.domain.erasure.Erasure;
import fr.dispostock.domain.erasure.ErasureStore;
import fr.dispostock.domain.erasure.Pseudonyms;
import fr.dispostock.domain.erasure.TableSweep;
import fr.dispostock.domain.register.Account;
import fr.dispostock.domain.register.AccountStore;
import fr.dispostock.platform.dynamo.Tables;
import fr.dispostock.platform.erasure.DynamoTableSweeps;
import fr.dispostock.platform.erasure.ErasureAnswer;
import fr.dispostock.platform.erasure.ErasureBody;
import fr.dispostock.platform.erasure.Erasures;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The national operator's erasure of an account's address (GDPR): recorded once, the accounts holding
 * it forgotten, then the address replaced by its pseudonym in the RegistersTable's trails. The
 * declarations, State-stock and campaigns functions then do the same in their own tables.
 */
@Singleton
public class AccountErasureService {
    private static final Logger LOG = LoggerFactory.getLogger(AccountErasureService.class);
    private final AccountStore accounts;
    private final ErasureStore erasures;
    private final Pseudonyms pseudonyms;
    private final TableSweep registers;
    private final Clock clock;

    public AccountErasureService(AccountStore accounts, ErasureStore erasures, Pseudonyms pseudonyms,
                                 DynamoTableSweeps sweeps, Tables tables, Clock clock) {
        this.accounts = accounts;
        this.erasures = erasures;
        this.pseudonyms = pseudonyms;
        this.registers = sweeps.of(tables.registers());
        this.clock = clock;
    }

    /** The erasure and whether this call recorded it (a retry finds it recorded and finishes what is left). */
    public Erased erase(Caller caller, ErasureBody body) {
        Scope.requireNational(caller);
        String email = Erasures.address(body);
        String pseudonym = pseudonyms.of(email);
        List<Account> holding = accounts.all().stream().filter(a -> a.email().equalsIgnoreCase(email)).toList();
        Optional<Erasure> earlier = erasures.find(pseudonym);
        if (holding.isEmpty() && earlier.isEmpty()) {
            throw new NotFoundException("No account has this address.");
        }
        boolean recorded = earlier.isEmpty() && erasures.recordOnce(new Erasure(pseudonym, clock.instant(), caller.auditName()));
        Erasure erasure = earlier.orElseGet(() -> erasures.find(pseudonym).orElseThrow());
        holding.forEach(a -> accounts.forget(a.subject()));
        int changed = holding.size() + registers.replace(email, pseudonym);
        LOG.info("erasure {} by {}: {} accounts forgotten, {} register items changed", pseudonym, caller.subject(),
                holding.size(), changed - holding.size());
        return new Erased(new ErasureAnswer(erasure, changed), recorded);
    }

    public record Erased(ErasureAnswer answer, boolean recorded) {
    }
}
