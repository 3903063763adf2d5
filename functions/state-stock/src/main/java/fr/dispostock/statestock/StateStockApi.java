package fr.dispostock.statestock;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** Names the OpenAPI description the build generates for this function's routes (META-INF/swagger). */
@OpenAPIDefinition(info = @Info(title = "dispostock-state-stock", version = "1",
        description = "The State strategic stock: catalogue, Thursday lot declarations, orders."),
        security = @SecurityRequirement(name = "identityPlatform"))
@SecurityScheme(name = "identityPlatform", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public final class StateStockApi {
    /** The answers the State-stock routes share, described once. */
    public static final String PROBLEM = "application/problem+json";
    public static final String PUI_DATE = "finessEt not a FINESS number, date not a date (pointer `date`)";
    public static final String NOT_READER = "outside the account's scope (not the nation, the region's authorities, the"
            + " establishment's pharmacists nor its software)";
    public static final String NO_ORDER = "no such order (whatever the id's shape)";
    public static final String ORDER_SCOPE = "outside the account's scope (not the nation, the region's authorities, the"
            + " establishment's pharmacists, nor the supplier for an order to ship or shipped)";
    public static final String STEP_TAKEN = "the order is past this step (or changed meanwhile): nothing written";
    public static final String NOT_DECLARANT = "not a pharmacist of the PUI's establishment nor its software";
    public static final String AT_ONCE = "other declarations of this PUI and Thursday kept arriving at once: retry (the"
            + " same lots again change nothing)";
    public static final String UNSUPPORTED = "a body neither JSON nor FHIR (application/json, application/fhir+json)";
    public static final String INVALID_LOTS = "finessEt not a FINESS number, date not a past or present Thursday (pointer"
            + " `date`), no lot or too many (`/lines`), a lot's product, lot, expiry or quantity (`/lines/N/productCode`,"
            + " `/lines/N/lot`, `/lines/N/expiry`, `/lines/N/quantity`); nothing stored. In FHIR an OperationOutcome, one"
            + " issue per bad element with its FHIRPath expression";
    public static final String REGION_SCOPE = "not an authority, the nation asked by a regional account, or a region"
            + " outside the account's";
    private StateStockApi() {
    }
}
