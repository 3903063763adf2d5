package fr.dispostock.registers;

import fr.dispostock.embedded.DynamoDbLocalExtension;
import fr.dispostock.embedded.HttpApiHarness.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static fr.dispostock.registers.RegistersFunction.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(DynamoDbLocalExtension.class)
class InstructionRoutesTest {

    @BeforeEach
    void emptyRegisters() {
        DynamoDbLocalExtension.dynamoDb().deleteAllItems("RegistersTable");
    }

    @Test
    void the_home_page_shows_national_instructions_and_those_of_the_region_in_force_today() {
        // given a national instruction, one of region 84, one of region 94 and an expired one
        String today = LocalDate.now(java.time.ZoneId.of("Europe/Paris")).toString();
        API.call("PUT", "/v1/instructions/national-1", NATIONAL, Map.of("title", "Déclaration hebdomadaire",
                "body", "Déclarez chaque lundi.", "validFrom", today));
        API.call("PUT", "/v1/instructions/ara-1", ARS_84, Map.of("title", "ARA", "body", "Consigne régionale",
                "region", "84", "validFrom", today));
        API.call("PUT", "/v1/instructions/corse-1", ARS_94, Map.of("title", "Corse", "body", "Consigne",
                "region", "94", "validFrom", today));
        API.call("PUT", "/v1/instructions/old", NATIONAL, Map.of("title", "Ancienne", "body", "Périmée",
                "validFrom", "2025-01-01", "validTo", "2025-12-31"));

        // when a pharmacist of region 84 opens the home page
        Response r = API.call("GET", "/v1/instructions?region=84", PHARMACIST_FLEYRIAT, null);

        // then the national and the region's own are shown
        assertEquals(200, r.status(), r.body());
        assertEquals(List.of("ara-1", "national-1"), r.list().stream().map(i -> (String) ((Map<?, ?>) i).get("id")).sorted().toList());
    }

    @Test
    void an_ars_writes_its_region_instructions_only() {
        // when the ARS of region 84 writes a national one and one for region 94
        Response national = API.call("PUT", "/v1/instructions/x", ARS_84, Map.of("title", "t", "body", "b", "validFrom", "2026-11-23"));
        Response other = API.call("PUT", "/v1/instructions/y", ARS_84, Map.of("title", "t", "body", "b", "region", "94", "validFrom", "2026-11-23"));

        // then both are forbidden
        assertEquals(403, national.status());
        assertEquals(403, other.status());
    }

    @Test
    void their_keepers_also_read_the_instructions_to_come_and_nobody_else_does() {
        // given a national instruction and one of region 84, both to come, and one of region 84 in force
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
        API.call("PUT", "/v1/instructions/national-later", NATIONAL, Map.of("title", "Plus tard", "body", "b",
                "validFrom", today.plusDays(10).toString()));
        API.call("PUT", "/v1/instructions/ara-later", ARS_84, Map.of("title", "ARA plus tard", "body", "b",
                "region", "84", "validFrom", today.plusDays(3).toString()));
        API.call("PUT", "/v1/instructions/ara-now", ARS_84, Map.of("title", "ARA", "body", "b",
                "region", "84", "validFrom", today.toString()));

        // when the region's ARS asks for those to come too, and without
        Response upcoming = API.call("GET", "/v1/instructions?upcoming=true", ARS_84, null);
        Response inForce = API.call("GET", "/v1/instructions?region=84&upcoming=false", ARS_84, null);

        // then it reads them all with upcoming=true, only the one in force without
        assertEquals(200, upcoming.status(), upcoming.body());
        assertEquals(List.of("ara-later", "ara-now", "national-later"), ids(upcoming));
        assertEquals(List.of("ara-now"), ids(inForce));
        // and a pharmacist, an ARS of another region and a bad value are refused
        assertEquals(403, API.call("GET", "/v1/instructions?region=84&upcoming=true", PHARMACIST_FLEYRIAT, null).status());
        assertEquals(403, API.call("GET", "/v1/instructions?region=84&upcoming=true", ARS_94, null).status());
        Response bad = API.call("GET", "/v1/instructions?upcoming=yes", ARS_84, null);
        assertEquals(422, bad.status());
        assertTrue(bad.body().contains("\"pointer\":\"upcoming\""), bad.body());
    }

    private static List<String> ids(Response r) {
        return r.list().stream().map(i -> (String) ((Map<?, ?>) i).get("id")).sorted().toList();
    }
}
