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
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

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
    void the_nation_lists_every_campaign_newest_first_and_an_ars_only_its_regions() {
        // given a campaign to everyone, then one to region 84, then one to Corsica
        String all = created(NATIONAL, campaign("ALL", null));
        String ara = created(NATIONAL, campaign("REGION", "84"));
        String corsica = created(NATIONAL, campaign("REGION", "94"));

        // when the national operator and the ARS of region 84 list the campaigns
        Response national = API.call("GET", "/v1/campaigns", NATIONAL, null);
        Response ars = API.call("GET", "/v1/campaigns?limit=5", ARS_84, null);
        Response two = API.call("GET", "/v1/campaigns?limit=2", NATIONAL, null);

        // then the nation sees the three, newest first, with their progress; the ARS its region's only
        assertEquals(200, national.status(), national.body());
        assertEquals(List.of(corsica, ara, all), ids(national));
        assertEquals("DRAFT", ((Map<?, ?>) national.list().get(0)).get("status"));
        assertEquals(List.of(ara), ids(ars));
        assertEquals(List.of(corsica, ara), ids(two));
    }

    @Test
    void a_limit_out_of_bounds_is_a_422_naming_limit() {
        // when the campaigns are listed 500 at a time
        Response r = API.call("GET", "/v1/campaigns?limit=500", NATIONAL, null);

        // then 422 on limit
        assertEquals(422, r.status(), r.body());
        assertTrue(r.body().contains("\"pointer\":\"limit\""), r.body());
    }

    private static List<?> ids(Response r) {
        return r.list().stream().map(c -> ((Map<?, ?>) c).get("campaignId")).toList();
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
    void a_sender_out_of_time_hands_over_to_the_invocation_it_kicks_at_once() {
        // given a campaign whose sender runs out of its budget before its first batch
        String id = created(NATIONAL, campaign("ALL", null));
        API.call("POST", "/v1/campaigns/" + id + "/send", NATIONAL, null);
        assertEquals(false, sender(Clock.systemUTC()).resume(MailingId.campaign(id), Duration.ZERO, Integer.MAX_VALUE));

        // when the invocation it kicked arrives at once (no lease left to wait for)
        boolean finished = sender(Clock.systemUTC()).resume(MailingId.campaign(id), Duration.ofMinutes(1), Integer.MAX_VALUE);

        // then that one sends everyone, once
        assertTrue(finished);
        assertEquals(132, mailed().size());
        assertEquals(132, new HashSet<>(mailed()).size());
    }

    @Test
    void a_sender_renews_its_lease_after_each_batch() {
        // given a sender whose clock moves 30 s at each reading, stopped after one batch: it took its
        // lease at T0 until T0+90 s, and renewed it after the batch, at T0+60 s, until T0+120 s
        String id = created(NATIONAL, campaign("ALL", null));
        API.call("POST", "/v1/campaigns/" + id + "/send", NATIONAL, null);
        Instant t0 = Instant.now();
        AtomicInteger readings = new AtomicInteger();
        Clock slow = new Clock() {
            public ZoneId getZone() { return ZoneOffset.UTC; }
            public Clock withZone(ZoneId zone) { return this; }
            public Instant instant() { return t0.plusSeconds(30L * readings.getAndIncrement()); }
        };
        sender(slow).resume(MailingId.campaign(id), Duration.ofMinutes(1), 1);

        // when another invocation arrives at T0+100 s, after the first lease's end but before the renewed one's
        boolean answered = sender(Clock.fixed(t0.plusSeconds(100), ZoneOffset.UTC))
                .resume(MailingId.campaign(id), Duration.ofMinutes(1), Integer.MAX_VALUE);

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
