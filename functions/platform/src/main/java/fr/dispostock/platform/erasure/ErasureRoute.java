package fr.dispostock.platform.erasure;

import fr.dispostock.domain.Caller;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Post;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * The route {@code POST /v1/<function>/erasures} of a function that keeps addresses in its own table: the
 * function's controller extends it with its path and its table, and inherits the route and its OpenAPI.
 */
public abstract class ErasureRoute {
    private final Erasures erasures;
    private final String table;

    protected ErasureRoute(Erasures erasures, String table) {
        this.erasures = erasures;
        this.table = table;
    }

    @Post
    @Operation(summary = "Erase an account's e-mail address from the table of this function (national operator)",
            description = "After POST /v1/accounts/erasures with the same body: replaces the address by its pseudonym"
                    + " in every item. Sending it again changes nothing (changed 0).")
    @ApiResponse(responseCode = "200", description = "the erasure as recorded; changed counts the items rewritten by this call")
    @ApiResponse(responseCode = "403", description = "not the national operator", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "no erasure of this address is recorded (POST /v1/accounts/erasures first)",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "email missing or not an e-mail address (at most 254 characters)",
            content = @Content(mediaType = "application/problem+json"))
    public ErasureAnswer erase(Caller caller, @Body ErasureBody body) {
        return erasures.sweep(caller, body, table);
    }
}
