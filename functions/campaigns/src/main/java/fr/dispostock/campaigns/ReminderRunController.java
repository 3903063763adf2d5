package fr.dispostock.campaigns;

import fr.dispostock.domain.Caller;
import fr.dispostock.platform.mail.ReminderRunView;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.util.List;

/** Route /v1/reminder-runs → {@link ReminderRunService} → MailTable (the runs: the reminders function). */
@Controller("/v1/reminder-runs")
public class ReminderRunController {
    private final ReminderRunService runs;

    public ReminderRunController(ReminderRunService runs) {
        this.runs = runs;
    }

    @Get
    @Operation(summary = "What each scheduled reminder run did (national operator only)",
            description = "The runs scheduled at or after `since`, oldest first: kind, scheduledFor, startedAt, status "
                    + "(SENDING while its mails go out, then SENT), recipients, sent, failed, bounced, suppressed.")
    @ApiResponse(responseCode = "200", description = "The runs")
    @ApiResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "403", description = "Not the national operator", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "`since` missing or not an instant (pointer `since`)",
            content = @Content(mediaType = "application/problem+json"))
    public List<ReminderRunView> list(Caller caller,
                                      @Parameter(required = true, description = "an ISO instant, e.g. 2026-11-23T00:00:00Z",
                                              schema = @Schema(type = "string", format = "date-time"))
                                      @QueryValue(defaultValue = "") String since) {
        return runs.since(caller, since).stream().map(ReminderRunView::of).toList();
    }
}
