package fr.dispostock.statestock.calendar;

import fr.dispostock.domain.Caller;
import fr.dispostock.domain.Dates;
import fr.dispostock.domain.IsoWeek;
import fr.dispostock.domain.statestock.OrderDays;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Route /v1/state-stock/calendar: what is due when, as of now in Paris, so that a portal or a
 * hospital's software never recomputes the calendar's rules (order day, cut-off) on its own clock.
 */
@Controller("/v1/state-stock/calendar")
public class CalendarController {
    private final Clock clock;

    public CalendarController(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param today                the date in Paris
     * @param week                 its ISO week, the week of the weekly declaration
     * @param weeklyDeclarationDay that week's Monday, when the weekly declaration is due (later ones are marked late)
     * @param lotDeclarationDay    that week's Thursday, when the State-stock lots are declared
     * @param nextOrderDay         the order day an order placed now belongs to (the first Thursday of a month)
     * @param orderCutOff          until when orders are collected for it (12:00 in Paris that day)
     */
    @Serdeable
    public record Calendar(LocalDate today, String week, LocalDate weeklyDeclarationDay, LocalDate lotDeclarationDay,
                           LocalDate nextOrderDay, Instant orderCutOff) {
    }

    /** What is due when, as of now in Paris: this week's declaration days and the next order day. Every role reads it. */
    @Get
    public Calendar calendar(Caller caller) {
        Instant now = clock.instant();
        LocalDate today = now.atZone(Dates.PARIS).toLocalDate();
        IsoWeek week = IsoWeek.of(today);
        LocalDate orderDay = OrderDays.of(now);
        return new Calendar(today, week.toString(), week.monday(), week.monday().with(DayOfWeek.THURSDAY), orderDay,
                OrderDays.cutOff(orderDay));
    }
}
