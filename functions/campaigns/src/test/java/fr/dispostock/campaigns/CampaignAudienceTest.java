package fr.dispostock.campaigns;

import fr.dispostock.domain.Finess;
import fr.dispostock.domain.Region;
import fr.dispostock.domain.Role;
import fr.dispostock.domain.register.Account;
import fr.dispostock.domain.register.AccountStore;
import fr.dispostock.domain.register.RegisterStore;
import fr.dispostock.embedded.DynamoDbLocalExtension;
import fr.dispostock.embedded.HttpApiHarness;
import fr.dispostock.embedded.RegisterFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static fr.dispostock.campaigns.CampaignsFunction.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

@ExtendWith(DynamoDbLocalExtension.class)
class CampaignAudienceTest {

    @Test
    void users_and_pui_addresses_are_reached_once_each_whatever_the_case_of_their_address() {
        // given the 132 PUIs, an ARS agent of region 94, and a pharmacist whose address is also a PUI's in other case
        int region84 = puis();
        AccountStore accounts = API.context().getBean(AccountStore.class);
        accounts.importAll(List.of(
                new Account("ars-94", "agent@ars-corse.sante.fr", Set.of(Role.ARS), Set.of(), Region.parse("94")),
                new Account("ph-1", "PUI-010000024@DISPOSTOCK.INVALID", Set.of(Role.PHARMACIST),
                        Set.of(Finess.parse("010780054")), null)));

        // when the nation writes to all, and to region 84
        Map<String, Object> all = API.call("POST", "/v1/campaigns", NATIONAL, campaign("ALL", null)).object();
        Map<String, Object> ara = API.call("POST", "/v1/campaigns", NATIONAL, campaign("REGION", "84")).object();

        // then all: 132 PUIs + the ARS agent (the pharmacist is a PUI address already); region 84: its PUIs only
        assertEquals(133, ((Number) all.get("recipients")).intValue());
        assertEquals(region84, ((Number) ara.get("recipients")).intValue());
    }

    @Test
    void the_non_declarers_of_a_week_nobody_declared_are_every_pui_of_the_region() {
        // given the 132 PUIs, none of which declared week 2026-W48
        int region84 = puis();

        // when the nation writes to the non-declarers of region 84 that week
        Map<String, Object> late = API.call("POST", "/v1/campaigns", NATIONAL, Map.of("subject", "Déclaration attendue",
                "bodyText", "Bonjour, votre déclaration de la semaine est attendue.",
                "audience", Map.of("type", "NON_DECLARERS", "region", "84", "week", "2026-W48"))).object();

        // then every PUI of the region is reached
        assertEquals(region84, ((Number) late.get("recipients")).intValue(), late.toString());
    }

    @Test
    void the_non_declarers_of_a_departement_are_its_pui_only_and_the_campaign_names_it() {
        // given the 132 PUIs and one more in Rhône (region 84), none of which declared week 2026-W48
        puis();
        RegisterFixtures.pui(API.context().getBean(RegisterStore.class), "690781810", "690783154", "HOPITAL RHONE", "69");

        // when an ARS of region 84 writes to the non-declarers of Rhône that week
        Map<String, Object> rhone = API.call("POST", "/v1/campaigns", ARS_84, nonDeclarers("69")).object();

        // then only the Rhône PUI is reached, and the campaign says so
        assertEquals(1, ((Number) rhone.get("recipients")).intValue(), rhone.toString());
        assertEquals("69", rhone.get("departement"));
        assertEquals("84", rhone.get("region"));
    }

    @Test
    void a_departement_malformed_or_outside_the_region_is_a_422_naming_it_and_creates_nothing() {
        // given the 132 PUIs
        puis();

        // when an ARS of region 84 names Corse-du-Sud (region 94), and then a département that does not exist
        HttpApiHarness.Response corsica = API.call("POST", "/v1/campaigns", ARS_84, nonDeclarers("2A"));
        HttpApiHarness.Response unknown = API.call("POST", "/v1/campaigns", ARS_84, nonDeclarers("00"));

        // then both are refused on /audience/departement, and no campaign was created
        for (HttpApiHarness.Response r : List.of(corsica, unknown)) {
            assertEquals(422, r.status(), r.body());
            assertEquals(List.of("/audience/departement"), ((List<?>) r.object().get("errors")).stream()
                    .map(e -> ((Map<?, ?>) e).get("pointer")).toList());
        }
        assertEquals(List.of(), API.call("GET", "/v1/campaigns", ARS_84, null).list());
    }

    private static Map<String, Object> nonDeclarers(String departement) {
        return Map.of("subject", "Déclaration attendue", "bodyText", "Bonjour, votre déclaration de la semaine est attendue.",
                "audience", Map.of("type", "NON_DECLARERS", "departement", departement, "week", "2026-W48"));
    }
}
