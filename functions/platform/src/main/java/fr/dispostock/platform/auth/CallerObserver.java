package fr.dispostock.platform.auth;

import fr.dispostock.domain.Caller;

/** Told of every caller whose token was verified, before its request is handled. */
public interface CallerObserver {
    void seen(Caller caller);
}
