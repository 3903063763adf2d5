package fr.dispostock.registers.puis;

import fr.dispostock.domain.Caller;
import fr.dispostock.domain.Finess;
import fr.dispostock.domain.Versions;
import fr.dispostock.domain.register.AuditEntry;
import fr.dispostock.domain.register.Pui;
import fr.dispostock.platform.web.Versioned;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Put;

import java.util.List;

/** Routes /v1/puis/{finessEt} → {@link PuiService} → RegistersTable. */
@Controller("/v1/puis")
public class PuiController {
    private final PuiService puis;

    public PuiController(PuiService puis) {
        this.puis = puis;
    }

    @Get("/{finessEt}")
    public HttpResponse<Pui> get(Caller caller, String finessEt) {
        Pui pui = puis.get(caller, Finess.parse(finessEt));
        return Versioned.ok(pui, pui.version());
    }

    @Put("/{finessEt}")
    public HttpResponse<Pui> put(Caller caller, String finessEt, @Body PuiBody body,
                                 @Nullable @Header("If-Match") String ifMatch) {
        Pui pui = puis.put(caller, Finess.parse(finessEt), body, Versions.ifMatch(ifMatch));
        return Versioned.saved(pui, pui.version());
    }

    @Get("/{finessEt}/audit")
    public List<AuditEntry> audit(Caller caller, String finessEt) {
        return puis.audit(caller, Finess.parse(finessEt));
    }
}
