package fr.dispostock.registers.accounts;

import fr.dispostock.domain.Caller;
import fr.dispostock.domain.register.Account;
import fr.dispostock.domain.register.AccountStore;
import fr.dispostock.platform.auth.CallerObserver;
import jakarta.inject.Singleton;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records an account the first time it calls Dispostock with a valid token, so that campaigns reach
 * every user holding the Dispostock domain: one conditional write per account and function instance
 * (the set only spares the writes already done here).
 */
@Singleton
public class AccountRecorder implements CallerObserver {
    private final AccountStore accounts;
    private final Set<String> recordedHere = ConcurrentHashMap.newKeySet();

    public AccountRecorder(AccountStore accounts) {
        this.accounts = accounts;
    }

    @Override
    public void seen(Caller c) {
        if (c.email() != null && !c.roles().isEmpty() && recordedHere.add(c.subject())) {
            accounts.rememberIfNew(new Account(c.subject(), c.email(), c.roles(), c.establishments(),
                    c.region().orElse(null)));
        }
    }
}
