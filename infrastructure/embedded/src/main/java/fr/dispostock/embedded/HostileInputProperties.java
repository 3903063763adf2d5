package fr.dispostock.embedded;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hostile-input property, the same for every function: its test names the function's routes
 * (set up with {@link HostileInput#remember} in its {@code @BeforeAll}) and the accounts that call them.
 */
public abstract class HostileInputProperties {
    protected abstract HostileInput routes();

    /** Names of {@link ScopeMatrix#accounts} in scope of the function's routes, so that calls reach the checks. */
    protected abstract List<String> accounts();

    @Test
    public void hostile_input_is_refused_changes_nothing_and_leaves_the_function_answering() {
        // given calls generated from the seed
        long seed = HostileInput.SEED;
        List<HostileInput.Case> cases = routes().cases(accounts(), seed);
        // when each is made
        List<String> failures = cases.stream().map(routes()::check).filter(Objects::nonNull).toList();
        // then the function held on every one (see HostileInput.check), and still answers
        assertAll(
                () -> assertTrue(failures.isEmpty(), () -> failures.size() + " of " + cases.size()
                        + " hostile cases failed (seed " + seed + ", replayed by -Dhostile.seed=" + seed + "):\n"
                        + String.join("\n", failures)),
                () -> assertEquals(200, routes().health(), "after the hostile cases, the function no longer answers"));
    }
}
