package fr.dispostock.statestock.lots;

import fr.dispostock.domain.Caller;
import fr.dispostock.domain.Dates;
import fr.dispostock.domain.Finess;
import fr.dispostock.domain.InvalidValueException;
import fr.dispostock.domain.Violations;
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
import java.time.LocalDate;

/**
 * A Thursday's lots sent in FHIR R5 ({@code application/fhir+json}): an InventoryReport read and
 * answered ({@link FhirLots}), through the same rules as JSON; errors are OperationOutcomes
 * ({@code FhirOutcomeFilter}). The lots read in FHIR: {@link LotController}.
 */
@Controller
public class FhirLotController {
    private final LotService lots;
    private final JsonMapper json;
    private final Clock clock;

    public FhirLotController(LotService lots, JsonMapper json, Clock clock) {
        this.lots = lots;
        this.json = json;
        this.clock = clock;
    }

    @Put(value = "/v1/puis/{finessEt}/state-stock/{date}", consumes = Fhir.MEDIA_TYPE, produces = Fhir.MEDIA_TYPE)
    @ApiResponse(responseCode = "200", description = "the Thursday's lots as stored (an InventoryReport when sent in FHIR)",
            content = @Content(mediaType = Fhir.MEDIA_TYPE))
    public MutableHttpResponse<String> declare(HttpRequest<?> request,
                                       Caller caller,
                                       String finessEt, String date, @Nullable @Body String body) {
        Pui pui = lots.declarant(caller, Finess.parse(finessEt));
        Violations v = new Violations();
        FhirLots.Read read = FhirLots.read(InventoryReports.parse(body), thursday(date), pui.finessEt(), clock.instant(), v);
        request.setAttribute(Fhir.EXPRESSIONS, read.expressions());
        return Fhir.response(HttpStatus.OK, FhirLots.report(lots.declare(caller, pui, date, read.lines(), v)), json);
    }

    private static LocalDate thursday(String date) {
        try {
            return Dates.parse(date);
        } catch (InvalidValueException e) {
            return null; // the rules say it, pointer date
        }
    }
}
