package fr.dispostock.platform.web;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The one clock of the rules. {@code dispostock.clock.fixed} (an instant) stops it, for tests
 * and for trying the calendar on the local platform; never set in AWS.
 */
@Factory
public class ClockFactory {
    @Singleton
    Clock clock(@Value("${dispostock.clock.fixed:}") String fixed) {
        return fixed.isBlank() ? Clock.systemUTC() : Clock.fixed(Instant.parse(fixed), ZoneOffset.UTC);
    }
}
