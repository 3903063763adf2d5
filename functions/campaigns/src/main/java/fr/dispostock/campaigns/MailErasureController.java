package fr.dispostock.campaigns;

import fr.dispostock.platform.dynamo.Tables;
import fr.dispostock.platform.erasure.ErasureRoute;
import fr.dispostock.platform.erasure.Erasures;
import io.micronaut.http.annotation.Controller;

/** Route /v1/campaigns/erasures → {@link Erasures} → MailTable, the table this function writes. */
@Controller("/v1/campaigns/erasures")
public class MailErasureController extends ErasureRoute {
    public MailErasureController(Erasures erasures, Tables tables) {
        super(erasures, tables.mail());
    }
}
