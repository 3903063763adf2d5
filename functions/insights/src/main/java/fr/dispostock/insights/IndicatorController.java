package fr.dispostock.insights;

import fr.dispostock.domain.Caller;
import fr.dispostock.domain.Csv;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.nio.charset.StandardCharsets;

/** Route /v1/insights/indicators: the T0/M6/M12 indicators over a period, JSON or CSV. */
@Controller
public class IndicatorController {
    private static final String CSV = "text/csv;charset=UTF-8";
    private final IndicatorService indicators;

    public IndicatorController(IndicatorService indicators) {
        this.indicators = indicators;
    }

    @Get("/v1/insights/indicators")
    @ApiResponse(responseCode = "200", description = "the nation's figures (national operator) and each region's in"
            + " scope over the period; as CSV one row per area, the nation first", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = IndicatorsView.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "403", description = InsightsApi.NOT_IN_SCOPE,
            content = @Content(mediaType = InsightsApi.PROBLEM))
    @ApiResponse(responseCode = "422", description = "from or to missing or not an ISO week, to before from or more than "
            + IndicatorService.MAX_WEEKS + " weeks after it, region not a region code, format not json or csv (pointers"
            + " `from`, `to`, `region`, `format`)", content = @Content(mediaType = InsightsApi.PROBLEM))
    public HttpResponse<?> indicators(Caller caller,
                                      @Parameter(description = "first ISO week of the period, e.g. 2026-W01 (required)", required = true)
                                      @Nullable @QueryValue String from,
                                      @Parameter(description = "last ISO week of the period (required; at most "
                                              + IndicatorService.MAX_WEEKS + " weeks from the first)", required = true)
                                      @Nullable @QueryValue String to,
                                      @Parameter(description = "INSEE region code; an ARS or OMEDIT reads its own, the"
                                              + " national operator every region and the nation without it")
                                      @Nullable @QueryValue String region,
                                      @Parameter(description = "json or csv (default json)",
                                              schema = @Schema(allowableValues = {"json", "csv"}))
                                      @Nullable @QueryValue String format) {
        IndicatorService.Query q = IndicatorService.query(from, to, region, format);
        IndicatorsView view = indicators.indicators(caller, q);
        if (!q.csv()) {
            return HttpResponse.ok(view);
        }
        String name = "indicateurs-" + view.from() + "-" + view.to() + (view.nation() == null ? "-" + view.regions().get(0).region() : "");
        return HttpResponse.ok(Csv.write(IndicatorsView.columns(), view.rows()).getBytes(StandardCharsets.UTF_8))
                .contentType(CSV).header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
    }
}
