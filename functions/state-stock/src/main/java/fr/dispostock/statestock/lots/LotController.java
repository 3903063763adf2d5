package fr.dispostock.statestock.lots;

import fr.dispostock.domain.Caller;
import fr.dispostock.domain.Finess;
import fr.dispostock.platform.auth.AuthenticationFilter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;

/** Routes of the Thursday lot declarations → {@link LotService} → StateStockTable. */
@Controller
public class LotController {
    private final LotService lots;

    public LotController(LotService lots) {
        this.lots = lots;
    }

    @Put("/v1/puis/{finessEt}/state-stock/{date}")
    public LotViews.Declared declare(@RequestAttribute(AuthenticationFilter.CALLER) Caller caller, String finessEt,
                                     String date, @Body LotsBody body) {
        return lots.declare(caller, Finess.parse(finessEt), date, body);
    }

    @Get("/v1/puis/{finessEt}/state-stock/{date}")
    public LotViews.Declared get(@RequestAttribute(AuthenticationFilter.CALLER) Caller caller, String finessEt,
                                 String date) {
        return lots.get(caller, Finess.parse(finessEt), date);
    }

    /**
     * The lots held, by expiry: a region's or France's for the ARS, OMEDIT and the nation; one PUI's
     * ({@code finessEt}) also for its pharmacists.
     */
    @Get("/v1/state-stock/lots")
    public LotViews.Picture picture(@RequestAttribute(AuthenticationFilter.CALLER) Caller caller,
                                    @Nullable @QueryValue String date, @Nullable @QueryValue String region,
                                    @Nullable @QueryValue String finessEt) {
        return lots.picture(caller, date, region, finessEt);
    }
}
