package fr.dispostock.platform.auth;

import fr.dispostock.domain.Caller;
import io.micronaut.core.bind.ArgumentBinder;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.PostponedRequestArgumentBinder;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Gives a route's {@code Caller caller} argument the caller {@link AuthenticationFilter} verified, by its
 * type alone. Postponed: Micronaut binds arguments first before the filters run, when there is no caller
 * yet, then again after them.
 */
@Singleton
public class CallerBinder implements TypedRequestArgumentBinder<Caller>, PostponedRequestArgumentBinder<Caller> {
    private static final Argument<Caller> CALLER = Argument.of(Caller.class);

    @Override
    public Argument<Caller> argumentType() {
        return CALLER;
    }

    @Override
    public ArgumentBinder.BindingResult<Caller> bind(ArgumentConversionContext<Caller> context, HttpRequest<?> request) {
        Optional<Caller> caller = request.getAttribute(AuthenticationFilter.CALLER, Caller.class);
        return caller.isPresent() ? () -> caller : ArgumentBinder.BindingResult.unsatisfied();
    }
}
