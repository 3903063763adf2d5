package fr.dispostock.campaigns;

import fr.dispostock.domain.BusinessMetric;
import fr.dispostock.domain.mail.MailingId;
import fr.dispostock.domain.mail.MailingStore;
import fr.dispostock.embedded.DynamoDbLocalExtension;
import fr.dispostock.embedded.HttpApiHarness.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static fr.dispostock.campaigns.CampaignsFunction.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(DynamoDbLocalExtension.class)
class CampaignTest {
    int region84;

    @BeforeEach
    void puisOfTwoRegions() {
        region84 = puis();
    }

    private static String created(String token, Map<String, Object> body) {
        Response r = API.call("POST", "/v1/campaigns", token, body);
        assertEquals(201, r.status(), r.body());
        return (String) r.object().get("campaignId");
    }

    private static MailingSender sender(Clock clock) {
        return new MailingSender(API.context().getBean(MailingStore.class),
                API.context().getBean(fr.dispostock.domain.mail.BulkMailer.class), clock,
                API.context().getBean(BusinessMetric.Counter.class));
    }

    @Test
    void a_national_campaign_reaches_every_pui_once_in_calls_of_at_most_50() {
        // given a campaign to every PUI, sent
        String id = created(NATIONAL, campaign("ALL", null));
        Response sending = API.call("POST", "/v1/campaigns/" + id + "/send", NATIONAL, null);

        // when the sender runs
        boolean finished = sender(Clock.systemUTC()).resume(MailingId.campaign(id), Duration.ofMinutes(1), Integer.MAX_VALUE);

        // then the 132 PUIs got it once each through SES, and the progress says so
        assertEquals(202, sending.status(), sending.body());
        assertEquals("SENDING", sending.object().get("status"));
        assertTrue(finished);
        List<String> mailed = mailed();
        assertEquals(132, mailed.size());
        assertEquals(132, new HashSet<>(mailed).size());
        Response progress = API.call("GET", "/v1/campaigns/" + id, NATIONAL, null);
        assertEquals("SENT", progress.object().get("status"));
        assertEquals(132, ((Number) progress.object().get("sent")).intValue());
        assertEquals(0, ((Number) progress.object().get("failed")).intValue());
    }

    @Test
    void a_sender_killed_between_two_calls_is_resumed_without_losing_or_repeating_anyone() {
        // given a campaign of 132 recipients (3 batches), whose sender stops after its first call
        String id = created(NATIONAL, campaign("ALL", null));
        API.call("POST", "/v1/campaigns/" + id + "/send", NATIONAL, null);
        assertEquals(false, sender(Clock.systemUTC()).resume(MailingId.campaign(id), Duration.ofMinutes(1), 1));
        assertEquals(50, mailed().size());

        // when the next invocation resumes, once the dead sender's lease has expired
        boolean finished = sender(Clock.offset(Clock.systemUTC(), MailingSender.LEASE.plusSeconds(1)))
                .resume(MailingId.campaign(id), Duration.ofMinutes(1), Integer.MAX_VALUE);

        // then everyone got it exactly once
        assertTrue(finished);
        assertEquals(132, mailed().size());
        assertEquals(132, new HashSet<>(mailed()).size());
    }

    @Test
    void while_a_sender_holds_the_lease_another_one_sends_nothing() {
        // given a sender that stopped after one call a moment ago (its lease runs)
        String id = created(NATIONAL, campaign("ALL", null));
        API.call("POST", "/v1/campaigns/" + id + "/send", NATIONAL, null);
        sender(Clock.systemUTC()).resume(MailingId.campaign(id), Duration.ofMinutes(1), 1);

        // when a duplicate invocation arrives at once
        boolean answered = sender(Clock.systemUTC()).resume(MailingId.campaign(id), Duration.ofMinutes(1), Integer.MAX_VALUE);

        // then it leaves the campaign to the lease holder
        assertTrue(answered);
        assertEquals(50, mailed().size());
    }

    @Test
    void an_ars_writes_to_its_region_only_and_suppressed_addresses_are_left_out() {
        // given an address of region 84 that bounced before
        API.context().getBean(MailingStore.class).suppress("PUI-010000024@dispostock.invalid", "bounce");

        // when the ARS of region 84 creates a campaign to its region, then one to all and one to Corsica
        Response own = API.call("POST", "/v1/campaigns", ARS_84, campaign("REGION", null));
        Response all = API.call("POST", "/v1/campaigns", ARS_84, campaign("ALL", null));
        Response other = API.call("POST", "/v1/campaigns", ARS_84, campaign("REGION", "94"));

        // then its region's PUIs less the suppressed one; the others are forbidden
        assertEquals(201, own.status(), own.body());
        assertEquals(region84 - 1, ((Number) own.object().get("recipients")).intValue());
        assertEquals(1, ((Number) own.object().get("suppressed")).intValue());
        assertEquals(403, all.status());
        assertEquals(403, other.status());
    }

    @Test
    void a_bad_campaign_is_refused_naming_each_field_and_a_campaign_is_sent_once() {
        // when a campaign without subject, with an unknown audience, is created; and a campaign is sent twice
        Response bad = API.call("POST", "/v1/campaigns", NATIONAL, Map.of("bodyText", "x", "audience", Map.of("type", "EVERYONE")));
        String id = created(NATIONAL, campaign("ALL", null));
        API.call("POST", "/v1/campaigns/" + id + "/send", NATIONAL, null);
        Response again = API.call("POST", "/v1/campaigns/" + id + "/send", NATIONAL, null);

        // then 422 names them, and the second send is a conflict
        assertEquals(422, bad.status(), bad.body());
        assertEquals(List.of("/subject", "/audience/type"), ((List<?>) bad.object().get("errors")).stream()
                .map(e -> ((Map<?, ?>) e).get("pointer")).toList());
        assertEquals(409, again.status(), again.body());
    }
}
