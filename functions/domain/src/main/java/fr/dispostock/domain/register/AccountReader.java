package fr.dispostock.domain.register;

import java.util.List;

/** The accounts, as the functions that only read them see them (port; the owner's is {@link AccountStore}). */
public interface AccountReader {
    List<Account> all();
}
