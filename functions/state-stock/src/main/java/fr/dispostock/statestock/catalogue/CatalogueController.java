package fr.dispostock.statestock.catalogue;

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

    @Put("/{code}")
    public HttpResponse<Product> put(Caller caller, String code,
                                     @Body ProductBody body,
                                     @Nullable @Header("If-Match") String ifMatch) {
        Product p = catalogue.put(caller, code, body, Versions.ifMatch(ifMatch));
        return Versioned.saved(p, p.version());
    }
}
