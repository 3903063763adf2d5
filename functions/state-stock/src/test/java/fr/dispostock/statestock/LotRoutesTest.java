package fr.dispostock.statestock;

import fr.dispostock.embedded.DynamoDbLocalExtension;
import fr.dispostock.embedded.HttpApiHarness.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static fr.dispostock.statestock.StateStockFunction.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(DynamoDbLocalExtension.class)
class LotRoutesTest {
    static final String PATH = "/v1/puis/" + FLEYRIAT_ET + "/state-stock/" + THURSDAY;

    @BeforeEach
    void catalogue() {
        registersAndCatalogue();
    }

    static Map<String, Object> lot(String product, String lot, String expiry, Object quantity, Boolean expired) {
        Map<String, Object> l = new HashMap<>(Map.of("productCode", product, "lot", lot, "expiry", expiry, "quantity", quantity));
        if (expired != null) {
            l.put("expired", expired);
        }
        return l;
    }

    @Test
    void a_pui_declares_its_lots_on_thursday_and_a_correction_keeps_the_earlier_figures() {
        // when the pharmacist declares two lots, then corrects one
        Response first = API.call("PUT", PATH, PH_FLEYRIAT, Map.of("lines", List.of(
                lot("MPOX-MVA-BN", "FDP00123", "2027-06-30", 40, null),
                lot("MPOX-MVA-BN", "FDP00077", "2026-12-15", 10, null))));
        Response corrected = API.call("PUT", PATH, PH_FLEYRIAT, Map.of("lines", List.of(
                lot("MPOX-MVA-BN", "FDP00123", "2027-06-30", 38, null),
                lot("MPOX-MVA-BN", "FDP00077", "2026-12-15", 10, null))));

        // then the current lots are the corrected ones, the first figures one earlier revision on the history route
        assertEquals(200, first.status(), first.body());
        assertEquals(200, corrected.status(), corrected.body());
        Response read = API.call("GET", PATH, ARS_84, null);
        assertEquals(1, ((Number) read.object().get("revisions")).intValue());
        assertEquals(38, ((Number) ((Map<?, ?>) ((List<?>) read.object().get("lines")).get(1)).get("quantity")).intValue());
        Response history = API.call("GET", PATH + "/history", ARS_84, null);
        assertEquals(200, history.status(), history.body());
        List<?> revisions = (List<?>) history.object().get("revisions");
        assertEquals(1, revisions.size());
        assertEquals(40, ((Number) ((Map<?, ?>) ((List<?>) ((Map<?, ?>) revisions.get(0)).get("lines")).get(1))
                .get("quantity")).intValue());
        assertEquals(null, history.object().get("next"));
    }

    @Test
    void an_expired_lot_is_declared_with_its_flag_never_hidden_and_a_lot_only_once() {
        // when an expired lot comes without its flag, a lot twice, and a day that is not a Thursday
        Response r = API.call("PUT", PATH, PH_FLEYRIAT, Map.of("lines", List.of(
                lot("MPOX-MVA-BN", "OLD-1", "2026-10-31", 5, null),
                lot("MPOX-MVA-BN", "FDP00123", "2027-06-30", 40, null),
                lot("MPOX-MVA-BN", "FDP00123", "2027-06-30", 2, null),
                lot("SYRINGE-1ML", "S-1", "2030-01-01", 100, null))));
        Response wednesday = API.call("PUT", "/v1/puis/" + FLEYRIAT_ET + "/state-stock/2026-11-25", PH_FLEYRIAT,
                Map.of("lines", List.of(lot("MPOX-MVA-BN", "FDP00123", "2027-06-30", 40, null))));
        Response flagged = API.call("PUT", PATH, PH_FLEYRIAT, Map.of("lines", List.of(
                lot("MPOX-MVA-BN", "OLD-1", "2026-10-31", 5, true))));

        // then each problem is named; with its flag the expired lot is accepted
        assertEquals(422, r.status(), r.body());
        assertEquals(List.of("/lines/0/expired", "/lines/2/lot", "/lines/3/productCode"),
                ((List<?>) r.object().get("errors")).stream().map(e -> ((Map<?, ?>) e).get("pointer")).toList());
        assertEquals(422, wednesday.status());
        assertTrue(wednesday.body().contains("Thursday"), wednesday.body());
        assertEquals(200, flagged.status(), flagged.body());
    }

    @Test
    void quantities_dates_and_list_sizes_out_of_their_range_are_named_with_it() {
        // given a lot of 1e20 units, one expiring in 1900, one in 9999, and a lot number with a NUL
        Response r = API.call("PUT", PATH, PH_FLEYRIAT, "{\"lines\":[{\"productCode\":\"MPOX-MVA-BN\",\"lot\":\"A\","
                + "\"expiry\":\"2027-06-30\",\"quantity\":1e20},{\"productCode\":\"MPOX-MVA-BN\",\"lot\":\"B\","
                + "\"expiry\":\"1900-01-01\",\"quantity\":1},{\"productCode\":\"MPOX-MVA-BN\",\"lot\":\"C\","
                + "\"expiry\":\"9999-12-31\",\"quantity\":1},{\"productCode\":\"MPOX-MVA-BN\",\"lot\":\"D\\u0000\","
                + "\"expiry\":\"2027-06-30\",\"quantity\":1}]}");
        // and 201 lots, one more than a Thursday declaration holds
        List<Map<String, Object>> many = java.util.stream.IntStream.range(0, 201)
                .mapToObj(i -> lot("MPOX-MVA-BN", "L" + i, "2027-06-30", 1, null)).toList();
        Response tooMany = API.call("PUT", PATH, PH_FLEYRIAT, Map.of("lines", many));

        // then each is named with its range, and nothing is stored
        assertEquals(422, r.status(), r.body());
        assertEquals(List.of("/lines/0/quantity", "/lines/1/expiry", "/lines/2/expiry", "/lines/3/lot"),
                ((List<?>) r.object().get("errors")).stream().map(e -> ((Map<?, ?>) e).get("pointer")).toList());
        assertTrue(r.body().contains("from 0 to 100000000"), r.body());
        assertEquals(422, tooMany.status(), tooMany.body());
        assertTrue(tooMany.body().contains("at most 200 lots"), tooMany.body());
        assertEquals(404, API.call("GET", PATH, PH_FLEYRIAT, null).status());
    }

    @Test
    void the_authorities_see_the_lots_held_by_expiry() {
        // given two PUIs holding lots expiring in 19 days, in 7 months, and one expired
        API.call("PUT", PATH, PH_FLEYRIAT, Map.of("lines", List.of(
                lot("MPOX-MVA-BN", "FDP00077", "2026-12-15", 10, null),
                lot("MPOX-MVA-BN", "FDP00123", "2027-06-30", 40, null))));
        API.call("PUT", "/v1/puis/" + AJACCIO_ET + "/state-stock/" + THURSDAY, PH_AJACCIO, Map.of("lines", List.of(
                lot("MPOX-MVA-BN", "FDP00123", "2027-06-30", 20, null),
                lot("MPOX-MVA-BN", "OLD-1", "2026-10-31", 5, true))));

        // when the nation looks at that Thursday
        Response r = API.call("GET", "/v1/state-stock/lots?date=" + THURSDAY, NATIONAL, null);
        Response ars = API.call("GET", "/v1/state-stock/lots?date=" + THURSDAY + "&region=94", ARS_84, null);

        // then lot FDP00123 sums 60 units in 2 PUIs; 10 units expire within 30 days; 5 are expired
        assertEquals(200, r.status(), r.body());
        assertEquals(2, ((Number) r.object().get("puisDeclared")).intValue());
        Map<?, ?> main = ((List<?>) r.object().get("lots")).stream().map(l -> (Map<?, ?>) l)
                .filter(l -> l.get("lot").equals("FDP00123")).findFirst().orElseThrow();
        assertEquals(60, ((Number) main.get("quantity")).intValue());
        assertEquals(2, ((Number) main.get("puis")).intValue());
        assertEquals(10, ((Number) r.object().get("within30Days")).intValue());
        assertEquals(5, ((Number) r.object().get("expired")).intValue());
        assertEquals(403, ars.status());
    }

    @Test
    void a_pharmacist_sees_the_expiry_of_its_own_pui_lots_only() {
        // given Fleyriat holding a lot expiring in 19 days, one in 7 months and an expired one; Ajaccio another
        API.call("PUT", PATH, PH_FLEYRIAT, Map.of("lines", List.of(
                lot("MPOX-MVA-BN", "FDP00077", "2026-12-15", 10, null),
                lot("MPOX-MVA-BN", "FDP00123", "2027-06-30", 40, null),
                lot("MPOX-MVA-BN", "OLD-1", "2026-10-31", 5, true))));
        API.call("PUT", "/v1/puis/" + AJACCIO_ET + "/state-stock/" + THURSDAY, PH_AJACCIO, Map.of("lines", List.of(
                lot("MPOX-MVA-BN", "FDP00123", "2027-06-30", 20, null))));

        // when Fleyriat's pharmacist reads its PUI's view, and Ajaccio's pharmacist tries to
        String query = "/v1/state-stock/lots?date=" + THURSDAY + "&finessEt=";
        Response own = API.call("GET", query + FLEYRIAT_ET, PH_FLEYRIAT, null);
        Response other = API.call("GET", query + FLEYRIAT_ET, PH_AJACCIO, null);
        Response both = API.call("GET", query + FLEYRIAT_ET + "&region=84", NATIONAL, null);

        // then it sees its own units only, bucketed by expiry; the other is refused; region and PUI together are not
        assertEquals(200, own.status(), own.body());
        assertEquals(1, ((Number) own.object().get("puisDeclared")).intValue());
        assertEquals(List.of("OLD-1:5:EXPIRED", "FDP00077:10:30", "FDP00123:40:LATER"),
                ((List<?>) own.object().get("lots")).stream().map(l -> (Map<?, ?>) l)
                        .map(l -> l.get("lot") + ":" + l.get("quantity") + ":" + l.get("expiresWithin")).toList());
        assertEquals(10, ((Number) own.object().get("within90Days")).intValue());
        assertEquals(5, ((Number) own.object().get("expired")).intValue());
        assertEquals(403, other.status());
        assertEquals(422, both.status(), both.body());
    }

    @Test
    void the_catalogue_is_kept_by_the_national_operator_and_read_by_all() {
        // when a pharmacist edits it, and the nation adds a vaccine whose device is not a device
        Response pharmacist = API.call("PUT", "/v1/state-stock/products/X-1", PH_FLEYRIAT, Map.of("name", "x",
                "kind", "ANTIVIRAL", "unit", "capsule", "packSize", 1));
        Response bad = API.call("PUT", "/v1/state-stock/products/COVID-19", NATIONAL, Map.of("name", "Vaccin COVID-19",
                "kind", "VACCINE", "unit", "dose", "packSize", 0, "devices", List.of(Map.of("code", "TECOVIRIMAT-200", "perUnit", 1))));

        // then 403, and 422 naming the pack size and the device
        assertEquals(403, pharmacist.status());
        assertEquals(422, bad.status(), bad.body());
        assertEquals(List.of("/packSize", "/devices/0/code"),
                ((List<?>) bad.object().get("errors")).stream().map(e -> ((Map<?, ?>) e).get("pointer")).toList());
        assertEquals(3, API.call("GET", "/v1/state-stock/products", SUPPLIER, null).list().size());
    }
}
