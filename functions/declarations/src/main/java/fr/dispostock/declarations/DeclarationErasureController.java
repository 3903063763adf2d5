package fr.dispostock.declarations;

import fr.dispostock.platform.dynamo.Tables;
import fr.dispostock.platform.erasure.ErasureRoute;
import fr.dispostock.platform.erasure.Erasures;
import io.micronaut.http.annotation.Controller;

/** Route /v1/declarations/erasures → {@link Erasures} → DeclarationsTable, the table this function writes. */
@Controller("/v1/declarations/erasures")
public class DeclarationErasureController extends ErasureRoute {
    public DeclarationErasureController(Erasures erasures, Tables tables) {
        super(erasures, tables.declarations());
    }
}
