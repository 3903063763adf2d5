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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Local platform only: runs the insights as their schedule would on that date (Monday 15:00 in Paris
 * unless {@code at} says otherwise, e.g. {@code at=18:00} for Thursday's run). The same run again
 * computes nothing ({@code duplicate: true}).
 */
@Controller("/local/insights")
public class LocalInsightsController {
    private static final Logger LOG = LoggerFactory.getLogger(LocalInsightsController.class);
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
        return InsightRunHandler.report(runs.run(mondayRun(day, time)));
    }

    /** When the Monday schedule fires on that day (15:00 in Paris), or at that time. */
    static Instant mondayRun(LocalDate day, @Nullable LocalTime time) {
        return ZonedDateTime.of(day, time == null ? LocalTime.of(15, 0) : time, Dates.PARIS).toInstant();
    }

    /**
     * The runs the platform makes by itself once started, in this order: the Monday run of the seed's
     * last week ({@link LocalHistory#LAST_WEEK}) first, what the authorities' screens show; then the
     * Monday runs of the four weeks before it, oldest first, each seeing the alerts of those before it;
     * then the last week's Thursday run (18:00, as scheduled), which sees them all: the outcome of the
     * alerts raised 1, 2 and 4 weeks before, the indicators' alerts followed by a stock-out.
     */
    static List<Instant> historysLastRuns() {
        LocalDate lastMonday = LocalHistory.LAST_WEEK.monday();
        List<Instant> runs = new ArrayList<>(List.of(mondayRun(lastMonday, null)));
        for (int back = 4; back >= 1; back--) {
            runs.add(mondayRun(lastMonday.minusWeeks(back), null));
        }
        runs.add(mondayRun(lastMonday.plusDays(3), LocalTime.of(18, 0)));
        return runs;
    }

    /**
     * One of {@link #historysLastRuns}, as its schedule would have made it, unless made already (then it
     * costs one read); one left computing (a stop) is finished. Run by the platform in the background.
     */
    void historysRun(Instant scheduledFor) {
        long started = System.nanoTime();
        InsightRunService.Outcome outcome = runs.run(scheduledFor);
        if (!outcome.duplicate()) {
            LOG.info("insights of {} ({}) computed in the background in {} s: {} PUI × items assessed, {} alerts",
                    outcome.run().week(), scheduledFor, (System.nanoTime() - started) / 1_000_000_000,
                    outcome.run().assessed(), outcome.run().alerts());
        }
    }
}
