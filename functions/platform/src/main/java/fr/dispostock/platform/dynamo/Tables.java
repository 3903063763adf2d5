package fr.dispostock.platform.dynamo;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The DynamoDB tables a function is given: in AWS from its template entry's environment
 * ({@code DISPOSTOCK_TABLES_*}), locally from its {@code application.properties}, which names the same
 * tables. No defaults: an adapter exists only where its table is configured ({@code @Requires(property =
 * Tables.REGISTERS)}…), so a function that injects a store of a table it is not given fails to start, in
 * its tests already (infrastructure/template's TableUseTest holds the same against template.yaml).
 */
@ConfigurationProperties(Tables.PREFIX)
public record Tables(@Nullable String registers, @Nullable String declarations, @Nullable String stateStock,
                     @Nullable String mail, @Nullable String insights) {
    public static final String PREFIX = "dispostock.tables";
    public static final String REGISTERS = PREFIX + ".registers";
    public static final String DECLARATIONS = PREFIX + ".declarations";
    public static final String STATE_STOCK = PREFIX + ".state-stock";
    public static final String MAIL = PREFIX + ".mail";
    public static final String INSIGHTS = PREFIX + ".insights";

    /** The names of the tables this function is given. */
    public List<String> configured() {
        return Stream.of(registers, declarations, stateStock, mail, insights).filter(Objects::nonNull).toList();
    }
}
