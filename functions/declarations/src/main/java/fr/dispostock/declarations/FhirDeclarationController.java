package fr.dispostock.declarations;

import fr.dispostock.declarations.DeclarationViews.Declared;
import fr.dispostock.domain.Caller;
import fr.dispostock.domain.Finess;
import fr.dispostock.domain.IsoWeek;
import fr.dispostock.domain.Ucd;
import fr.dispostock.domain.Violations;
import fr.dispostock.domain.register.Medicine;
import fr.dispostock.domain.register.Pui;
import fr.dispostock.platform.fhir.Fhir;
import fr.dispostock.platform.fhir.InventoryReports;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Put;
import io.micronaut.json.JsonMapper;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The weekly declaration sent in FHIR R5 ({@code application/fhir+json}): an InventoryReport read
 * and answered ({@link FhirDeclarations}), through the same rules as JSON and CSV; errors are
 * OperationOutcomes ({@code FhirOutcomeFilter}). The week read in FHIR: {@link DeclarationController}.
 */
@Controller
public class FhirDeclarationController {
    private final DeclarationService declarations;
    private final JsonMapper json;
    private final Clock clock;

    public FhirDeclarationController(DeclarationService declarations, JsonMapper json, Clock clock) {
        this.declarations = declarations;
        this.json = json;
        this.clock = clock;
    }

    @Put(value = "/v1/puis/{finessEt}/declarations/{week}", consumes = Fhir.MEDIA_TYPE, produces = Fhir.MEDIA_TYPE)
    @ApiResponse(responseCode = "200", description = "the week as stored (an InventoryReport when sent in FHIR)",
            content = @Content(mediaType = Fhir.MEDIA_TYPE))
    public MutableHttpResponse<String> declare(HttpRequest<?> request,
                                       Caller caller,
                                       String finessEt, String week, @Nullable @Body String body) {
        Pui pui = declarations.declarant(caller, Finess.parse(finessEt));
        Finess et = pui.finessEt();
        IsoWeek w = IsoWeek.parse(week);
        List<Medicine> medicines = declarations.medicines(); // read once: the report's UCD codes, then the rules
        Map<String, List<Ucd>> ucds = DeclarationService.ucdsOfItems(medicines);
        Map<Ucd, String> itemOf = new HashMap<>();
        ucds.forEach((item, codes) -> codes.forEach(u -> itemOf.put(u, item)));
        Violations v = new Violations();
        FhirDeclarations.Read read = FhirDeclarations.read(InventoryReports.parse(body), w, et, itemOf,
                clock.instant(), v);
        request.setAttribute(Fhir.EXPRESSIONS, read.expressions());
        Declared d = declarations.declare(caller, pui, w, read.lines(), v, medicines);
        return Fhir.response(HttpStatus.OK, FhirDeclarations.report(d.finessEt(), d.week(), d.lines(), d.declaredAt(),
                d.declaredBy(), d.late(), d.missingItems(), ucds), json);
    }
}
