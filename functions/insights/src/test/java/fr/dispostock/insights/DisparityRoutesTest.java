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
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(DynamoDbLocalExtension.class)
class DisparityRoutesTest {

    @BeforeEach
    void aRunOfTwoPuis() {
        // given Fleyriat (Ain, region 84) covered 4 days on ITEM-A (120 units at 30/day), Ajaccio (Corse-du-Sud,
        // region 94) 90 days (900 at 10/day)
        List<Pui> puis = puis();
        declare(puis.get(0), "ITEM-A", WEEK, 120, 30);
        declare(puis.get(1), "ITEM-A", WEEK, 900, 10);
        fire("AfterWeeklyDeclarations", MONDAY_RUN);
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_ars_reads_its_region_and_departement_behind_the_national_median_and_by_how_much() {
        // when the ARS of Auvergne-Rhône-Alpes reads the disparities of the last run
        Response r = API.call("GET", "/v1/insights/disparities", ACCOUNTS.get("ARS-own"), null);

        // then the national median of 4 and 90 days is 47; its region and the Ain, at 4 days, are under half of
        // it on ITEM-A and over every item: 43 days below, 4/47 of it
        assertEquals(200, r.status(), r.body());
        Map<String, Object> body = r.object();
        assertEquals("2026-W48", body.get("week"));
        assertEquals(47.0, ((Number) ((Map<String, Object>) body.get("nation")).get("medianCoverageDays")).doubleValue());
        List<Map<String, Object>> places = (List<Map<String, Object>>) body.get("places");
        assertEquals(List.of("REGION 84", "DEPARTEMENT 01"), places.stream().map(p -> p.get("level") + " " + p.get("code"))
                .toList());
        assertEquals("Ain", places.get(1).get("name"));
        List<Map<String, Object>> behind = (List<Map<String, Object>>) places.get(1).get("behind");
        assertEquals(2, behind.size(), behind.toString());
        Map<String, Object> item = behind.stream().filter(b -> "ITEM-A".equals(b.get("itemId"))).findFirst().orElseThrow();
        assertEquals(4.0, ((Number) item.get("medianCoverageDays")).doubleValue());
        assertEquals(47.0, ((Number) item.get("nationalMedianDays")).doubleValue());
        assertEquals(43.0, ((Number) item.get("daysBelow")).doubleValue());
        assertEquals(4.0 / 47, ((Number) item.get("share")).doubleValue(), 1e-9);
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_nation_reads_every_place_and_corsica_is_not_behind() {
        // when the national operator reads them
        Response r = API.call("GET", "/v1/insights/disparities?week=2026-W48", ACCOUNTS.get("NATIONAL"), null);

        // then both regions and both départements; Corse-du-Sud, at 90 days, behind on nothing
        assertEquals(200, r.status(), r.body());
        List<Map<String, Object>> places = (List<Map<String, Object>>) r.object().get("places");
        assertEquals(List.of("REGION 84", "REGION 94", "DEPARTEMENT 01", "DEPARTEMENT 2A"),
                places.stream().map(p -> p.get("level") + " " + p.get("code")).toList());
        assertEquals(List.of(), places.get(3).get("behind"));
    }

    @Test
    void pharmacists_machine_clients_another_region_and_bad_parameters_are_refused() {
        // when a pharmacist, a machine client, the ARS of region 84 for Corsica, and with a bad week and region ask
        Response pharmacist = API.call("GET", "/v1/insights/disparities", ACCOUNTS.get("PHARMACIST-own"), null);
        Response client = API.call("GET", "/v1/insights/disparities", ACCOUNTS.get("CLIENT-own"), null);
        Response corsica = API.call("GET", "/v1/insights/disparities?region=94", ACCOUNTS.get("ARS-own"), null);
        Response bad = API.call("GET", "/v1/insights/disparities?week=2026-48&region=99", ACCOUNTS.get("NATIONAL"), null);
        Response unknownWeek = API.call("GET", "/v1/insights/disparities?week=2026-W40", ACCOUNTS.get("NATIONAL"), null);

        // then 403, 403, 403, a 422 naming both parameters, and a 404 for a week without run
        assertEquals(403, pharmacist.status(), pharmacist.body());
        assertEquals(403, client.status(), client.body());
        assertEquals(403, corsica.status(), corsica.body());
        assertEquals(422, bad.status(), bad.body());
        assertTrue(bad.body().contains("week") && bad.body().contains("region"), bad.body());
        assertEquals(404, unknownWeek.status(), unknownWeek.body());
    }
}
