package fr.dispostock.bench;

import fr.dispostock.domain.BusinessMetric;
import fr.dispostock.campaigns.MailingSender;
import fr.dispostock.domain.Dates;
import fr.dispostock.domain.Finess;
import fr.dispostock.domain.Role;
import fr.dispostock.domain.mail.BulkMailer;
import fr.dispostock.domain.mail.Mailing;
import fr.dispostock.domain.mail.MailingStore;
import fr.dispostock.domain.mail.Recipient;
import fr.dispostock.domain.mail.ReminderKind;
import fr.dispostock.domain.register.Account;
import fr.dispostock.domain.register.AccountStore;
import fr.dispostock.domain.register.Pui;
import fr.dispostock.domain.register.RegisterStore;
import fr.dispostock.embedded.TableDefinitions;
import fr.dispostock.embedded.EmbeddedDynamoDb;
import fr.dispostock.embedded.SesEmulator;
import fr.dispostock.embedded.ThrottlingSes;
import fr.dispostock.reminders.ReminderService;
import io.micronaut.context.ApplicationContext;

import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Monday 08:00 reminder for the whole of France: every PUI (real FINESS sites, those with a
 * hospital pharmacy first) has declared nothing, and each establishment has pharmacist accounts. The
 * reminders service fixes the run (its recipients and what each mail says), then the mailing sender
 * sends it through the real SES v2 client to the SES emulator, whose account ({@code GetAccount})
 * says the production rate; the sender is stopped between two calls halfway and a second one
 * resumes once the first one's lease has expired. Writes its section of BENCHMARKS.md.
 *
 * <p>Usage: bench/monday-reminders [--puis 2300] [--pharmacists 2] [--items 40] [--rate 14]
 */
public final class MondayReminders {
    /** The benchmark measures the sending, not the business counts. */
    private static final BusinessMetric.Counter NO_METRICS = (metric, count) -> {
    };
    public static void main(String[] args) throws Exception {
        Map<String, String> opts = MondayPeak.options(args);
        int puiCount = Integer.parseInt(opts.getOrDefault("--puis", "2300"));
        int pharmacistsEach = Integer.parseInt(opts.getOrDefault("--pharmacists", "2"));
        int itemCount = Integer.parseInt(opts.getOrDefault("--items", "40"));
        double rate = Double.parseDouble(opts.getOrDefault("--rate", "14"));
        Path shared = Path.of(System.getProperty("dispostock.root", ".")).toAbsolutePath().resolveSibling("shared")
                .resolve("data");
        try (EmbeddedDynamoDb dynamoDb = EmbeddedDynamoDb.startInMemory(); SesEmulator ses = SesEmulator.withMaxSendRate(rate);
             ThrottlingSes counting = new ThrottlingSes(ses, 0, 429, "ThrottlingException")) {
            dynamoDb.createTablesFromTemplate();
            // SES through a stub that refuses nothing: it counts the SendBulkEmail calls
            try (ApplicationContext context = ApplicationContext.builder().properties(TableDefinitions.everyTable()).properties(Map.of(
                    "dispostock.dynamodb.endpoint", dynamoDb.endpoint().toString(),
                    "dispostock.ses.endpoint", counting.endpoint().toString(),
                    "dispostock.mail.enabled", "true",
                    "dispostock.mail.from", "Dispostock <no-reply@dispostock.invalid>")).start()) {
                RegisterStore registers = context.getBean(RegisterStore.class);
                long t0 = System.nanoTime();
                List<Pui> puis = MondayPeak.registerPuis(registers, shared, puiCount);
                List<String> items = MondayPeak.registerItems(registers, shared, itemCount);
                Set<Finess> establishments = new LinkedHashSet<>();
                puis.forEach(p -> establishments.add(p.finessEj()));
                List<Account> pharmacists = new ArrayList<>();
                for (Finess ej : establishments) {
                    for (int i = 0; i < pharmacistsEach; i++) {
                        pharmacists.add(new Account("ph-" + ej + "-" + i, "pharmacien-" + i + "@" + ej + ".dispostock.invalid",
                                Set.of(Role.PHARMACIST), Set.of(ej), null));
                    }
                }
                context.getBean(AccountStore.class).importAll(pharmacists);
                System.out.printf("registers: %d PUIs of %d establishments, %d pharmacists, %d items in %.0f s%n",
                        puis.size(), establishments.size(), pharmacists.size(), items.size(), (System.nanoTime() - t0) / 1e9);

                // the schedule fires at 08:00 in Paris on the next Monday, then is delivered a second time
                LocalDate monday = LocalDate.now(Dates.PARIS).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
                Instant scheduled = ZonedDateTime.of(monday, LocalTime.of(8, 0), Dates.PARIS).toInstant();
                ReminderService reminders = context.getBean(ReminderService.class);
                long prepareStart = System.nanoTime();
                ReminderService.Outcome run = reminders.run(ReminderKind.WEEKLY_DECLARATION, scheduled);
                double prepareSeconds = (System.nanoTime() - prepareStart) / 1e9;
                ReminderService.Outcome duplicate = reminders.run(ReminderKind.WEEKLY_DECLARATION, scheduled);
                Mailing mailing = run.run().mailing();
                int n = mailing.recipients();
                int batches = mailing.batches();
                MailingStore store = context.getBean(MailingStore.class);
                Set<String> expected = new HashSet<>();
                for (int b = 0; b < batches; b++) {
                    store.batch(mailing.id(), b).stream().map(Recipient::email).forEach(expected::add);
                }
                System.out.printf("run fixed in %.1f s: %d recipients in %d batches; sending at %.0f/s…%n",
                        prepareSeconds, n, batches, rate);

                // a sender stopped between two calls halfway, then the next invocation once its lease expired
                BulkMailer mailer = context.getBean(BulkMailer.class);
                long start = System.nanoTime();
                new MailingSender(store, mailer, Clock.systemUTC(), NO_METRICS).resume(mailing.id(), Duration.ofHours(1), batches / 2);
                double firstSeconds = (System.nanoTime() - start) / 1e9;
                int sentByFirst = ses.recipients().size();
                long resumeStart = System.nanoTime();
                new MailingSender(store, mailer, Clock.offset(Clock.systemUTC(), MailingSender.LEASE.plusSeconds(1)), NO_METRICS)
                        .resume(mailing.id(), Duration.ofHours(1), Integer.MAX_VALUE);
                double secondSeconds = (System.nanoTime() - resumeStart) / 1e9;

                List<String> mailed = ses.recipients();
                Set<String> distinct = new HashSet<>(mailed);
                Set<String> missed = new HashSet<>(expected);
                missed.removeAll(distinct);
                Set<String> strangers = new HashSet<>(distinct);
                strangers.removeAll(expected);
                int puisMissing = puis.size(); // nobody has declared: every PUI is due
                double expectedSeconds = n / rate;
                double measured = firstSeconds + secondSeconds;
                Mailing done = store.mailing(mailing.id()).orElseThrow();
                String report = String.format(Locale.ROOT, """
                        ## Monday 08:00 reminders for the whole of France

                        `bench/monday-reminders --puis %d --pharmacists %d --items %d --rate %.0f`, %s, %d cores, \
                        Java %s. %d real FINESS sites as PUIs (those of the SAE hospital-pharmacy return first), \
                        none of which has declared; %d establishments with %d pharmacist accounts each; %d national \
                        items. The reminders service fixes the run (DynamoDB Local in memory), the schedule is \
                        delivered a second time, then the mailing sender sends it through the real SES v2 client to \
                        the `aws-ses-v2-local` emulator, whose account (`GetAccount`) says %.0f mails/s. The sender \
                        is stopped between two calls after %d of %d batches, and a second one resumes once the first \
                        one's lease has expired.

                        | measure | value |
                        |---|---|
                        | recipients (PUIs due: %d, and their pharmacists, each address once) | %d |
                        | run fixed (reads, recipients and batches written) | %.1f s |
                        | second delivery of the schedule | duplicate: %s, nothing sent |
                        | SES SendBulkEmail calls | %d (target ceil(N/50) = %d) |
                        | mails received by the emulator / distinct recipients | %d / %d |
                        | **duplicates / missed / not in the run** after the stop and resume | **%d / %d / %d** |
                        | run status and counters | %s, sent %d, failed %d |
                        | time sending (both senders) | %.1f s for %.1f s at the account's rate |
                        | **pacing error** (measured ÷ expected − 1) | **%+.1f %%** |
                        """, puiCount, pharmacistsEach, itemCount, rate, LocalDate.now(), Runtime.getRuntime().availableProcessors(),
                        System.getProperty("java.version"), puis.size(), establishments.size(), pharmacistsEach, items.size(),
                        rate, batches / 2, batches, puisMissing, n, prepareSeconds, duplicate.duplicate(), counting.bulkCalls(),
                        (n + 49) / 50, mailed.size(), distinct.size(), mailed.size() - distinct.size(), missed.size(),
                        strangers.size(), done.status(), done.sent(), done.failed(), measured, expectedSeconds,
                        (measured / expectedSeconds - 1) * 100);
                System.out.println("first sender mailed " + sentByFirst + " in " + firstSeconds + " s");
                System.out.println(report);
                BenchmarksFile.writeSection("monday-reminders", report);
            }
        }
        System.exit(0);
    }
}
