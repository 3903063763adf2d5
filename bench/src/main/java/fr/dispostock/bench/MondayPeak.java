package fr.dispostock.bench;

import fr.dispostock.domain.Csv;
import fr.dispostock.domain.Dates;
import fr.dispostock.domain.HistoryPage;
import fr.dispostock.domain.IsoWeek;
import fr.dispostock.domain.Region;
import fr.dispostock.domain.Ucd;
import fr.dispostock.domain.declaration.Declaration;
import fr.dispostock.domain.declaration.DeclarationStore;
import fr.dispostock.domain.declaration.Line;
import fr.dispostock.domain.declaration.Revision;
import fr.dispostock.domain.register.Medicine;
import fr.dispostock.domain.register.Pui;
import fr.dispostock.domain.register.RegisterStore;
import fr.dispostock.embedded.LocalTokens;
import fr.dispostock.embedded.RegisterFixtures;
import fr.dispostock.embedded.Workbooks;
import fr.dispostock.embedded.WriteCost;
import fr.dispostock.local.LocalPlatform;
import fr.dispostock.platform.declaration.DeclarationItems;
import fr.dispostock.platform.dynamo.RevisionWriter;
import fr.dispostock.platform.fhir.Fhir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Monday at the peak: every PUI of France (2,300, real FINESS sites, those of the SAE hospital
 * pharmacy return first) declares 40 lines over HTTP to the local platform, many clients at once;
 * then every PUI corrects its week {@code --corrections} times (hospital software re-sending its
 * figures). It checks that every declaration and every correction is stored exactly once (the
 * current figures are the last ones, the history holds every earlier one, in order), measures in
 * the same run the ceiling of raw writes of the same items as the app writes them (the same
 * DynamoDB operations on the same DynamoDB Local, without HTTP, token or registers reads), reports
 * the write cost of a declaration and of a correction against the least their bytes can cost, and
 * times the authorities' reads of the resulting week. With {@code --formats thirds}, the week before
 * is declared and corrected the same way with a third of the PUIs sending FHIR R5 InventoryReports (as
 * hospital software, client-credentials tokens), a third the xlsx template filled, a third JSON, and
 * checked exactly once too: its throughput against the JSON-only week's of the same run. Writes its
 * section of BENCHMARKS.md.
 *
 * <p>Usage: bench/monday-peak [--puis 2300] [--lines 40] [--clients 32] [--corrections 20] [--formats thirds]
 */
public final class MondayPeak {
    private static final String TABLE = "DeclarationsTable";

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        int puiCount = Integer.parseInt(opts.getOrDefault("--puis", "2300"));
        int lineCount = Integer.parseInt(opts.getOrDefault("--lines", "40"));
        int clients = Integer.parseInt(opts.getOrDefault("--clients", "32"));
        int corrections = Integer.parseInt(opts.getOrDefault("--corrections", "20"));
        boolean thirds = "thirds".equals(opts.get("--formats"));
        String loadBefore = loadAverage();
        Path shared = Path.of(System.getProperty("dispostock.root", ".")).toAbsolutePath().resolveSibling("shared")
                .resolve("data");
        Path dataDir = Files.createTempDirectory("monday-peak");
        try (LocalPlatform platform = LocalPlatform.start(0, dataDir, false)) {
            RegisterStore registers = platform.context().getBean(RegisterStore.class);
            LocalTokens tokens = platform.context().getBean(LocalTokens.class);
            long t0 = System.nanoTime();
            List<Pui> puis = registerPuis(registers, shared, puiCount);
            List<String> items = registerItems(registers, shared, lineCount);
            System.out.printf("registers: %d PUIs, %d items in %.1f s%n", puis.size(), items.size(), secs(t0));

            IsoWeek week = IsoWeek.of(LocalDate.now(Dates.PARIS));
            Figures figures = new Figures(puis.size(), items, new Random(48));
            List<String> bearer = new ArrayList<>();
            List<String> software = new ArrayList<>();
            for (Pui pui : puis) {
                bearer.add("Bearer " + tokens.token("ph-" + pui.finessEt(), null, List.of("PHARMACIST"),
                        List.of(pui.finessEj().value()), null));
                software.add("Bearer " + tokens.clientToken("logiciel-" + pui.finessEt(), List.of(pui.finessEj().value()),
                        Instant.now().plus(Duration.ofHours(6))));
            }
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            Sender sender = new Sender(http, "http://127.0.0.1:" + platform.port(), puis, figures, bearer, software);
            String base = sender.base();
            DeclarationStore store = platform.context().getBean(DeclarationStore.class);
            RevisionWriter writer = platform.context().getBean(RevisionWriter.class);
            IntFunction<Format> jsonOnly = i -> Format.JSON;
            IntFunction<Format> formatOf = thirds ? i -> Format.values()[i % 3] : jsonOnly;

            // unmeasured: every PUI declares a week before (in JSON, and in its format), so that the request
            // paths are compiled (JIT) when measured
            int n = puis.size();
            Load warmUp = new Load();
            sender.declare(warmUp, clients, week.minusWeeks(thirds ? 3 : 1), jsonOnly, 0, 0, 0, n);
            if (thirds) {
                sender.declare(warmUp, clients, week.minusWeeks(2), formatOf, 0, 0, 0, n);
            }

            // the peak: every PUI declares once, `clients` at a time, over HTTP; then every PUI corrects its
            // week `corrections` times, one after the other (the re-sends). With thirds, the week before is
            // declared and corrected in the PUIs' formats between the two halves of each (JSON, thirds,
            // thirds, JSON), so that the machine's drift during the run weighs on both alike.
            IsoWeek mixedWeek = week.previous();
            Load declarations = new Load();
            Load mixed = new Load();
            WriteCost declarationCost = sender.declare(declarations, clients, week, jsonOnly, 0, 0, 0, thirds ? n / 2 : n);
            if (thirds) {
                sender.declare(mixed, clients, mixedWeek, formatOf, 0, 0, 0, n / 2);
                sender.declare(mixed, clients, mixedWeek, formatOf, 0, 0, n / 2, n);
                declarationCost = declarationCost.plus(sender.declare(declarations, clients, week, jsonOnly, 0, 0, n / 2, n));
            }
            Load resent = new Load();
            Load mixedResent = new Load();
            int half = thirds ? corrections / 2 : corrections;
            WriteCost correctionCost = sender.declare(resent, clients, week, jsonOnly, 1, half, 0, n);
            if (thirds) {
                sender.declare(mixedResent, clients, mixedWeek, formatOf, 1, half, 0, n);
                sender.declare(mixedResent, clients, mixedWeek, formatOf, half + 1, corrections, 0, n);
                correctionCost = correctionCost.plus(sender.declare(resent, clients, week, jsonOnly, half + 1,
                        corrections, 0, n));
            }

            // exactly once: each week holds the last figures, and its history every earlier one, newest first
            ExactlyOnce once = ExactlyOnce.check(store, puis, week, figures, corrections);
            long lost = once.lost() + once.extra();
            long missingPuis = once.missingPuis();
            Formats formats = thirds ? new Formats(mixedWeek, mixed, mixedResent, ExactlyOnce.check(store, puis,
                    mixedWeek, figures, corrections)) : null;

            // the ceiling: the same items written as the app writes them, straight to DynamoDB Local
            Load rawDeclarations = new Load();
            run(clients, puis.size(), i -> rawDeclarations.timed(() -> writer.write(TABLE,
                    raw(DeclarationItems.itemOf(figures.declaration(i, puis.get(i), week, 0))), null, 0, x -> List.of())));
            Load rawCorrections = new Load();
            run(clients, puis.size(), i -> {
                for (int round = 1; round <= corrections; round++) {
                    Declaration previous = figures.declaration(i, puis.get(i), week, round - 1);
                    Declaration next = figures.declaration(i, puis.get(i), week, round);
                    rawCorrections.timed(() -> writer.write(TABLE, raw(DeclarationItems.itemOf(next)),
                            raw(DeclarationItems.revisionItemOf(week, previous.finessEt(), previous.revision(),
                                    previous.current())), previous.revision(), x -> List.of()));
                }
            });

            // the authorities' reads of that Monday
            String national = "Bearer " + tokens.token("dgs", null, List.of("NATIONAL"), List.of(), null);
            Region biggest = Region.all().stream().max((a, b) -> Long.compare(
                    puis.stream().filter(p -> p.region().equals(a)).count(),
                    puis.stream().filter(p -> p.region().equals(b)).count())).orElseThrow();
            long biggestCount = puis.stream().filter(p -> p.region().equals(biggest)).count();
            Map<String, String> reads = new LinkedHashMap<>();
            reads.put("completeness, region " + biggest.code() + " (" + biggestCount + " PUIs)",
                    "/v1/declarations/completeness?week=" + week + "&region=" + biggest.code());
            reads.put("completeness, France (" + puis.size() + " PUIs)", "/v1/declarations/completeness?week=" + week);
            reads.put("overview by PUI, region " + biggest.code() + ", with 8-week trend",
                    "/v1/stock/overview?itemId=" + items.get(0) + "&week=" + week + "&region=" + biggest.code());
            reads.put("overview by region, France, with 8-week trend",
                    "/v1/stock/overview?itemId=" + items.get(0) + "&week=" + week);
            Map<String, String> readTimes = new LinkedHashMap<>();
            for (Map.Entry<String, String> read : reads.entrySet()) {
                long[] ms = new long[5];
                for (int i = 0; i < ms.length; i++) {
                    long s = System.nanoTime();
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + read.getValue()))
                            .header("Authorization", national).build(), HttpResponse.BodyHandlers.ofString());
                    ms[i] = (System.nanoTime() - s) / 1_000_000;
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException(read.getValue() + " -> " + r.statusCode() + " " + r.body());
                    }
                }
                Arrays.sort(ms);
                readTimes.put(read.getKey(), ms[2] + " ms (min " + ms[0] + ", max " + ms[4] + ")");
            }

            long correctionCount = (long) puis.size() * corrections;
            String report = String.format(Locale.ROOT, """
                    ## Monday peak (weekly declarations)

                    `bench/monday-peak --puis %d --lines %d --clients %d --corrections %d%s`, %s, %d cores, %s, \
                    load average (1, 5, 15 min) %s at the start, %s at the end. The \
                    local platform (one JVM: Netty, the functions, DynamoDB Local on disk) is loaded over HTTP; the \
                    load generator runs in the same JVM. The ceiling writes the same items as the app, with the same \
                    DynamoDB operation (a conditional PutItem for a declaration, a transaction of the new figures and \
                    the revision they replace for a correction), from the same number of clients, without HTTP, \
                    token or registers reads. Before measuring, every PUI declares an earlier week (unmeasured), \
                    so that the request path is compiled. "app ÷ raw ceiling" is the share of the DynamoDB write rate the \
                    whole request path keeps (before issue 16 the ceiling wrote one item per line, which the app \
                    never does, and its 0.7 target compared unlike things).

                    | measure | declarations | corrections |
                    |---|---|---|
                    | writes (PUIs × times) | %d × 1 = %d | %d × %d = %d |
                    | failures: HTTP (raw ceiling) | %d (%d) | %d (%d) |
                    | **lost** (figures not stored exactly once, PUIs missing) | **%d**, %d PUIs missing | (counted with declarations) |
                    | app throughput | %.0f /s (%.1f s) | %.0f /s (%.1f s) |
                    | latency p50 / p95 / p99 / max | %s / %s / %s / %s ms | %s / %s / %s / %s ms |
                    | raw ceiling, same items, same operations | %.0f /s (%.1f s) | %.0f /s (%.1f s) |
                    | **app ÷ raw ceiling** | **%.2f** | **%.2f** |
                    | write capacity consumed per write (DynamoDB Local's count) | %.2f WCU for %d bytes | %.2f WCU for %d bytes (two items) |
                    | **consumed ÷ minimum for the bytes written** (target ≤ 1.1) | **%.2f** (1 WCU per started KB) | **%.2f** (2 WCU per started KB of each item, as transactions are billed) |
                    | the same bytes as plain PutItems would cost | %d WCU | %.2f WCU per correction: atomicity doubles it |

                    Reads of that week after the corrections (median of 5, over HTTP):

                    | read | time |
                    |---|---|
                    %s
                    %s""",
                    puis.size(), items.size(), clients, corrections, thirds ? " --formats thirds" : "",
                    OffsetDateTime.now().toLocalDate(),
                    Runtime.getRuntime().availableProcessors(), "Java " + System.getProperty("java.version"),
                    loadBefore, loadAverage(),
                    puis.size(), puis.size(), puis.size(), corrections, correctionCount,
                    declarations.failures.get(), rawDeclarations.failures.get(), resent.failures.get(),
                    rawCorrections.failures.get(), lost, missingPuis,
                    puis.size() / declarations.seconds(), declarations.seconds(),
                    correctionCount / resent.seconds(), resent.seconds(),
                    declarations.percentile(50), declarations.percentile(95), declarations.percentile(99),
                    declarations.percentile(100), resent.percentile(50), resent.percentile(95), resent.percentile(99),
                    resent.percentile(100),
                    puis.size() / rawDeclarations.seconds(), rawDeclarations.seconds(),
                    correctionCount / rawCorrections.seconds(), rawCorrections.seconds(),
                    rawDeclarations.seconds() / declarations.seconds(), rawCorrections.seconds() / resent.seconds(),
                    perWrite(declarationCost.capacityUnits(), declarationCost), declarationCost.bytes() / Math.max(1, declarationCost.writes()),
                    perWrite(correctionCost.capacityUnits(), correctionCost), correctionCost.bytes() / Math.max(1, correctionCost.writes()),
                    declarationCost.capacityUnits() / Math.max(1, declarationCost.minimumCapacityUnits()),
                    correctionCost.capacityUnits() / Math.max(1, correctionCost.minimumCapacityUnits()),
                    declarationCost.minimumCapacityUnits() / Math.max(1, declarationCost.writes()),
                    perWrite(correctionCost.minimumCapacityUnits() / 2.0, correctionCost),
                    String.join("\n", readTimes.entrySet().stream().map(e -> "| " + e.getKey() + " | " + e.getValue() + " |").toList()),
                    formats == null ? "" : formats.report(week, once, puis.size(), correctionCount, declarations, resent));
            System.out.println(report);
            BenchmarksFile.writeSection("monday-peak", report);
            if (warmUp.failures.get() + declarations.failures.get() + resent.failures.get() + rawDeclarations.failures.get()
                    + rawCorrections.failures.get() > 0 || lost != 0 || formats != null && !formats.exactlyOnce()) {
                System.err.println("NOT EXACTLY ONCE: see above");
                System.exit(1);
            }
        }
        System.exit(0);
    }

    private static double perWrite(double units, WriteCost cost) {
        return units / Math.max(1, cost.writes());
    }

    /** An item of the app moved to partitions of its own, for the ceiling (RAW#…: the same bytes, give or take 4). */
    private static Map<String, AttributeValue> raw(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> copy = new HashMap<>(item);
        copy.put("pk", AttributeValue.fromS("RAW#" + item.get("pk").s()));
        return copy;
    }

    /**
     * Each PUI's figures: round 0 is its declaration, round r its r-th correction; a line's stock is
     * its base plus the round, so that the stored figures tell which round they are.
     */
    private record Figures(int[][] stock, String[][] cmj, List<String> items) {
        Figures(int puis, List<String> items, Random random) {
            this(new int[puis][items.size()], new String[puis][items.size()], items);
            for (int p = 0; p < puis; p++) {
                for (int i = 0; i < items.size(); i++) {
                    stock[p][i] = random.nextInt(5) == 0 ? 0 : random.nextInt(2000);
                    cmj[p][i] = Double.toString(random.nextInt(400) / 10.0);
                }
            }
        }

        String json(int pui, int round) {
            StringBuilder b = new StringBuilder("{\"lines\":[");
            for (int i = 0; i < items.size(); i++) {
                b.append(i == 0 ? "" : ",").append("{\"itemId\":\"").append(items.get(i)).append("\",\"stock\":")
                        .append(stock[pui][i] + round).append(",\"averageDailyConsumption\":").append(cmj[pui][i]).append('}');
            }
            return b.append("]}").toString();
        }

        /**
         * The same figures as an R5 InventoryReport, each item by its UCD code (items are {@code ucd-<code>}),
         * counted a minute ago.
         */
        String fhir(int pui, int round) {
            StringBuilder b = new StringBuilder("{\"resourceType\":\"InventoryReport\",\"status\":\"active\","
                    + "\"countType\":\"snapshot\",\"reportedDateTime\":\"")
                    .append(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                            OffsetDateTime.now().minusMinutes(1).truncatedTo(ChronoUnit.SECONDS))).append("\",\"inventoryListing\":[");
            for (int i = 0; i < items.size(); i++) {
                b.append(i == 0 ? "" : ",").append("{\"item\":[{\"extension\":[{\"url\":\"").append(Fhir.CONSUMPTION_EXTENSION)
                        .append("\",\"valueDecimal\":").append(cmj[pui][i]).append("}],\"quantity\":{\"value\":")
                        .append(stock[pui][i] + round).append("},\"item\":{\"concept\":{\"coding\":[{\"system\":\"")
                        .append(Fhir.UCD_SYSTEM).append("\",\"code\":\"").append(items.get(i).substring("ucd-".length()))
                        .append("\"}]}}}]}");
            }
            return b.append("]}").toString();
        }

        /** The week's template filled with the figures, as a pharmacist fills it. */
        byte[] xlsx(int pui, int round, byte[] template) {
            Map<String, List<Object>> byItem = new HashMap<>();
            for (int i = 0; i < items.size(); i++) {
                byItem.put(items.get(i), List.of(stock[pui][i] + round, new BigDecimal(cmj[pui][i])));
            }
            return Workbooks.filled(template, byItem);
        }

        /** The round a PUI's stored figures come from, or -1 when they are none of its rounds. */
        int round(int pui, Revision r) {
            if (r.lines().size() != items.size()) {
                return -1;
            }
            long shift = r.lines().get(0).stock() - stock[pui][items.indexOf(r.lines().get(0).itemId())];
            return r.lines().stream().allMatch(l -> l.stock() - stock[pui][items.indexOf(l.itemId())] == shift
                    && l.averageDailyConsumption().compareTo(new BigDecimal(cmj[pui][items.indexOf(l.itemId())])) == 0)
                    ? (int) shift : -1;
        }

        /** The declaration as the app stores it after the given round (for the raw ceiling). */
        Declaration declaration(int pui, Pui p, IsoWeek week, int round) {
            List<Line> lines = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                lines.add(new Line(items.get(i), stock[pui][i] + round, new BigDecimal(cmj[pui][i]).stripTrailingZeros()));
            }
            lines.sort(Comparator.comparing(Line::itemId));
            return new Declaration(p.finessEt(), p.finessEj(), p.region(), p.departement(), week,
                    new Revision(Instant.now(), "ph-" + p.finessEt(), false, lines), round, false);
        }
    }

    /** The requests or writes of one phase: failures, latencies, and the time from its start to its last answer. */
    private static final class Load {
        final AtomicInteger failures = new AtomicInteger();
        private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        private final Map<Format, ConcurrentLinkedQueue<Long>> byFormat = new EnumMap<>(Format.class);
        private long start = System.nanoTime();
        private final AtomicLong end = new AtomicLong(start);
        private long earlierSpans;

        Load() {
            for (Format f : Format.values()) {
                byFormat.put(f, new ConcurrentLinkedQueue<>());
            }
        }

        void put(HttpClient http, String url, String bearer, Format format, byte[] body) {
            long micros = timed(() -> {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url))
                            .header("Authorization", bearer).header("Content-Type", format.mediaType)
                            .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
                    return r.statusCode() == 200 || fail(format + " " + r.statusCode() + " " + r.body());
                } catch (IOException | InterruptedException e) {
                    return fail(e.toString());
                }
            });
            byFormat.get(format).add(micros);
        }

        /** Times one write (its latency in µs); a write that answers false or empty failed. */
        long timed(Supplier<Object> write) {
            long s = System.nanoTime();
            Object done = write.get();
            if (Boolean.FALSE.equals(done) || Optional.empty().equals(done)) {
                failures.incrementAndGet();
            }
            long now = System.nanoTime();
            long micros = (now - s) / 1000;
            latencies.add(micros);
            end.accumulateAndGet(now, Math::max);
            return micros;
        }

        private static boolean fail(String why) {
            System.err.println(why);
            return false;
        }

        /** Starts another span of the phase (after another phase ran): the time between does not count. */
        void resume() {
            earlierSpans += end.get() - start;
            start = System.nanoTime();
            end.set(start);
        }

        /** The phase's spans, each from its start to its last answer. */
        double seconds() {
            return (earlierSpans + end.get() - start) / 1e9;
        }

        String percentile(double p) {
            return BenchmarksFile.percentile(latencies.stream().mapToLong(Long::longValue).sorted().toArray(), p);
        }

        String percentile(Format format, double p) {
            return BenchmarksFile.percentile(byFormat.get(format).stream().mapToLong(Long::longValue).sorted().toArray(), p);
        }
    }

    /** How a PUI declares: JSON (a person or software), FHIR R5 (hospital software), the xlsx template (a person). */
    enum Format {
        JSON("application/json"), FHIR(Fhir.MEDIA_TYPE),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }
    }

    /**
     * The PUIs' requests: each PUI's figures of a round in its format, made before a phase starts (an xlsx
     * is the week's template downloaded then filled, as a pharmacist does), then sent {@code clients} at a time.
     */
    private record Sender(HttpClient http, String base, List<Pui> puis, Figures figures, List<String> bearer,
                          List<String> software) {
        /**
         * Rounds {@code from} to {@code to} of PUIs {@code first} to {@code last} (excluded), one round after
         * the other, each PUI in its format, timed as a span of {@code load}; answers what the span wrote.
         */
        WriteCost declare(Load load, int clients, IsoWeek week, IntFunction<Format> formatOf, int from, int to,
                          int first, int last) throws InterruptedException {
            List<List<byte[]>> bodies = new ArrayList<>(java.util.Collections.nCopies(puis.size(), List.of()));
            for (int i = first; i < last; i++) {
                List<byte[]> rounds = new ArrayList<>();
                byte[] template = formatOf.apply(i) == Format.XLSX ? template(i, week) : null;
                for (int round = from; round <= to; round++) {
                    rounds.add(switch (formatOf.apply(i)) {
                        case JSON -> figures.json(i, round).getBytes(StandardCharsets.UTF_8);
                        case FHIR -> figures.fhir(i, round).getBytes(StandardCharsets.UTF_8);
                        case XLSX -> figures.xlsx(i, round, template);
                    });
                }
                bodies.set(i, rounds);
            }
            WriteCost before = DeclarationsWriteCost.total();
            load.resume();
            run(clients, last - first, k -> {
                int i = first + k;
                Format format = formatOf.apply(i);
                String url = base + "/v1/puis/" + puis.get(i).finessEt() + "/declarations/" + week
                        + (format == Format.XLSX ? "/spreadsheet" : "");
                bodies.get(i).forEach(body -> load.put(http, url, format == Format.FHIR ? software.get(i) : bearer.get(i),
                        format, body));
            });
            return DeclarationsWriteCost.total().minus(before);
        }

        private byte[] template(int i, IsoWeek week) {
            try {
                HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/puis/"
                                + puis.get(i).finessEt() + "/declarations/" + week + "/spreadsheet"))
                        .header("Authorization", bearer.get(i)).build(), HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("template of " + puis.get(i).finessEt() + ": " + r.statusCode());
                }
                return r.body();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * A week read back: each PUI's current figures and history must hold each round once. {@code lost}:
     * rounds not found; {@code extra}: revisions found twice or of no round; {@code missingPuis}: no week at all.
     */
    private record ExactlyOnce(long lost, long extra, long missingPuis) {
        static ExactlyOnce check(DeclarationStore store, List<Pui> puis, IsoWeek week, Figures figures, int corrections) {
            long lost = 0;
            long extra = 0;
            long missingPuis = 0;
            for (int i = 0; i < puis.size(); i++) {
                Pui p = puis.get(i);
                int index = i;
                Optional<Declaration> d = store.find(p.region(), week, p.finessEt());
                if (d.isEmpty()) {
                    missingPuis++;
                    lost += corrections + 1;
                    continue;
                }
                List<Integer> stored = new ArrayList<>(List.of(figures.round(i, d.get().current())));
                for (OptionalInt before = OptionalInt.empty(); ; ) {
                    HistoryPage<Revision> page = store.history(p.region(), week, p.finessEt(),
                            new HistoryPage.Request(HistoryPage.MAX_LIMIT, before)).orElseThrow();
                    page.revisions().forEach(r -> stored.add(figures.round(index, r)));
                    if ((before = page.next()).isEmpty()) {
                        break;
                    }
                }
                for (int round = corrections; round >= 0; round--) {
                    lost += stored.remove((Integer) round) ? 0 : 1;
                }
                extra += stored.size(); // anything else is a revision written twice or garbled
            }
            return new ExactlyOnce(lost, extra, missingPuis);
        }
    }

    /** The week declared and corrected in thirds of formats, against the JSON-only week of the same run. */
    private record Formats(IsoWeek week, Load declarations, Load corrections, ExactlyOnce once) {
        boolean exactlyOnce() {
            return declarations.failures.get() + corrections.failures.get() == 0
                    && once.lost() + once.extra() + once.missingPuis() == 0;
        }

        String report(IsoWeek jsonWeek, ExactlyOnce jsonOnce, int puis, long correctionCount, Load jsonDeclarations,
                      Load jsonCorrections) {
            StringBuilder latencies = new StringBuilder();
            for (Format f : List.of(Format.FHIR, Format.XLSX, Format.JSON)) {
                latencies.append(String.format(Locale.ROOT, "| latency p50 / p95 / p99, %s third | | %s / %s / %s ms | "
                                + "%s / %s / %s ms |%n", f, declarations.percentile(f, 50), declarations.percentile(f, 95),
                        declarations.percentile(f, 99), corrections.percentile(f, 50), corrections.percentile(f, 95),
                        corrections.percentile(f, 99)));
            }
            double declarationRatio = jsonDeclarations.seconds() / declarations.seconds();
            double correctionRatio = jsonCorrections.seconds() / corrections.seconds();
            return String.format(Locale.ROOT, """

                    With a third of the PUIs in each format (`--formats thirds`): week %s declared and corrected as week \
                    %s above, in the same run, PUI n sending FHIR when n mod 3 = 1, xlsx when 2, JSON when 0, between \
                    the two halves of each JSON phase (declarations: the first half of the PUIs in JSON, then the \
                    formats' first half and second half, then JSON's second half; corrections: the first half of the \
                    rounds likewise), so that the machine's drift weighs on both alike; before measuring, every PUI \
                    also declares an earlier week in JSON and another in its format (unmeasured). \
                    FHIR: an R5 InventoryReport, the items coded by their UCD codes, from hospital software (a \
                    client-credentials token); xlsx: the week's template downloaded by the PUI's pharmacist (unmeasured) \
                    and filled with the figures, sent to `…/spreadsheet`. Every body is made before its phase starts. \
                    Read back as above: each round stored exactly once.

                    | measure | JSON only (week %s) | thirds: FHIR, xlsx, JSON (week %s) | thirds ÷ JSON only |
                    |---|---|---|---|
                    | HTTP failures | %d + %d | %d + %d | |
                    | **lost / duplicated** (rounds not read back / read back twice or garbled), PUIs missing | **%d / %d**, %d | **%d / %d**, %d | |
                    | declarations: throughput | %.0f /s (%.1f s) | %.0f /s (%.1f s) | **%.2f** |
                    | corrections: throughput | %.0f /s (%.1f s) | %.0f /s (%.1f s) | **%.2f** |
                    | latency p50 / p95 / p99, all | %s / %s / %s ms, %s / %s / %s ms | %s / %s / %s ms, %s / %s / %s ms | |
                    %s""",
                    week, jsonWeek, jsonWeek, week,
                    jsonDeclarations.failures.get(), jsonCorrections.failures.get(), declarations.failures.get(),
                    corrections.failures.get(),
                    jsonOnce.lost(), jsonOnce.extra(), jsonOnce.missingPuis(), once.lost(), once.extra(), once.missingPuis(),
                    puis / jsonDeclarations.seconds(), jsonDeclarations.seconds(), puis / declarations.seconds(),
                    declarations.seconds(), declarationRatio,
                    correctionCount / jsonCorrections.seconds(), jsonCorrections.seconds(),
                    correctionCount / corrections.seconds(), corrections.seconds(), correctionRatio,
                    jsonDeclarations.percentile(50), jsonDeclarations.percentile(95), jsonDeclarations.percentile(99),
                    jsonCorrections.percentile(50), jsonCorrections.percentile(95), jsonCorrections.percentile(99),
                    declarations.percentile(50), declarations.percentile(95), declarations.percentile(99),
                    corrections.percentile(50), corrections.percentile(95), corrections.percentile(99),
                    latencies.toString().replace("| latency", "| declarations, corrections: latency"));
        }
    }

    /** The machine's load average over 1, 5 and 15 minutes (/proc/loadavg), "?" where there is none. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    /** The PUIs: FINESS sites that filed the SAE hospital-pharmacy return, then other sites, up to count. */
    static List<Pui> registerPuis(RegisterStore registers, Path shared, int count) throws IOException {
        Set<String> pharmacies = new HashSet<>();
        for (Csv.Row row : csv(shared.resolve("finess/sae-2022-pharma.csv"), Charset.forName("ISO-8859-1")).rows()) {
            pharmacies.add(row.get("fi"));
        }
        List<Csv.Row> rows = new ArrayList<>(csv(shared.resolve("finess/finess-health-establishments-2021-01.csv"),
                StandardCharsets.UTF_8).rows());
        rows.sort((a, b) -> Boolean.compare(!pharmacies.contains(a.get("nofinesset")), !pharmacies.contains(b.get("nofinesset"))));
        List<Pui> puis = new ArrayList<>();
        for (Csv.Row row : rows.subList(0, Math.min(count, rows.size()))) {
            puis.add(RegisterFixtures.pui(registers, row.get("nofinesset"), row.get("nofinessej"), row.get("rs"),
                    row.get("code_departement")));
        }
        return puis;
    }

    /** National items made of the first marketed UCD codes of the CNAM file. */
    static List<String> registerItems(RegisterStore registers, Path shared, int count) throws IOException {
        List<String> ids = new ArrayList<>();
        for (String line : Files.readAllLines(shared.resolve("medicines/ucd-tot-00491.tsv"))) {
            String[] f = line.split("\t", -1);
            if (ids.size() == count || !"D".equals(f[11])) {
                continue;
            }
            String id = "ucd-" + f[0];
            registers.save(null, new Medicine(id, f[8], List.of(Ucd.parse(f[0])), List.of(),
                    new Medicine.Priority(Medicine.Level.NATIONAL, List.of()), LocalDate.parse("2026-01-05"), null, 0),
                    "bench");
            ids.add(id);
        }
        return ids;
    }

    private static Csv csv(Path file, Charset charset) throws IOException {
        return Csv.parse(Files.readString(file, charset));
    }

    private static void run(int threads, int tasks, IntConsumer task) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                for (int i = next.getAndIncrement(); i < tasks; i = next.getAndIncrement()) {
                    task.accept(i);
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(30, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the load did not finish within 30 minutes");
        }
    }

    private static double secs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i], args[i + 1]);
        }
        return o;
    }
}
