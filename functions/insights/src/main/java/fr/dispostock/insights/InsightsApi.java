package fr.dispostock.insights;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** Names the OpenAPI description the build generates for this function's routes (META-INF/swagger). */
@OpenAPIDefinition(info = @Info(title = "dispostock-insights", version = "1",
        description = "Stock intelligence, a decision aid (a person decides): shortage risk with its reasons,"
                + " forecasts, territorial disparities, indicators."),
        security = @SecurityRequirement(name = "identityPlatform"))
@SecurityScheme(name = "identityPlatform", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
final class InsightsApi {
    /** The query parameters and answers the insights' regional routes share, described once. */
    static final String WEEK = "ISO week of the assessments, e.g. 2026-W48; default: the last run's";
    static final String REGION = "INSEE region code; an ARS or OMEDIT reads its own, the national operator every"
            + " region without it";
    static final String NOT_IN_SCOPE = "not an authority, or a region outside the account's";
    static final String NO_RUN = "no week given and no run done yet";
    static final String PROBLEM = "application/problem+json";

    private InsightsApi() {
    }
}
