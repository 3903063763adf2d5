package fr.dispostock.statestock;

import fr.dispostock.platform.dynamo.Tables;
import fr.dispostock.platform.erasure.ErasureRoute;
import fr.dispostock.platform.erasure.Erasures;
import io.micronaut.http.annotation.Controller;

/** Route /v1/state-stock/erasures → {@link Erasures} → StateStockTable, the table this function writes. */
@Controller("/v1/state-stock/erasures")
public class StateStockErasureController extends ErasureRoute {
    public StateStockErasureController(Erasures erasures, Tables tables) {
        super(erasures, tables.stateStock());
    }
}
