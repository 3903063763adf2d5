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
public final class RegistersApi {
    /** The answers the registers' routes share, described once. */
    public static final String PROBLEM = "application/problem+json";
    public static final String FINESS = "not a FINESS number (9 characters, its département first)";
    public static final String IF_MATCH = "If-Match not a version (pointer `If-Match`)";

    private RegistersApi() {
    }
}
