package fr.dispostock.embedded;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The hostile-input property, the same for every function: its test names the function's routes
 * (set up with {@link HostileInput#remember}) and the accounts that call them.
 */
public abstract class HostileInputProperties {
    protected abstract HostileInput routes();

    /** Names of {@link ScopeMatrix#accounts} in scope of the function's routes, so that calls reach the checks. */
    protected abstract List<String> accounts();

    @Property(tries = HostileInput.TRIES)
    public void hostile_input_is_refused_changes_nothing_and_leaves_the_function_answering(
            @ForAll("cases") HostileInput.Case hostile) {
        // given a generated hostile call; when it is made; then the function held (see HostileInput.check)
        String failure = routes().check(hostile);
        assertNull(failure, failure);
    }

    @AfterProperty
    public void theFunctionStillAnswers() {
        assertEquals(200, routes().health(), "after the hostile cases, the function no longer answers");
    }

    @Provide
    public Arbitrary<HostileInput.Case> cases() {
        return routes().cases(accounts());
    }
}
