package fr.dispostock.registers.accounts;

import fr.dispostock.registers.RegistersApi;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import fr.dispostock.domain.Caller;
import fr.dispostock.registers.establishments.ImportReport;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;

/** Route /v1/accounts/import → {@link AccountService} → RegistersTable. */
@Controller("/v1/accounts")
public class AccountController {
    private final AccountService accounts;

    public AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    /** Every line written as given ({@code created} counts them), or reported with its reason. */
    @ApiResponse(responseCode = "403", description = "not the national operator",
            content = @Content(mediaType = RegistersApi.PROBLEM))
    @ApiResponse(responseCode = "422", description = "an empty file (pointer \"\"), or the header lacks sub, email or roles (pointer `/header`)",
            content = @Content(mediaType = RegistersApi.PROBLEM))
    @Post(value = "/import", consumes = {"text/csv", MediaType.TEXT_PLAIN})
    public ImportReport importCsv(Caller caller, @Body String csv) {
        return accounts.importCsv(caller, csv);
    }
}
