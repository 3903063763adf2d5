package fr.dispostock.registers.accounts;

import fr.dispostock.domain.Caller;
import fr.dispostock.platform.erasure.ErasureAnswer;
import fr.dispostock.platform.erasure.ErasureBody;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** Route /v1/accounts/erasures → {@link AccountErasureService} → RegistersTable. */
@Controller("/v1/accounts/erasures")
public class AccountErasureController {
    private final AccountErasureService erasures;

    public AccountErasureController(AccountErasureService erasures) {
        this.erasures = erasures;
    }

    @Post
    @Operation(summary = "Erase an account's e-mail address (national operator)", description = "Records the "
            + "erasure once, forgets the accounts holding the address and replaces it by its stable pseudonym "
            + "in the registers' audit trails. Then POST the same body to /v1/declarations/erasures, "
            + "/v1/state-stock/erasures and /v1/campaigns/erasures. Sending it again changes nothing.")
    @ApiResponse(responseCode = "201", description = "the erasure recorded now; changed counts the accounts and items rewritten")
    @ApiResponse(responseCode = "200", description = "the erasure was recorded before: what was left is done (changed 0 when nothing was)")
    @ApiResponse(responseCode = "403", description = "not the national operator", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "no account has this address and none was erased",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "email missing or not an e-mail address (at most 254 characters)",
            content = @Content(mediaType = "application/problem+json"))
    public HttpResponse<ErasureAnswer> erase(Caller caller,
                                             @Body ErasureBody body) {
        AccountErasureService.Erased erased = erasures.erase(caller, body);
        return HttpResponse.status(erased.recorded() ? HttpStatus.CREATED : HttpStatus.OK).body(erased.answer());
    }
}
