package fr.dispostock.campaigns;

import fr.dispostock.domain.Finess;
import fr.dispostock.domain.Region;
import fr.dispostock.domain.Role;
import fr.dispostock.domain.register.Account;
import fr.dispostock.domain.register.AccountStore;
import fr.dispostock.embedded.DynamoDbLocalExtension;
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
}
