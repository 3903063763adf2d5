package fr.dispostock.local;

import fr.dispostock.domain.insight.InsightRun;
import fr.dispostock.domain.insight.InsightStore;
import fr.dispostock.domain.mail.Mail;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import fr.dispostock.embedded.ErasureChecks;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The local platform as a person uses it: over HTTP, with a token from its token route. */
class LocalPlatformTest {
    @TempDir
    static Path data;
    static LocalPlatform platform;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        platform = LocalPlatform.start(0, data);
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    record Answer(int status, Object json) {
        Map<?, ?> object() {
            return (Map<?, ?>) json;
        }

        List<?> list() {
            return (List<?>) json;
        }
    }

    static Answer call(String method, String path, String token, String json) throws IOException, InterruptedException {
        return call(method, path, token, json, Map.of());
    }

    static Answer call(String method, String path, String token, String json, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + platform.port() + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        headers.forEach(b::header);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        Object parsed = r.body().isEmpty() ? null
                : platform.context().getBean(JsonMapper.class).readValue(r.body(), Object.class);
        return new Answer(r.statusCode(), parsed);
    }

    static String token(String request) throws IOException, InterruptedException {
        Answer a = call("POST", "/local/token", null, request);
        assertEquals(200, a.status(), String.valueOf(a.json()));
        return (String) a.object().get("token");
    }

    @Test
    void it_starts_seeded_with_the_real_establishments_puis_medicines_and_catalogue() throws Exception {
        // given an ARS agent of Bretagne with a local token
        String ars = token("{\"roles\":[\"ARS\"],\"region\":\"53\",\"email\":\"agent@ars-bretagne.fr\"}");

        // when it lists its region's establishments and the medicines tracked today
        Answer establishments = call("GET", "/v1/establishments?region=53", ars, null);
        Answer medicines = call("GET", "/v1/medicines?region=53", ars, null);
        Answer catalogue = call("GET", "/v1/state-stock/products", ars, null);

        // then the FINESS extract of Bretagne, the seeded items and today's State-stock catalogue are there
        assertEquals(200, establishments.status());
        assertTrue(establishments.list().size() > 100, "establishments: " + establishments.list().size());
        assertEquals(36, medicines.list().size()); // 40 items, 4 of them regional to Auvergne-Rhône-Alpes
        assertEquals(4, catalogue.list().size());
    }

    @Test
    void a_pharmacist_declares_this_week_for_a_seeded_pui_and_the_ars_sees_it() throws Exception {
        // given the pharmacist of CH de Fleyriat (Ain) and this week
        String pharmacist = token("{\"roles\":[\"PHARMACIST\"],\"finessEj\":[\"010780054\"],\"email\":\"ph@ch-bourg.fr\"}");
        String week = fr.dispostock.domain.IsoWeek.of(LocalDate.now(ZoneId.of("Europe/Paris"))).toString();
        String path = "/v1/puis/010000024/declarations/" + week;
        Answer expected = call("GET", path + "/expected", pharmacist, null);
        String first = (String) ((Map<?, ?>) ((List<?>) expected.object().get("items")).get(0)).get("itemId");

        // when it declares one item
        Answer declared = call("PUT", path, pharmacist,
                "{\"lines\":[{\"itemId\":\"" + first + "\",\"stock\":12,\"averageDailyConsumption\":1.5}]}");

        // then the ARS of the region counts it in the completeness of the week
        assertEquals(200, declared.status(), String.valueOf(declared.json()));
        String ars = token("{\"roles\":[\"ARS\"],\"region\":\"84\"}");
        Answer completeness = call("GET", "/v1/declarations/completeness?week=" + week, ars, null);
        assertEquals(200, completeness.status());
        assertTrue(((Number) completeness.object().get("declared")).intValue() >= 1);
    }

    /** The token endpoint as an OAuth client calls it: a form, the client authenticated by HTTP Basic or in the form. */
    static Answer clientCredentials(String form, String basic) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + platform.port() + "/local/token"))
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (basic != null) {
            b.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(basic.getBytes()));
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), platform.context().getBean(JsonMapper.class).readValue(r.body(), Object.class));
    }

    @Test
    void a_registered_software_gets_a_client_credentials_token_and_declares_for_its_establishment_only() throws Exception {
        // given the stock software of CH de Fleyriat registered at the local identity platform
        Answer registered = call("POST", "/local/clients", null, "{\"clientId\":\"pharma-stock-fleyriat\",\"finessEj\":\"010780054\"}");
        String secret = (String) registered.object().get("clientSecret");

        // when it asks for a token (secret in the form, then by HTTP Basic), with a wrong secret, and with another grant
        Answer byForm = clientCredentials("grant_type=client_credentials&client_id=pharma-stock-fleyriat&client_secret=" + secret, null);
        Answer byBasic = clientCredentials("grant_type=client_credentials", "pharma-stock-fleyriat:" + secret);
        Answer wrong = clientCredentials("grant_type=client_credentials", "pharma-stock-fleyriat:not-the-secret");
        Answer password = clientCredentials("grant_type=password&username=x&password=y", null);

        // then the two ways give a token of its scope; the wrong secret and the other grant are refused as OAuth says
        assertEquals(201, registered.status(), String.valueOf(registered.json()));
        assertEquals(200, byForm.status(), String.valueOf(byForm.json()));
        assertEquals("dispostock/declare", byForm.object().get("scope"));
        assertEquals(200, byBasic.status(), String.valueOf(byBasic.json()));
        assertEquals(401, wrong.status());
        assertEquals("invalid_client", wrong.object().get("error"));
        assertEquals(400, password.status());
        assertEquals("unsupported_grant_type", password.object().get("error"));

        // and with it the software reads its PUI's expected items and declares them, recorded under its id
        String token = (String) byBasic.object().get("access_token");
        String week = fr.dispostock.domain.IsoWeek.of(LocalDate.now(ZoneId.of("Europe/Paris"))).toString();
        Answer expected = call("GET", "/v1/puis/010000024/declarations/" + week + "/expected", token, null);
        String first = (String) ((Map<?, ?>) ((List<?>) expected.object().get("items")).get(0)).get("itemId");
        Answer declared = call("PUT", "/v1/puis/010000024/declarations/" + week, token,
                "{\"lines\":[{\"itemId\":\"" + first + "\",\"stock\":7,\"averageDailyConsumption\":0.5}]}");
        assertEquals(200, declared.status(), String.valueOf(declared.json()));
        assertEquals("client:pharma-stock-fleyriat", declared.object().get("declaredBy"));
        // but not another establishment's PUI (CH du Haut Bugey), nor the register, nor an authority's route
        assertEquals(403, call("GET", "/v1/puis/010000032/declarations/" + week + "/expected", token, null).status());
        assertEquals(403, call("GET", "/v1/puis/010000024", token, null).status());
        assertEquals(403, call("GET", "/v1/declarations/completeness?week=" + week + "&region=84", token, null).status());
    }

    @Test
    void mails_sent_by_the_platform_are_kept_in_the_outbox_and_can_be_emptied() throws Exception {
        // given a mail sent through the local mail service
        LocalOutbox outbox = platform.context().getBean(LocalOutbox.class);
        call("DELETE", "/local/outbox", null, null);
        outbox.send(new Mail(List.of("pui-010000024@dispostock.invalid"), "Rappel", "Déclarez votre stock.", null, Map.of()));

        // when the outbox is read, then emptied
        Answer read = call("GET", "/local/outbox", null, null);
        call("DELETE", "/local/outbox", null, null);

        // then the mail was there, and is gone
        assertEquals(1, read.list().size());
        assertEquals("Rappel", ((Map<?, ?>) read.list().get(0)).get("subject"));
        assertEquals(0, call("GET", "/local/outbox", null, null).list().size());
    }

    @Test
    void a_reminder_fired_by_hand_mails_the_non_declarers_into_the_outbox_once() throws Exception {
        // given an empty outbox, and a Monday of this year on which nobody has declared
        call("DELETE", "/local/outbox", null, null);

        // when the weekly reminder is fired for Monday 2026-11-16, twice
        Answer first = call("POST", "/local/reminders/weekly-declaration?date=2026-11-16", null, null);
        Answer again = call("POST", "/local/reminders/weekly-declaration?date=2026-11-16", null, null);

        // then every seeded PUI got one mail, by the sender thread, and the second run was the same run: nothing more
        assertEquals(200, first.status(), String.valueOf(first.json()));
        assertEquals("SENT", first.object().get("status"), String.valueOf(first.json()));
        int sent = ((Number) first.object().get("sent")).intValue();
        assertTrue(sent > 300, "sent " + sent);
        assertEquals(first.object().get("recipients"), first.object().get("sent"));
        assertEquals(false, first.object().get("duplicate"));
        assertEquals(true, again.object().get("duplicate"));
        assertEquals(sent, call("GET", "/local/outbox", null, null).list().size());
        assertTrue(((String) ((Map<?, ?>) call("GET", "/local/outbox", null, null).list().get(0)).get("text"))
                .contains("2026-W47"), "the week is filled in");
        assertEquals(422, call("POST", "/local/reminders/monthly?date=2026-11-16", null, null).status());
    }

    @Test
    void a_national_campaign_is_sent_in_the_background_to_every_pui_into_the_outbox() throws Exception {
        // given the national operator and an empty outbox
        String national = token("{\"roles\":[\"NATIONAL\"],\"email\":\"dgs@sante.gouv.fr\"}");
        call("DELETE", "/local/outbox", null, null);

        // when it creates a campaign to all and sends it
        Answer created = call("POST", "/v1/campaigns", national, "{\"subject\":\"Nouveau suivi\","
                + "\"bodyText\":\"La cisplatine entre en suivi national.\",\"audience\":{\"type\":\"ALL\"}}");
        String id = (String) created.object().get("campaignId");
        Answer sending = call("POST", "/v1/campaigns/" + id + "/send", national, null);
        Answer progress = sending;
        for (int i = 0; i < 100 && !"SENT".equals(progress.object().get("status")); i++) {
            Thread.sleep(100);
            progress = call("GET", "/v1/campaigns/" + id, national, null);
        }

        // then every seeded PUI got it once, in the outbox
        assertEquals(201, created.status(), String.valueOf(created.json()));
        assertEquals(202, sending.status(), String.valueOf(sending.json()));
        assertEquals("SENT", progress.object().get("status"));
        int recipients = ((Number) created.object().get("recipients")).intValue();
        assertTrue(recipients > 300, "recipients " + recipients);
        assertEquals(recipients, ((Number) progress.object().get("sent")).intValue());
        assertEquals(recipients, call("GET", "/local/outbox", null, null).list().size());
    }

    @Test
    void an_erased_account_that_declared_ordered_was_mailed_and_wrote_in_trails_leaves_its_pseudonym_in_every_table()
            throws Exception {
        // given a pharmacist of CH de Fleyriat who changed its PUI, declared this week (twice), declared
        // Thursday's lots, ordered, was mailed a campaign, and whose address then bounced
        String email = "Claire.Effacee@CH-Bourg.fr";
        String pharmacist = token("{\"roles\":[\"PHARMACIST\"],\"finessEj\":[\"010780054\"],\"sub\":\"ph-effacee\","
                + "\"email\":\"" + email + "\"}");
        String national = token("{\"roles\":[\"NATIONAL\"],\"email\":\"dgs@sante.gouv.fr\"}");
        JsonMapper json = platform.context().getBean(JsonMapper.class);
        Map<?, ?> pui = call("GET", "/v1/puis/010000024", pharmacist, null).object();
        Map<String, Object> changed = new java.util.HashMap<>(Map.of("email", pui.get("email"), "phone", "04 74 45 40 00",
                "deliveryAddress", pui.get("deliveryAddress")));
        assertEquals(200, call("PUT", "/v1/puis/010000024", pharmacist, json.writeValueAsString(changed),
                Map.of("If-Match", "\"" + pui.get("version") + "\"")).status());
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        String week = "/v1/puis/010000024/declarations/" + fr.dispostock.domain.IsoWeek.of(today);
        String item = (String) ((Map<?, ?>) ((List<?>) call("GET", week + "/expected", pharmacist, null).object().get("items"))
                .get(0)).get("itemId");
        for (int stock : new int[]{7, 8}) {
            assertEquals(200, call("PUT", week, pharmacist, "{\"lines\":[{\"itemId\":\"" + item + "\",\"stock\":" + stock
                    + ",\"averageDailyConsumption\":1}]}").status());
        }
        String lots = "/v1/puis/010000024/state-stock/" + today.with(java.time.temporal.TemporalAdjusters.previousOrSame(
                java.time.DayOfWeek.THURSDAY));
        assertEquals(200, call("PUT", lots, pharmacist, "{\"lines\":[{\"productCode\":\"MPOX-MVA-BN\",\"lot\":\"EFF01\","
                + "\"expiry\":\"" + today.plusYears(1) + "\",\"quantity\":10}]}").status());
        Answer order = call("POST", "/v1/orders", pharmacist, "{\"finessEt\":\"010000024\",\"lines\":[{\"productCode\":"
                + "\"TECOVIRIMAT-200\",\"quantity\":42}]}", Map.of("Idempotency-Key", "erasure-order-1"));
        assertEquals(201, order.status(), String.valueOf(order.json()));
        String campaign = (String) call("POST", "/v1/campaigns", national, "{\"subject\":\"Suivi\",\"bodyText\":\"Bonjour.\","
                + "\"audience\":{\"type\":\"REGION\",\"region\":\"84\"}}").object().get("campaignId");
        call("POST", "/v1/campaigns/" + campaign + "/send", national, null);
        for (int i = 0; i < 100 && !"SENT".equals(call("GET", "/v1/campaigns/" + campaign, national, null).object().get("status")); i++) {
            Thread.sleep(100);
        }
        platform.context().getBean(fr.dispostock.domain.mail.MailingStore.class).suppress(email, "bounce");
        List<String> tables = List.of("RegistersTable", "DeclarationsTable", "StateStockTable", "MailTable");
        tables.forEach(t -> assertFalse(ErasureChecks.holding(dynamoDb(), t, email).isEmpty(), t + " holds the address before"));
        List<String> routes = List.of("/v1/accounts/erasures", "/v1/declarations/erasures", "/v1/state-stock/erasures",
                "/v1/campaigns/erasures");
        String body = "{\"email\":\"" + email.toLowerCase() + "\"}";

        // when the national operator erases the account through each function, then all over again
        List<Answer> first = new java.util.ArrayList<>();
        for (String route : routes) {
            first.add(call("POST", route, national, body));
        }
        List<List<Map<String, AttributeValue>>> afterFirst = tables.stream().map(t -> ErasureChecks.items(dynamoDb(), t)).toList();
        List<Answer> second = new java.util.ArrayList<>();
        for (String route : routes) {
            second.add(call("POST", route, national, body));
        }

        // then no table holds the address, every answer gives the same pseudonym, which the trails name, and
        // the second erasure changed nothing
        assertEquals(List.of(201, 200, 200, 200), first.stream().map(Answer::status).toList(), String.valueOf(first));
        String pseudonym = (String) first.get(0).object().get("pseudonym");
        assertTrue(pseudonym.startsWith("erased-"), pseudonym);
        first.forEach(a -> assertEquals(pseudonym, a.object().get("pseudonym")));
        first.forEach(a -> assertTrue(((Number) a.object().get("changed")).intValue() > 0, String.valueOf(a.json())));
        tables.forEach(t -> assertEquals(List.of(), ErasureChecks.holding(dynamoDb(), t, email), t));
        String author = "ph-effacee <" + pseudonym + ">";
        assertTrue(call("GET", "/v1/puis/010000024/audit", national, null).list().stream()
                .anyMatch(e -> author.equals(((Map<?, ?>) e).get("by"))));
        assertEquals(author, ((Map<?, ?>) ((List<?>) call("GET", week + "/history", national, null).object().get("revisions"))
                .get(0)).get("declaredBy"));
        assertEquals(author, ((Map<?, ?>) ((List<?>) call("GET", "/v1/orders/" + order.object().get("orderId"), national, null)
                .object().get("history")).get(0)).get("by"));
        assertEquals(List.of(200, 200, 200, 200), second.stream().map(Answer::status).toList());
        second.forEach(a -> assertEquals(0, ((Number) a.object().get("changed")).intValue(), String.valueOf(a.json())));
        assertEquals(afterFirst, tables.stream().map(t -> ErasureChecks.items(dynamoDb(), t)).toList());
    }

    @Test
    void each_business_metric_carries_the_service_of_the_function_that_counts_it() throws Exception {
        // given a pharmacist of CH de Fleyriat and the national operator
        String pharmacist = token("{\"roles\":[\"PHARMACIST\"],\"finessEj\":[\"010780054\"],\"email\":\"ph@ch-bourg.fr\"}");
        String national = token("{\"roles\":[\"NATIONAL\"],\"email\":\"dgs@sante.gouv.fr\"}");
        String week = "/v1/puis/010000024/declarations/" + fr.dispostock.domain.IsoWeek.of(LocalDate.now(ZoneId.of("Europe/Paris")));
        String item = (String) ((Map<?, ?>) ((List<?>) call("GET", week + "/expected", pharmacist, null).object().get("items"))
                .get(0)).get("itemId");
        Map<String, java.util.Set<Object>> services = new java.util.TreeMap<>();
        try (fr.dispostock.embedded.CapturedOutput out = fr.dispostock.embedded.CapturedOutput.start()) {
            // when it declares this week and orders, and the nation mails Bretagne
            call("PUT", week, pharmacist, "{\"lines\":[{\"itemId\":\"" + item + "\",\"stock\":21,\"averageDailyConsumption\":2}]}");
            call("POST", "/v1/orders", pharmacist, "{\"finessEt\":\"010000024\",\"lines\":[{\"productCode\":"
                    + "\"TECOVIRIMAT-200\",\"quantity\":42}]}", Map.of("Idempotency-Key", "metrics-order-1"));
            String campaign = (String) call("POST", "/v1/campaigns", national, "{\"subject\":\"Suivi\",\"bodyText\":\"Bonjour.\","
                    + "\"audience\":{\"type\":\"REGION\",\"region\":\"53\"}}").object().get("campaignId");
            call("POST", "/v1/campaigns/" + campaign + "/send", national, null);
            for (int i = 0; i < 100 && !"SENT".equals(call("GET", "/v1/campaigns/" + campaign, national, null).object().get("status")); i++) {
                Thread.sleep(100);
            }
            JsonMapper json = platform.context().getBean(JsonMapper.class);
            for (String line : out.text().lines().filter(l -> l.startsWith("{\"_aws\"")).toList()) {
                Map<?, ?> emf = json.readValue(line, Map.class);
                Map<?, ?> metric = (Map<?, ?>) ((List<?>) ((Map<?, ?>) ((List<?>) ((Map<?, ?>) emf.get("_aws"))
                        .get("CloudWatchMetrics")).get(0)).get("Metrics")).get(0);
                services.computeIfAbsent((String) metric.get("Name"), n -> new java.util.TreeSet<>()).add(emf.get("service"));
            }
        }

        // then each metric names the function that counts it in AWS, as template.yaml names it (the
        // declaration of a past Monday also counts as late)
        assertTrue(services.keySet().containsAll(List.of("DeclarationsReceived", "OrdersPlaced", "MailsSent")), services.toString());
        services.forEach((metric, named) -> assertEquals(java.util.Set.of(metric.startsWith("Declarations") ? "declarations"
                : metric.startsWith("Orders") ? "state-stock" : "mailing-sender"), named, metric));
    }

    private static DynamoDbClient dynamoDb() {
        return platform.context().getBean(DynamoDbClient.class);
    }

    @Test
    void a_fresh_platform_computes_the_insights_of_the_historys_last_weeks_the_last_monday_first() throws Exception {
        // given the platform started on an empty data directory, nobody having run the insights
        List<Instant> runs = LocalInsightsController.historysLastRuns();
        InsightStore insights = platform.context().getBean(InsightStore.class);

        // when the runs it starts in the background have had their time
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!runs.stream().allMatch(r -> insights.run(r).filter(run -> run.status() == InsightRun.Status.DONE).isPresent())
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }

        // then the Monday runs of the history's last 5 weeks and its last Thursday's are done, begun
        // in that order: the last Monday first, the four before it oldest first, the last Thursday last
        List<InsightRun> made = runs.stream().map(r -> insights.run(r).orElseThrow()).toList();
        made.forEach(run -> assertEquals(InsightRun.Status.DONE, run.status(), run.toString()));
        assertEquals(List.of(LocalHistory.LAST_WEEK, LocalHistory.LAST_WEEK.minusWeeks(4), LocalHistory.LAST_WEEK.minusWeeks(3),
                LocalHistory.LAST_WEEK.minusWeeks(2), LocalHistory.LAST_WEEK.minusWeeks(1), LocalHistory.LAST_WEEK),
                made.stream().map(InsightRun::week).toList());
        for (int i = 1; i < made.size(); i++) {
            assertFalse(made.get(i).startedAt().isBefore(made.get(i - 1).startedAt()), made.toString());
        }
        Answer risks = call("GET", "/v1/insights/risks?region=84", token("{\"roles\":[\"NATIONAL\"]}"), null);
        assertEquals(200, risks.status(), String.valueOf(risks.json()));
    }

    @Test
    void the_database_is_served_with_a_write_ahead_log_synced_at_its_checkpoints() {
        // given the running platform, whose DynamoDB Local serves the database file
        // when SQLite is asked how DynamoDB Local's own connection is set
        // then its journal is a write-ahead log (a crash of the process loses no committed write),
        // synced at its checkpoints only (NORMAL, not at every commit), with a page cache of 64 MiB
        assertEquals("wal", platform.sqlitePragma("journal_mode"));
        assertEquals("1", platform.sqlitePragma("synchronous"));
        assertEquals("-65536", platform.sqlitePragma("cache_size"));
    }

    @Test
    void the_write_ahead_log_is_folded_back_into_the_database_file() {
        // given the running platform, which wrote its seed's accounts and its insights through the log
        // when it makes a checkpoint (as it does every few seconds: DynamoDB Local never makes one)
        DynamoDbLocalSqlite.Checkpoint checkpoint = platform.checkpoint().orElseThrow();

        // then every frame of the log is in the database file, so the next write starts the log again
        assertTrue(checkpoint.logFrames() > 0, checkpoint.toString());
        assertEquals(checkpoint.logFrames(), checkpoint.copiedFrames(), checkpoint.toString());
    }

    @Test
    void the_token_route_refuses_unknown_roles() throws Exception {
        // when a token is asked for a role Dispostock does not know
        Answer a = call("POST", "/local/token", null, "{\"roles\":[\"ADMIN\"]}");

        // then 422 names it
        assertEquals(422, a.status());
        assertTrue(a.json().toString().contains("/roles/0"));
    }

    @Test
    void the_portal_its_identity_provider_and_the_api_agree_on_one_issuer() throws Exception {
        // given the issuer the portal is told, and the discovery document served under it
        String issuer = (String) call("GET", "/config.json", null, null).object().get("issuer");
        HttpResponse<String> discovery = HTTP.send(HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
                .build(), HttpResponse.BodyHandlers.ofString());
        Map<?, ?> document = platform.context().getBean(JsonMapper.class).readValue(discovery.body(), Map.class);

        // when a pharmacist signs in through it (authorization code + PKCE) and gets a token
        String verifier = "a-verifier-of-forty-three-characters-or-more-0123";
        String redirect = "http://127.0.0.1:" + platform.port() + "/connexion.html";
        HttpResponse<String> signedIn = HTTP.send(HttpRequest.newBuilder(URI.create((String) document.get("authorization_endpoint")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("response_type", "code", "client_id", "dispostock-portal",
                        "redirect_uri", redirect, "state", "s1", "code_challenge", LocalIdentityProvider.s256(verifier),
                        "code_challenge_method", "S256", "role", "PHARMACIST", "email", "pharmacien@dispostock.invalid",
                        "finessEj", "010780054", "action", "connexion")))).build(), HttpResponse.BodyHandlers.ofString());
        String code = signedIn.headers().firstValue("Location").orElseThrow().replaceAll(".*[?&]code=([^&]+).*", "$1");
        HttpResponse<String> traded = HTTP.send(HttpRequest.newBuilder(URI.create((String) document.get("token_endpoint")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code", "code", code,
                        "redirect_uri", redirect, "client_id", "dispostock-portal", "code_verifier", verifier)))).build(),
                HttpResponse.BodyHandlers.ofString());
        String token = (String) platform.context().getBean(JsonMapper.class).readValue(traded.body(), Map.class).get("access_token");

        // then the discovery document, the token's iss and the issuer the functions trust are the portal's issuer
        assertEquals("http://127.0.0.1:" + platform.port() + "/local/oidc", issuer);
        assertEquals(issuer, document.get("issuer"));
        assertTrue(((String) document.get("jwks_uri")).startsWith(issuer + "/"), String.valueOf(document));
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(issuer, platform.context().getBean(JsonMapper.class).readValue(payload, Map.class).get("iss"));
        assertEquals(issuer, platform.context().getProperty("dispostock.jwt.issuer", String.class).orElseThrow());
        assertEquals(200, call("GET", "/v1/puis/010000024", token, null).status());
        assertEquals(200, call("GET", "/v1/puis/010000024", token(
                "{\"roles\":[\"PHARMACIST\"],\"finessEj\":[\"010780054\"]}"), null).status());
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(),
                java.nio.charset.StandardCharsets.UTF_8)).collect(java.util.stream.Collectors.joining("&"));
    }
}
