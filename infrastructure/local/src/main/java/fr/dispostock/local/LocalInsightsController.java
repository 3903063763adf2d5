package fr.dispostock.local;

import fr.dispostock.domain.Dates;
import fr.dispostock.domain.Violations;
import fr.dispostock.domain.declaration.DeclarationReader;
import fr.dispostock.domain.insight.InsightStore;
import fr.dispostock.domain.register.RegisterReader;
import fr.dispostock.domain.register.SupplyStatusReader;
import fr.dispostock.domain.statestock.StateStockReader;
import fr.dispostock.insights.InsightRunHandler;
import fr.dispostock.insights.InsightRunService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Map;

/**
 * Local platform only: runs the insights as their schedule would on that date (Monday 15:00 in Paris
 * unless {@code at} says otherwise, e.g. {@code at=18:00} for Thursday's run). The same run again
 * computes nothing ({@code duplicate: true}).
 */
@Controller("/local/insights")
public class LocalInsightsController {
    private final InsightRunService runs;

    public LocalInsightsController(DeclarationReader declarations, StateStockReader stateStock, InsightStore insights,
                                   Clock clock, RegisterReader registers, SupplyStatusReader statuses) {
        this.runs = new InsightRunService(declarations, stateStock, insights, clock, registers, statuses);
    }

    @Post("/run")
    public Map<String, Object> run(@Nullable @QueryValue String date, @Nullable @QueryValue String at) {
        Violations v = new Violations();
        LocalDate day = v.parse("date", date, Dates::parse);
        LocalTime time = v.parseOptional("at", at, LocalController::time);
        v.throwIfAny("Invalid insights run");
        return InsightRunHandler.report(runs.run(ZonedDateTime.of(day, time == null ? LocalTime.of(15, 0) : time,
                Dates.PARIS).toInstant()));
    }
}
