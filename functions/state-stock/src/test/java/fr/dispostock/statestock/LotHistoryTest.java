package fr.dispostock.statestock;

import fr.dispostock.domain.BusinessMetric;
import fr.dispostock.domain.Caller;
import fr.dispostock.domain.Finess;
import fr.dispostock.domain.Role;
import fr.dispostock.domain.register.RegisterStore;
import fr.dispostock.embedded.DynamoDbLocalExtension;
import fr.dispostock.embedded.HistoryChecks;
import fr.dispostock.embedded.HttpApiHarness.Response;
import fr.dispostock.platform.dynamo.AuditedWriter;
import fr.dispostock.platform.dynamo.BatchCalls;
import fr.dispostock.platform.dynamo.RevisionWriter;
import fr.dispostock.platform.dynamo.Tables;
import fr.dispostock.platform.statestock.DynamoStateStockStore;
import fr.dispostock.statestock.lots.LotService;
import fr.dispostock.statestock.lots.LotsBody;
import io.micronaut.json.JsonMapper;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static fr.dispostock.statestock.LotRoutesTest.lot;
import static fr.dispostock.statestock.StateStockFunction.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A Thursday's history lives outside its current lots: corrections never grow it, and are read page by page. */
@ExtendWith(DynamoDbLocalExtension.class)
class LotHistoryTest {
    static final String PATH = "/v1/puis/" + FLEYRIAT_ET + "/state-stock/" + THURSDAY;

    @BeforeEach
    void catalogue() {
        registersAndCatalogue();
    }

    @Test
    void the_same_thursday_declared_1000_times_is_always_written_at_the_same_cost_and_keeps_999_revisions() {
        // given the lots service on the real adapter, over a client that records what DynamoDB bills
        List<Double> billed = new ArrayList<>();
        DynamoDbClient client = DynamoDbLocalExtension.dynamoDb().clientBillingTo(billed);
        DynamoStateStockStore store = new DynamoStateStockStore(client, new AuditedWriter(client),
                new RevisionWriter(client, new BatchCalls(client)), API.context().getBean(JsonMapper.class),
                new Tables(null, null, "StateStockTable", null, null));
        LotService service = new LotService(API.context().getBean(RegisterStore.class), store,
                Clock.fixed(Instant.parse("2026-11-26T08:00:00Z"), ZoneOffset.UTC), API.context().getBean(BusinessMetric.Counter.class));
        Caller pharmacist = new Caller("ph-fleyriat", "ph@own.fr", Set.of(Role.PHARMACIST),
                Set.of(Finess.parse(FLEYRIAT_EJ)), Optional.empty());

        // when the pharmacist's software declares the Thursday 1,000 times, each time other quantities
        for (int i = 0; i < 1000; i++) {
            service.declare(pharmacist, Finess.parse(FLEYRIAT_ET), THURSDAY, new LotsBody(List.of(
                    new LotsBody.LotBody("MPOX-MVA-BN", "FDP00123", "2027-06-30", BigDecimal.valueOf(i), null),
                    new LotsBody.LotBody("TECOVIRIMAT-200", "TX-88", "2028-01-31", BigDecimal.valueOf(1000 - i), null))));
        }

        // then every write went through, once each: a first PutItem, then 999 corrections all billed alike,
        // the last one as the first one (two small items in a transaction: 2 units each)
        HistoryChecks.assertEveryCorrectionBilledAlike(billed, 1000);

        // and the Thursday answers its last lots and 999 revisions, all reachable page by page, newest first
        Response current = API.call("GET", PATH, ARS_84, null);
        assertEquals(200, current.status(), current.body());
        assertEquals(999, ((Number) current.object().get("revisions")).intValue());
        assertEquals(999, quantityOfFirstLot(current.object()));
        assertEquals(HistoryChecks.newestFirst(999), HistoryChecks.readAll(API, PATH + "/history", ARS_84).revisions()
                .stream().map(LotHistoryTest::quantityOfFirstLot).toList());
    }

    @Test
    void the_history_comes_newest_first_page_by_page_and_a_bad_limit_or_cursor_is_refused() {
        // given a Thursday declared then corrected twice
        for (int quantity = 1; quantity <= 3; quantity++) {
            assertEquals(200, API.call("PUT", PATH, PH_FLEYRIAT, Map.of("lines",
                    List.of(lot("MPOX-MVA-BN", "FDP00123", "2027-06-30", quantity, null)))).status());
        }

        // when its history is read one revision at a time
        Response first = API.call("GET", PATH + "/history?limit=1", PH_FLEYRIAT, null);
        Response second = API.call("GET", PATH + "/history?limit=1&cursor=" + first.object().get("next"), PH_FLEYRIAT, null);

        // then the two earlier revisions come newest first, the last page without a next one
        assertEquals(List.of(2), quantities(first));
        assertEquals(List.of(1), quantities(second));
        assertNull(second.object().get("next"));
        // and a bad limit or cursor is named in a 422; an undeclared Thursday is 404
        assertEquals(422, API.call("GET", PATH + "/history?limit=500", PH_FLEYRIAT, null).status());
        assertEquals(422, API.call("GET", PATH + "/history?cursor=abc", PH_FLEYRIAT, null).status());
        assertEquals(404, API.call("GET", "/v1/puis/" + FLEYRIAT_ET + "/state-stock/2026-11-19/history", PH_FLEYRIAT,
                null).status());
    }

    @Test
    void lots_stored_the_old_way_are_read_whole_and_moved_to_revision_items_by_their_next_correction() {
        // given a Thursday written by the previous version: one document holding two earlier revisions
        String lotJson = "{\"productCode\":\"MPOX-MVA-BN\",\"lot\":\"FDP00123\",\"expiry\":\"2027-06-30\",\"quantity\":%d,\"expired\":false}";
        String revision = "{\"declaredAt\":\"2026-11-26T0%d:00:00Z\",\"declaredBy\":\"ph@own.fr\",\"lines\":[" + lotJson + "]}";
        String doc = "{\"finessEt\":\"" + FLEYRIAT_ET + "\",\"finessEj\":\"" + FLEYRIAT_EJ
                + "\",\"region\":\"84\",\"departement\":\"01\",\"date\":\"" + THURSDAY + "\",\"current\":"
                + String.format(revision, 9, 30) + ",\"history\":[" + String.format(revision, 7, 10) + ","
                + String.format(revision, 8, 20) + "]}";
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("LOTS#" + THURSDAY + "#REGION#84"),
                "sk", AttributeValue.fromS("PUI#" + FLEYRIAT_ET));
        Map<String, AttributeValue> item = new java.util.HashMap<>(key);
        item.put("rev", AttributeValue.fromN("3"));
        item.put("doc", AttributeValue.fromS(doc));
        DynamoDbLocalExtension.dynamoDb().client().putItem(p -> p.tableName("StateStockTable").item(item));

        // when it is read, then corrected
        Response before = API.call("GET", PATH, PH_FLEYRIAT, null);
        List<Integer> historyBefore = quantities(API.call("GET", PATH + "/history", PH_FLEYRIAT, null));
        Response corrected = API.call("PUT", PATH, PH_FLEYRIAT, Map.of("lines",
                List.of(lot("MPOX-MVA-BN", "FDP00123", "2027-06-30", 40, null))));

        // then the old document reads as two revisions, and after the correction holds none: three revision items
        assertEquals(2, ((Number) before.object().get("revisions")).intValue());
        assertEquals(30, quantityOfFirstLot(before.object()));
        assertEquals(List.of(20, 10), historyBefore);
        assertEquals(200, corrected.status(), corrected.body());
        Map<String, AttributeValue> stored = DynamoDbLocalExtension.dynamoDb().get("StateStockTable", key);
        assertTrue(stored.containsKey("revs") && !stored.get("doc").s().contains("history"), stored.toString());
        assertEquals(3, ((Number) API.call("GET", PATH, PH_FLEYRIAT, null).object().get("revisions")).intValue());
        assertEquals(List.of(30, 20, 10), quantities(API.call("GET", PATH + "/history", PH_FLEYRIAT, null)));
    }

    private static List<Integer> quantities(Response page) {
        assertEquals(200, page.status(), page.body());
        return ((List<?>) page.object().get("revisions")).stream().map(r -> quantityOfFirstLot((Map<?, ?>) r)).toList();
    }

    private static int quantityOfFirstLot(Map<?, ?> figures) {
        return ((Number) ((Map<?, ?>) ((List<?>) figures.get("lines")).get(0)).get("quantity")).intValue();
    }
}
