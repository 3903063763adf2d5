package fr.dispostock.bench.campaign;

import fr.dispostock.domain.BusinessMetric;
import fr.dispostock.bench.BenchmarksFile;
import fr.dispostock.campaigns.MailingSender;
import fr.dispostock.domain.mail.Batches;
import fr.dispostock.domain.mail.BulkMailer;
import fr.dispostock.domain.mail.Campaign;
import fr.dispostock.domain.mail.CampaignStore;
import fr.dispostock.domain.mail.Mailing;
import fr.dispostock.domain.mail.MailingId;
import fr.dispostock.domain.mail.MailingStore;
import fr.dispostock.domain.mail.Recipient;
import fr.dispostock.embedded.TableDefinitions;
import fr.dispostock.embedded.EmbeddedDynamoDb;
import fr.dispostock.embedded.SesEmulator;
import fr.dispostock.embedded.ThrottlingSes;
import io.micronaut.context.ApplicationContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A campaign of 20,000 recipients through the real SES v2 client to the SES emulator: number of
 * SES calls against ceil(N/50), pacing against the configured send rate, and a sender stopped
 * midway then resumed: duplicates and misses. Writes its section of BENCHMARKS.md.
 *
 * <p>Usage: bench/campaign [--recipients 20000] [--rate 500]
 */
public final class CampaignBench {
    /** The benchmark measures the sending, not the business counts. */
    private static final BusinessMetric.Counter NO_METRICS = (metric, count) -> {
    };
    public static void main(String[] args) throws Exception {
        Map<String, String> o = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i], args[i + 1]);
        }
        int n = Integer.parseInt(o.getOrDefault("--recipients", "20000"));
        double rate = Double.parseDouble(o.getOrDefault("--rate", "500"));
        try (EmbeddedDynamoDb dynamoDb = EmbeddedDynamoDb.startInMemory(); SesEmulator ses = SesEmulator.start();
             ThrottlingSes counting = new ThrottlingSes(ses, 0, 429, "ThrottlingException")) {
            dynamoDb.createTablesFromTemplate();
            // SES through a stub that refuses nothing: it counts the SendBulkEmail calls
            try (ApplicationContext context = ApplicationContext.builder().properties(TableDefinitions.everyTable()).properties(Map.of(
                    "dispostock.dynamodb.endpoint", dynamoDb.endpoint().toString(),
                    "dispostock.ses.endpoint", counting.endpoint().toString(),
                    "dispostock.ses.max-send-rate", Double.toString(rate),
                    "dispostock.mail.enabled", "true",
                    "dispostock.mail.from", "Dispostock <no-reply@dispostock.invalid>")).start()) {
                CampaignStore store = context.getBean(CampaignStore.class);
                MailingStore mailings = context.getBean(MailingStore.class);
                BulkMailer mailer = context.getBean(BulkMailer.class);
                List<Recipient> recipients = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    String address = String.format("pui-%06d@dispostock.invalid", i);
                    recipients.add(new Recipient(address, Map.of("email", address)));
                }
                List<List<Recipient>> batches = Batches.of(recipients);
                String campaignId = "bench-" + System.currentTimeMillis();
                MailingId id = MailingId.campaign(campaignId);
                store.create(new Campaign(campaignId, new Campaign.Audience("ALL", null, null, null), "bench", Instant.now(),
                        Mailing.created(id, "Bench", "Bonjour", "Bonjour", Mailing.Delivery.AT_LEAST_ONCE,
                                Mailing.Status.DRAFT, n, batches.size(), 0)), batches);
                store.startSending(campaignId);

                // a sender stopped between two calls halfway, then the next invocation once its lease expired
                long start = System.nanoTime();
                new MailingSender(mailings, mailer, Clock.systemUTC(), NO_METRICS).resume(id, Duration.ofHours(1), batches.size() / 2);
                double firstSeconds = (System.nanoTime() - start) / 1e9;
                long resumeStart = System.nanoTime();
                new MailingSender(mailings, mailer, Clock.offset(Clock.systemUTC(), MailingSender.LEASE.plusSeconds(1)), NO_METRICS)
                        .resume(id, Duration.ofHours(1), Integer.MAX_VALUE);
                double secondSeconds = (System.nanoTime() - resumeStart) / 1e9;

                List<String> mailed = ses.recipients();
                Set<String> distinct = new HashSet<>(mailed);
                int sentByFirst = batches.size() / 2 * BulkMailer.MAX_BATCH;
                double expectedSeconds = n / rate;
                double measured = firstSeconds + secondSeconds;
                Mailing done = mailings.mailing(id).orElseThrow();
                String report = String.format(Locale.ROOT, """
                        ## Campaign (SES v2 bulk sending)

                        `bench/campaign --recipients %d --rate %.0f`, %s, %d cores, Java %s. Real SES v2 client \
                        against the `aws-ses-v2-local` emulator, DynamoDB Local in memory. The sender is stopped \
                        between two calls after %d of %d batches, and a second invocation resumes it once the \
                        first one's lease has expired.

                        | measure | value |
                        |---|---|
                        | SES SendBulkEmail calls | %d (ceil(N/50) = %d) |
                        | mails received by the emulator / distinct recipients | %d / %d |
                        | **duplicates / missed** after the stop and resume | **%d / %d** |
                        | campaign status and counters | %s, sent %d, failed %d |
                        | time sending (both invocations) | %.1f s for %.1f s at the configured rate |
                        | **pacing error** (measured ÷ expected − 1) | **%+.1f %%** |
                        """, n, rate, LocalDate.now(), Runtime.getRuntime().availableProcessors(),
                        System.getProperty("java.version"), batches.size() / 2, batches.size(), counting.bulkCalls(),
                        (n + 49) / 50, mailed.size(), distinct.size(), mailed.size() - distinct.size(), n - distinct.size(),
                        done.status(), done.sent(), done.failed(), measured, expectedSeconds,
                        (measured / expectedSeconds - 1) * 100);
                System.out.println("first invocation sent " + sentByFirst + " in " + firstSeconds + " s");
                System.out.println(report);
                BenchmarksFile.writeSection("campaign", report);
            }
        }
        System.exit(0);
    }
}
