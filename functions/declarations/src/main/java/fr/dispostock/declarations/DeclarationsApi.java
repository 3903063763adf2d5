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
    /** The answers the declarations' routes share, described once. */
    static final String PROBLEM = "application/problem+json";
    static final String WEEK_OF_PUI = "finessEt not a FINESS number, week not an ISO week";
    static final String NOT_READER = "outside the account's scope (not the nation, the region's authorities, the"
            + " establishment's pharmacists nor its software)";
    static final String NOT_DECLARANT = "not a pharmacist of the PUI's establishment nor its software";
    static final String AT_ONCE = "other declarations of this PUI and week kept arriving at once: retry (the same"
            + " figures again change nothing)";
    static final String UNSUPPORTED = "a body neither JSON, CSV nor FHIR (application/json, text/csv, text/plain,"
            + " application/fhir+json)";
    static final String INVALID_DECLARATION = WEEK_OF_PUI + "; a week not started (pointer `week`), a closed"
            + " establishment (`finessEt`), unreadable JSON (`\"\"`), a CSV header lacking itemId, stock or"
            + " averageDailyConsumption (`/header`), no line or too many (`/lines`), a line's item not one the PUI"
            + " declares that week or twice (`/lines/N/itemId`), a stock or consumption missing or not a number"
            + " (`/lines/N/stock`, `/lines/N/averageDailyConsumption`); nothing stored. In FHIR an OperationOutcome,"
            + " one issue per bad element with its FHIRPath expression";
    private DeclarationsApi() {
    }
}
