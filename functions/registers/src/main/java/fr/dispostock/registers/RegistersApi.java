package fr.dispostock.registers;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** Names the OpenAPI description the build generates for this function's routes (META-INF/swagger). */
@OpenAPIDefinition(info = @Info(title = "dispostock-registers", version = "1",
        description = "Establishments, PUIs, medicines and instructions: the registers of Dispostock."),
        security = @SecurityRequirement(name = "identityPlatform"))
@SecurityScheme(name = "identityPlatform", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
final class RegistersApi {
    private RegistersApi() {
    }
}
