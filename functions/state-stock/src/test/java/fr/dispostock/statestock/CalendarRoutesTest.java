package fr.dispostock.statestock;

import fr.dispostock.embedded.DynamoDbLocalExtension;
import fr.dispostock.embedded.HttpApiHarness;
import fr.dispostock.embedded.HttpApiHarness.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static fr.dispostock.statestock.StateStockFunction.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

@ExtendWith(DynamoDbLocalExtension.class)
class CalendarRoutesTest {

    @Test
    void on_thursday_morning_before_noon_the_calendar_names_the_order_day_of_next_week() {
        // given Thursday 26 November 2026, 09:00 in Paris (the function's clock)
        // when a pharmacist reads the calendar
        Response r = API.call("GET", "/v1/state-stock/calendar", PH_FLEYRIAT, null);

        // then this week's days, and the first Thursday of December with its cut-off at 12:00 Paris (11:00 UTC)
        assertEquals(200, r.status(), r.body());
        assertEquals(Map.of("today", "2026-11-26", "week", "2026-W48", "weeklyDeclarationDay", "2026-11-23",
                "lotDeclarationDay", "2026-11-26", "nextOrderDay", "2026-12-03", "orderCutOff", "2026-12-03T11:00:00Z"), r.object());
    }

    @Test
    void on_the_order_day_after_noon_orders_go_to_next_month() {
        // given the function's clock at 12:30 in Paris on Thursday 3 December 2026, the order day
        try (HttpApiHarness afterCutOff = new HttpApiHarness(DynamoDbLocalExtension.dynamoDb(), TOKENS,
                Map.of("dispostock.clock.fixed", "2026-12-03T11:30:00Z"))) {

            // when the calendar is read
            Response r = afterCutOff.call("GET", "/v1/state-stock/calendar", NATIONAL, null);

            // then the next order day is the first Thursday of January
            assertEquals("2027-01-07", r.object().get("nextOrderDay"), r.body());
            assertEquals("2027-01-07T11:00:00Z", r.object().get("orderCutOff"));
        }
    }

    @Test
    void without_a_token_the_calendar_is_refused() {
        // when the calendar is read without a token
        Response r = API.call("GET", "/v1/state-stock/calendar", null, null);

        // then 401
        assertEquals(401, r.status(), r.body());
    }
}
