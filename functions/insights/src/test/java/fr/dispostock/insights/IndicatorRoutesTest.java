package fr.dispostock.insights;

import fr.dispostock.domain.register.Pui;
import fr.dispostock.embedded.DynamoDbLocalExtension;
import fr.dispostock.embedded.HttpApiHarness.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static fr.dispostock.insights.InsightsFunction.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(DynamoDbLocalExtension.class)
class IndicatorRoutesTest {

    @BeforeEach
    void twoWeeksOfRuns() {
        // given Fleyriat (region 84) at 120 units and 30/day in W47 (4 days: an alert within 7 days), then at zero
        // stock in W48; Ajaccio (region 94) declaring W48 only, 900 units at 10/day; the Monday runs of both weeks
        List<Pui> puis = puis();
        declare(puis.get(0), "ITEM-A", WEEK, 120, 30, 0, 30);
        declare(puis.get(1), "ITEM-A", WEEK, 900, 10);
        fire("AfterWeeklyDeclarations", "2026-11-16T14:00:00Z");
        fire("AfterWeeklyDeclarations", MONDAY_RUN);
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_ars_reads_its_regions_indicators_and_the_alerts_measured_precision() {
        // when the ARS of Auvergne-Rhône-Alpes reads W47 to W48
        Response r = API.call("GET", "/v1/insights/indicators?from=2026-W47&to=2026-W48", ACCOUNTS.get("ARS-own"), null);

        // then its region alone: 2 of 2 declarations, none late; 1 of 2 PUI × item weeks at zero stock; coverages
        // 4 and 0 days: median 0 (the lower middle); 2 alerts within 7 days raised, W47's evaluated and followed by
        // the stock-out of W48 (precision 1); W48's 14-day horizon not passed (none evaluated, no precision)
        assertEquals(200, r.status(), r.body());
        assertNull(r.object().get("nation"));
        List<Map<String, Object>> regions = (List<Map<String, Object>>) r.object().get("regions");
        assertEquals(1, regions.size(), r.body());
        Map<String, Object> ara = regions.get(0);
        assertEquals("84", ara.get("region"));
        assertEquals(2, ara.get("weeks"));
        assertEquals(2, ara.get("expectedDeclarations"));
        assertEquals(1.0, ara.get("completeness"));
        assertEquals(0.0, ara.get("lateness"));
        assertEquals(0.5, ara.get("zeroStockShare"));
        assertEquals(0, ara.get("medianCoverageDays"));
        List<Map<String, Object>> alerts = (List<Map<String, Object>>) ara.get("alerts");
        assertEquals(Map.of("withinDays", 7, "raised", 2, "evaluated", 1, "followedByStockOut", 1, "precision", 1.0),
                alerts.get(0));
        assertEquals(0, alerts.get(1).get("evaluated"));
        assertNull(alerts.get(1).get("precision"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_nation_reads_itself_and_every_region() {
        // when the national operator reads the same period
        Response r = API.call("GET", "/v1/insights/indicators?from=2026-W47&to=2026-W48", ACCOUNTS.get("NATIONAL"), null);

        // then the nation: 3 of 4 declarations (Ajaccio did not declare W47); 18 regions
        Map<String, Object> nation = (Map<String, Object>) r.object().get("nation");
        assertEquals(3, nation.get("declarations"), r.body());
        assertEquals(0.75, nation.get("completeness"));
        assertEquals(18, ((List<?>) r.object().get("regions")).size());
    }

    @Test
    void as_csv_one_row_per_area_with_decimal_commas() {
        // when the ARS asks for CSV
        Response r = API.call("GET", "/v1/insights/indicators?from=2026-W47&to=2026-W48&format=csv",
                ACCOUNTS.get("ARS-own"), null);

        // then a spreadsheet's CSV: the titles, then region 84's figures
        assertEquals(200, r.status(), r.body());
        assertTrue(r.headers().get("Content-Type").startsWith("text/csv"), r.headers().toString());
        List<String> lines = List.of(r.body().split("\r\n"));
        assertTrue(lines.get(0).startsWith("\uFEFF\"Région\";\"Nom\";\"Semaines\""), lines.get(0));
        assertEquals("\"84\";\"Auvergne-Rhône-Alpes\";2;2;2;0;1,000;0,000;2;1;0,500;0;2;1;1;1,000;2;0;0;;2;0;0;;0",
                lines.get(1));
        assertEquals(2, lines.size(), r.body());
    }

    @Test
    void a_bad_period_is_refused_naming_each_parameter_and_pharmacists_are_refused() {
        // when the period is reversed, too long, incomplete with a bad format; and a pharmacist, a machine client ask
        Response reversed = API.call("GET", "/v1/insights/indicators?from=2026-W48&to=2026-W40", ACCOUNTS.get("NATIONAL"), null);
        Response tooLong = API.call("GET", "/v1/insights/indicators?from=2020-W01&to=2026-W48", ACCOUNTS.get("NATIONAL"), null);
        Response missing = API.call("GET", "/v1/insights/indicators?to=2026-W48&format=xml", ACCOUNTS.get("NATIONAL"), null);
        Response pharmacist = API.call("GET", "/v1/insights/indicators?from=2026-W47&to=2026-W48",
                ACCOUNTS.get("PHARMACIST-own"), null);
        Response client = API.call("GET", "/v1/insights/indicators?from=2026-W47&to=2026-W48",
                ACCOUNTS.get("CLIENT-own"), null);

        // then 422s naming `to`, `to`, then `from` and `format`; 403s
        assertEquals(422, reversed.status(), reversed.body());
        assertTrue(reversed.body().contains("must not be before from"), reversed.body());
        assertEquals(422, tooLong.status(), tooLong.body());
        assertTrue(tooLong.body().contains("at most 156 weeks"), tooLong.body());
        assertEquals(422, missing.status(), missing.body());
        assertTrue(missing.body().contains("from") && missing.body().contains("must be json or csv"), missing.body());
        assertEquals(403, pharmacist.status(), pharmacist.body());
        assertEquals(403, client.status(), client.body());
    }
}
