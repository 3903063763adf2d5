package fr.dispostock.declarations;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** Names the OpenAPI description the build generates for this function's routes (META-INF/swagger). */
@OpenAPIDefinition(info = @Info(title = "dispostock-declarations", version = "1",
        description = "The weekly declarations of the PUIs, their completeness and the stock picture."),
        security = @SecurityRequirement(name = "identityPlatform"))
@SecurityScheme(name = "identityPlatform", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
final class DeclarationsApi {
    private DeclarationsApi() {
    }
}
