package fr.dispostock.campaigns;

import fr.dispostock.domain.BusinessMetric;
import fr.dispostock.domain.mail.MailingId;
import fr.dispostock.domain.mail.MailingStore;
import fr.dispostock.embedded.DynamoDbLocalExtension;
import fr.dispostock.embedded.ThrottlingSes;
import fr.dispostock.campaigns.ses.SesBulkMailer;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;

import static fr.dispostock.campaigns.CampaignsFunction.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SES answering "slow down" (429, ThrottlingException) is waited out with back-off, and nobody is lost or mailed twice. */
@ExtendWith(DynamoDbLocalExtension.class)
class ThrottlingTest {

    /** Sends a new campaign to every PUI through this SES endpoint; its progress afterwards. */
    static Map<String, Object> sendThrough(ThrottlingSes stub) {
        String id = startedCampaign();
        try {
            assertTrue(resumeThrough(stub.endpoint().toString(), id));
        } finally {
            stub.close();
        }
        return API.call("GET", "/v1/campaigns/" + id, NATIONAL, null).object();
    }

    /** A campaign to every PUI, sent (SENDING): its id. */
    static String startedCampaign() {
        String id = (String) API.call("POST", "/v1/campaigns", NATIONAL, campaign("ALL", null)).object().get("campaignId");
        API.call("POST", "/v1/campaigns/" + id + "/send", NATIONAL, null);
        return id;
    }

    /** One sender invocation on the campaign, its SES calls going to this endpoint. */
    static boolean resumeThrough(String sesEndpoint, String id) {
        Map<String, Object> properties = new HashMap<>(MAIL);
        properties.putAll(Map.of("dispostock.mail.enabled", "true", "dispostock.ses.max-send-rate", "1000",
                "dispostock.ses.endpoint", sesEndpoint));
        try (ApplicationContext ses = ApplicationContext.builder().properties(properties).start()) {
            return new MailingSender(API.context().getBean(MailingStore.class), ses.getBean(SesBulkMailer.class),
                    Clock.systemUTC(), API.context().getBean(BusinessMetric.Counter.class)).resume(MailingId.campaign(id), Duration.ofMinutes(2), Integer.MAX_VALUE);
        }
    }

    @Test
    void a_sender_that_fails_gives_its_lease_back_and_the_retried_invocation_sends_everyone() throws Exception {
        // given a campaign to every PUI, and SES failing every call (500) for the first sender
        puis();
        String id = startedCampaign();
        try (ThrottlingSes failing = new ThrottlingSes(SES, Integer.MAX_VALUE, 500, "InternalFailure")) {
            assertThrows(SesV2Exception.class, () -> resumeThrough(failing.endpoint().toString(), id));
        }

        // when the invocation is retried at once (well within the 60-second lease), with SES working again
        boolean done = resumeThrough(SES.endpoint().toString(), id);

        // then the retry took the mailing over and mailed everyone once
        assertTrue(done);
        Map<String, Object> progress = API.call("GET", "/v1/campaigns/" + id, NATIONAL, null).object();
        assertEquals("SENT", progress.get("status"));
        assertEquals(132, ((Number) progress.get("sent")).intValue());
        assertEquals(132, new HashSet<>(mailed()).size());
        assertEquals(132, mailed().size());
    }

    @Test
    void throttled_bulk_calls_are_retried_with_back_off_until_the_campaign_is_sent() throws Exception {
        // given SES behind a stub that throttles the first 5 bulk calls, then lets them through to the emulator
        puis();
        ThrottlingSes throttling = new ThrottlingSes(SES, 5, 429, "ThrottlingException");

        // when a campaign to every PUI is sent through it
        Map<String, Object> progress = sendThrough(throttling);

        // then it was throttled, waited, and everyone got the mail once
        assertTrue(throttling.bulkCalls() > 5, "bulk calls " + throttling.bulkCalls());
        assertEquals(132, mailed().size());
        assertEquals(132, new HashSet<>(mailed()).size());
        assertEquals(132, ((Number) progress.get("sent")).intValue());
    }

    @Test
    void a_rejected_batch_is_counted_failed_and_the_campaign_goes_on() throws Exception {
        // given SES that rejects the first bulk call (MessageRejected), then accepts
        puis();

        // when a campaign to every PUI is sent through it
        Map<String, Object> progress = sendThrough(new ThrottlingSes(SES, 1, 400, "MessageRejected"));

        // then the first 50 failed, the 82 others were sent, and the campaign is done
        assertEquals("SENT", progress.get("status"));
        assertEquals(50, ((Number) progress.get("failed")).intValue());
        assertEquals(82, ((Number) progress.get("sent")).intValue());
        assertEquals(82, mailed().size());
    }
}
