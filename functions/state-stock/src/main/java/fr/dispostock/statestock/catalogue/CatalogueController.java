package fr.dispostock.statestock.catalogue;

import fr.dispostock.statestock.StateStockApi;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import fr.dispostock.domain.Caller;
import fr.dispostock.domain.Versions;
import fr.dispostock.domain.statestock.Product;
import fr.dispostock.platform.web.Versioned;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Put;

import java.util.List;

/** Routes /v1/state-stock/products → {@link CatalogueService} → StateStockTable. Every role reads it. */
@Controller("/v1/state-stock/products")
public class CatalogueController {
    private final CatalogueService catalogue;

    public CatalogueController(CatalogueService catalogue) {
        this.catalogue = catalogue;
    }

    @Get
    public List<Product> products(Caller caller) {
        return catalogue.products();
    }

    @ApiResponse(responseCode = "403", description = "not the national operator",
            content = @Content(mediaType = StateStockApi.PROBLEM))
    @ApiResponse(responseCode = "412", description = Versioned.MISMATCH, content = @Content(mediaType = StateStockApi.PROBLEM))
    @ApiResponse(responseCode = "428", description = Versioned.REQUIRED, content = @Content(mediaType = StateStockApi.PROBLEM))
    @ApiResponse(responseCode = "409", description = Versioned.CONCURRENT,
            content = @Content(mediaType = StateStockApi.PROBLEM))
    @ApiResponse(responseCode = "422", description = "code not 2 to 40 capital letters, digits, _ or - (pointer `code`), /name, /kind, /unit, /packSize, /devices"
            + " (only for vaccines, each a DEVICE of the catalogue once: `/devices/N/code`, `/devices/N/perUnit`), If-Match"
            + " not a version (`If-Match`)",
            content = @Content(mediaType = StateStockApi.PROBLEM))
    @Put("/{code}")
    public HttpResponse<Product> put(Caller caller, String code,
                                     @Body ProductBody body,
                                     @Nullable @Header("If-Match") String ifMatch) {
        Product p = catalogue.put(caller, code, body, Versions.ifMatch(ifMatch));
        return Versioned.saved(p, p.version());
    }
}
