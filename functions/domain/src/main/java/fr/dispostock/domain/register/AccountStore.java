package fr.dispostock.domain.register;

import java.util.List;

/** The accounts seen or imported (port of the registers function, which alone writes them). */
public interface AccountStore extends AccountReader {
    /** Records an account the first time it is seen; later sightings change nothing. */
    void rememberIfNew(Account account);

    /** Writes these accounts as the identity platform's export gives them; how many changed. */
    int importAll(List<Account> accounts);

    /** Forgets an account (its address erased): campaigns no longer find it. */
    void forget(String subject);
}
