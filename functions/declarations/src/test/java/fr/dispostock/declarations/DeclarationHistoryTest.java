package fr.dispostock.declarations;

import fr.dispostock.domain.BusinessMetric;
import fr.dispostock.domain.Caller;
import fr.dispostock.domain.Finess;
import fr.dispostock.domain.IsoWeek;
import fr.dispostock.domain.Region;
import fr.dispostock.domain.Role;
import fr.dispostock.domain.register.Pui;
import fr.dispostock.domain.Violations;
import fr.dispostock.domain.declaration.Declaration;
import fr.dispostock.domain.declaration.DeclarationStore;
import fr.dispostock.domain.declaration.Line;
import fr.dispostock.domain.declaration.Revision;
import fr.dispostock.domain.register.RegisterStore;
import fr.dispostock.embedded.DynamoDbLocalExtension;
import fr.dispostock.embedded.HistoryChecks;
import fr.dispostock.embedded.HttpApiHarness.Response;
import fr.dispostock.embedded.WriteCostMeter;
import fr.dispostock.platform.declaration.DynamoDeclarationStore;
import fr.dispostock.platform.dynamo.BatchCalls;
import fr.dispostock.platform.dynamo.RevisionWriter;
import fr.dispostock.platform.dynamo.Tables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static fr.dispostock.declarations.DeclarationsFunction.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A week's history lives outside its current figures: corrections never grow the week, and are read page by page. */
@ExtendWith(DynamoDbLocalExtension.class)
class DeclarationHistoryTest {
    static final String PATH = "/v1/puis/" + FLEYRIAT_ET + "/declarations/" + WEEK;

    @BeforeEach
    void emptyTables() {
        registers();
    }

    @Test
    void the_same_week_declared_1000_times_is_always_written_at_the_same_cost_and_keeps_999_revisions() {
        // given the declarations service on the real adapter, over a client that records what DynamoDB bills
        List<Double> billed = new ArrayList<>();
        WriteCostMeter meter = new WriteCostMeter("DeclarationsTable");
        DynamoDbClient client = DynamoDbLocalExtension.dynamoDb().clientBillingTo(billed, meter);
        DynamoDeclarationStore store = new DynamoDeclarationStore(client, new RevisionWriter(client, new BatchCalls(client)),
                new Tables(null, "DeclarationsTable", null, null, null));
        DeclarationService service = new DeclarationService(API.context().getBean(RegisterStore.class), store,
                Clock.fixed(Instant.parse(MONDAY_0900_PARIS), ZoneOffset.UTC), API.context().getBean(BusinessMetric.Counter.class));
        Caller pharmacist = new Caller("ph-fleyriat", "ph@own.fr", Set.of(Role.PHARMACIST),
                Set.of(Finess.parse(FLEYRIAT_EJ)), Optional.empty());

        // when the pharmacist's software declares the week 1,000 times, each time other figures
        Pui fleyriat = service.declarant(pharmacist, Finess.parse(FLEYRIAT_ET));
        for (int i = 0; i < 1000; i++) {
            service.declare(pharmacist, fleyriat, IsoWeek.parse(WEEK), List.of(
                    new DeclarationBody.LineBody("cisplatine", BigDecimal.valueOf(i), BigDecimal.valueOf(8)),
                    new DeclarationBody.LineBody("lomustine", BigDecimal.valueOf(1000 - i), BigDecimal.ONE),
                    new DeclarationBody.LineBody("vincristine-ara", BigDecimal.ZERO, new BigDecimal("0.25"))),
                    new Violations());
        }

        // then every write went through, once each: a first PutItem, then 999 corrections all billed alike,
        // the last one as the first one (two small items in a transaction: 2 units each)
        HistoryChecks.assertEveryCorrectionBilledAlike(billed, 1000);
        assertEquals(meter.writeCost().minimumCapacityUnits(), (long) meter.writeCost().capacityUnits(),
                "each write billed the least its bytes can cost");

        // and the week answers its last figures and 999 revisions, all reachable page by page, newest first
        Response current = API.call("GET", PATH, PH_FLEYRIAT, null);
        assertEquals(200, current.status(), current.body());
        assertEquals(999, ((Number) current.object().get("revisions")).intValue());
        assertEquals(999, stockOfFirstLine(current.object()));
        HistoryChecks.AllPages history = HistoryChecks.readAll(API, PATH + "/history", PH_FLEYRIAT);
        assertEquals(10, history.pages());
        assertEquals(HistoryChecks.newestFirst(999),
                history.revisions().stream().map(DeclarationHistoryTest::stockOfFirstLine).toList());
    }

    @Test
    void the_history_comes_newest_first_page_by_page_and_a_bad_limit_or_cursor_is_refused() {
        // given a week declared then corrected four times
        for (int stock = 1; stock <= 5; stock++) {
            assertEquals(200, API.call("PUT", PATH, PH_FLEYRIAT, lines(line("cisplatine", stock, 1))).status());
        }

        // when its history is read two revisions at a time
        Response first = API.call("GET", PATH + "/history?limit=2", ARS_84, null);
        Response second = API.call("GET", PATH + "/history?limit=2&cursor=" + first.object().get("next"), ARS_84, null);
        Response last = API.call("GET", PATH + "/history?limit=2&cursor=" + second.object().get("next"), ARS_84, null);

        // then the four earlier revisions come newest first, and the last page says there is no more
        assertEquals(List.of(4, 3), stocks(first));
        assertEquals(List.of(2, 1), stocks(second));
        assertNull(second.object().get("next"));
        assertEquals(422, last.status(), "no cursor after the last page: 'null' is not one");
        assertEquals(4, stocks(API.call("GET", PATH + "/history", ARS_84, null)).size(), "20 by default");

        // and limits outside 1..100 or a cursor the route did not give are named in a 422
        for (String query : List.of("limit=0", "limit=101", "limit=ten", "cursor=bm9wZQ", "cursor=%25%25")) {
            Response bad = API.call("GET", PATH + "/history?" + query, ARS_84, null);
            assertEquals(422, bad.status(), query + " " + bad.body());
            String field = query.substring(0, query.indexOf('='));
            assertTrue(bad.body().contains("\"pointer\":\"" + field + "\""), bad.body());
        }
        assertEquals(404, API.call("GET", "/v1/puis/" + BUGEY_ET + "/declarations/" + WEEK + "/history", ARS_84, null)
                .status());
    }

    @Test
    void of_two_corrections_made_from_the_same_reading_one_wins_and_nothing_is_lost() {
        // given a declared week, read by two writers at once
        assertEquals(200, API.call("PUT", PATH, PH_FLEYRIAT, lines(line("cisplatine", 1, 1))).status());
        DeclarationStore store = API.context().getBean(DeclarationStore.class);
        Declaration read = store.find(Region.parse("84"), IsoWeek.parse(WEEK), Finess.parse(FLEYRIAT_ET)).orElseThrow();

        // when both write their correction
        boolean first = store.save(read, read.correctedBy(new Revision(Instant.parse(MONDAY_0900_PARIS), "a", false,
                List.of(new Line("cisplatine", 2, BigDecimal.ONE)))));
        boolean second = store.save(read, read.correctedBy(new Revision(Instant.parse(MONDAY_0900_PARIS), "b", false,
                List.of(new Line("cisplatine", 3, BigDecimal.ONE)))));

        // then the first is written, the second is told to read again, and the first figures are the one revision
        assertTrue(first);
        assertFalse(second);
        assertEquals(2, stockOfFirstLine(API.call("GET", PATH, PH_FLEYRIAT, null).object()));
        assertEquals(List.of(1), stocks(API.call("GET", PATH + "/history", PH_FLEYRIAT, null)));
    }

    @Test
    void a_week_stored_the_old_way_is_read_whole_and_moved_to_revision_items_by_its_next_correction() {
        // given a week written by the previous version: two earlier revisions inside the item, the first one late
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS("WEEK#" + WEEK + "#REGION#84"));
        item.put("sk", AttributeValue.fromS("PUI#" + FLEYRIAT_ET));
        item.put("ej", AttributeValue.fromS(FLEYRIAT_EJ));
        item.put("dep", AttributeValue.fromS("01"));
        item.put("rev", AttributeValue.fromN("3"));
        item.put("cur", figures("2026-11-23T10:00:00Z", false, "cisplatine=30:1"));
        item.put("hist", AttributeValue.fromL(List.of(figures("2026-11-23T08:00:00Z", true, "cisplatine=10:1"),
                figures("2026-11-23T09:00:00Z", false, "cisplatine=20:1|lomustine=2:0.5"))));
        DynamoDbLocalExtension.dynamoDb().client().putItem(p -> p.tableName("DeclarationsTable").item(item));

        // when it is read, then corrected
        Response before = API.call("GET", PATH, PH_FLEYRIAT, null);
        List<Integer> historyBefore = stocks(API.call("GET", PATH + "/history", PH_FLEYRIAT, null));
        Response corrected = API.call("PUT", PATH, PH_FLEYRIAT, lines(line("cisplatine", 40, 1)));

        // then the old item reads as two revisions, late from its first declaration
        assertEquals(2, ((Number) before.object().get("revisions")).intValue());
        assertEquals(true, before.object().get("late"));
        assertEquals(List.of(20, 10), historyBefore);
        // and after the correction it holds no history: three revision items, the week still late
        assertEquals(200, corrected.status(), corrected.body());
        Map<String, AttributeValue> stored = DynamoDbLocalExtension.dynamoDb().get("DeclarationsTable",
                Map.of("pk", item.get("pk"), "sk", item.get("sk")));
        assertTrue(!stored.containsKey("hist") && stored.containsKey("revs"), stored.toString());
        Response after = API.call("GET", PATH, PH_FLEYRIAT, null);
        assertEquals(3, ((Number) after.object().get("revisions")).intValue());
        assertEquals(true, after.object().get("late"));
        Response history = API.call("GET", PATH + "/history", PH_FLEYRIAT, null);
        assertEquals(List.of(30, 20, 10), stocks(history));
        Map<?, ?> second = (Map<?, ?>) ((List<?>) history.object().get("revisions")).get(1);
        assertEquals("2026-11-23T09:00:00Z", second.get("declaredAt"));
        assertEquals(2, ((List<?>) second.get("lines")).size());
    }

    private static AttributeValue figures(String at, boolean late, String lines) {
        return AttributeValue.fromM(Map.of("at", AttributeValue.fromS(at), "by", AttributeValue.fromS("ph@own.fr"),
                "late", AttributeValue.fromBool(late), "lines", AttributeValue.fromS(lines)));
    }

    private static List<Integer> stocks(Response page) {
        assertEquals(200, page.status(), page.body());
        return ((List<?>) page.object().get("revisions")).stream().map(r -> stockOfFirstLine((Map<?, ?>) r)).toList();
    }

    private static int stockOfFirstLine(Map<?, ?> figures) {
        return ((Number) ((Map<?, ?>) ((List<?>) figures.get("lines")).get(0)).get("stock")).intValue();
    }
}
