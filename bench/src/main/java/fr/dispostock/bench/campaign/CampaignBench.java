package fr.dispostock.bench.campaign;

import fr.dispostock.bench.BenchmarksFile;
import fr.dispostock.campaigns.CampaignSender;
import fr.dispostock.domain.mail.BulkMailer;
import fr.dispostock.domain.mail.Campaign;
import fr.dispostock.domain.mail.CampaignStore;
import fr.dispostock.embedded.EmbeddedDynamoDb;
import fr.dispostock.embedded.SesEmulator;
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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A campaign of 20,000 recipients through the real SES v2 client to the SES emulator: number of
 * SES calls against ceil(N/50), pacing against the configured send rate, and a sender stopped
 * midway then resumed: duplicates and misses. Writes its section of BENCHMARKS.md.
 *
 * <p>Usage: bench/campaign [--recipients 20000] [--rate 500]
 */
public final class CampaignBench {
    public static void main(String[] args) throws Exception {
        Map<String, String> o = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i], args[i + 1]);
        }
        int n = Integer.parseInt(o.getOrDefault("--recipients", "20000"));
        double rate = Double.parseDouble(o.getOrDefault("--rate", "500"));
        try (EmbeddedDynamoDb dynamoDb = EmbeddedDynamoDb.startInMemory(); SesEmulator ses = SesEmulator.start()) {
            dynamoDb.createTablesFromTemplate();
            try (ApplicationContext context = ApplicationContext.builder().properties(Map.of(
                    "dispostock.dynamodb.endpoint", dynamoDb.endpoint().toString(),
                    "dispostock.ses.endpoint", ses.endpoint().toString(),
                    "dispostock.ses.max-send-rate", Double.toString(rate),
                    "dispostock.mail.enabled", "true",
                    "dispostock.mail.from", "Dispostock <no-reply@dispostock.invalid>")).start()) {
                CampaignStore store = context.getBean(CampaignStore.class);
                BulkMailer ses1 = context.getBean(BulkMailer.class);
                AtomicInteger calls = new AtomicInteger();
                BulkMailer counted = new BulkMailer() {
                    @Override
                    public void defineTemplate(String name, String subject, String text, String html) {
                        ses1.defineTemplate(name, subject, text, html);
                    }

                    @Override
                    public int sendBulk(String template, List<String> recipients, Map<String, String> tags) {
                        calls.incrementAndGet();
                        return ses1.sendBulk(template, recipients, tags);
                    }

                    @Override
                    public double maxSendRate() {
                        return ses1.maxSendRate();
                    }
                };
                List<List<String>> batches = new ArrayList<>();
                for (int from = 0; from < n; from += BulkMailer.MAX_BATCH) {
                    List<String> batch = new ArrayList<>();
                    for (int i = from; i < Math.min(n, from + BulkMailer.MAX_BATCH); i++) {
                        batch.add(String.format("pui-%06d@dispostock.invalid", i));
                    }
                    batches.add(batch);
                }
                String id = "bench-" + System.currentTimeMillis();
                store.create(new Campaign(id, "Bench", "Bonjour", null, new Campaign.Audience("ALL", null, null),
                        Campaign.Status.DRAFT, n, batches.size(), 0, 0, 0, 0, 0, "bench", Instant.now()), batches);
                store.startSending(id);

                // a sender stopped between two calls halfway, then the next invocation once its lease expired
                long start = System.nanoTime();
                new CampaignSender(store, counted, Clock.systemUTC()).resume(id, Duration.ofHours(1), batches.size() / 2);
                double firstSeconds = (System.nanoTime() - start) / 1e9;
                long resumeStart = System.nanoTime();
                new CampaignSender(store, counted, Clock.offset(Clock.systemUTC(), CampaignSender.LEASE.plusSeconds(1)))
                        .resume(id, Duration.ofHours(1), Integer.MAX_VALUE);
                double secondSeconds = (System.nanoTime() - resumeStart) / 1e9;

                List<String> mailed = ses.recipients();
                Set<String> distinct = new HashSet<>(mailed);
                int sentByFirst = batches.size() / 2 * BulkMailer.MAX_BATCH;
                double expectedSeconds = n / rate;
                double measured = firstSeconds + secondSeconds;
                Campaign done = store.campaign(id).orElseThrow();
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
                        System.getProperty("java.version"), batches.size() / 2, batches.size(), calls.get(),
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
