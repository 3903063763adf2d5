package fr.dispostock.campaigns;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** Names the OpenAPI description the build generates for this function's routes (META-INF/swagger). */
@OpenAPIDefinition(info = @Info(title = "dispostock-campaigns", version = "1",
        description = "Mass mail campaigns of the national operator and the ARS."),
        security = @SecurityRequirement(name = "identityPlatform"))
@SecurityScheme(name = "identityPlatform", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
final class CampaignsApi {
    /** The answers the campaigns' routes share, described once. */
    static final String PROBLEM = "application/problem+json";
    static final String NOT_IN_SCOPE = "neither the national operator nor the ARS of the campaign's region";
    private CampaignsApi() {
    }
}
