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
    private InsightsApi() {
    }
}
