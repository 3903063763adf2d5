package fr.dispostock.registers;

import fr.dispostock.embedded.DynamoDbLocalExtension;
import fr.dispostock.embedded.HttpApiHarness.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static fr.dispostock.registers.RegistersFunction.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(DynamoDbLocalExtension.class)
class MedicineRoutesTest {

    /** CISPLATYL 25 mg (UCD 9019840) and BELUSTINE 40 mg (UCD 9009994), from the CNAM UCD file. */
    static Map<String, Object> nationalItem(String... ucds) {
        return new HashMap<>(Map.of("label", "Cisplatine 25 mg", "ucds", List.of(ucds),
                "priority", Map.of("level", "NATIONAL", "regions", List.of()), "trackingStart", "2026-11-02"));
    }

    @BeforeEach
    void emptyRegisters() {
        DynamoDbLocalExtension.dynamoDb().deleteAllItems("RegistersTable");
    }

    @Test
    void a_group_of_ucd_codes_in_any_accepted_form_is_stored_in_the_13_digit_form() {
        // when the national operator tracks an item given as UCD7 and zero-padded UCD
        Response r = API.call("PUT", "/v1/medicines/cisplatine-25", NATIONAL, nationalItem("9019840", "0000009009994"));

        // then the codes are kept as UCD13 with their check digit
        assertEquals(201, r.status(), r.body());
        assertEquals(List.of("3400890198400", "3400890099943"), r.object().get("ucds"));
    }

    @Test
    void every_bad_code_and_field_is_listed_and_nothing_is_written() {
        // given a wrong check digit, a duplicate, a regional item with a national-only list, and an end before start
        Map<String, Object> body = new HashMap<>(nationalItem("3400890099944", "9019840", "9019840"));
        body.put("priority", Map.of("level", "REGIONAL", "regions", List.of()));
        body.put("trackingEnd", "2026-01-01");

        // when it is sent
        Response r = API.call("PUT", "/v1/medicines/cisplatine-25", NATIONAL, body);

        // then each problem has its pointer
        assertEquals(422, r.status(), r.body());
        List<String> pointers = ((List<?>) r.object().get("errors")).stream()
                .map(e -> (String) ((Map<?, ?>) e).get("pointer")).toList();
        assertEquals(List.of("/ucds/0", "/ucds/2", "/priority/regions", "/trackingEnd"), pointers);
        assertEquals(404, API.call("GET", "/v1/medicines/cisplatine-25", NATIONAL, null).status());
    }

    @Test
    void more_ucd_codes_than_one_dynamodb_transaction_can_write_are_refused_naming_the_limit() {
        // given an item of 50 UCD codes, 1 more than the 49 whose claims fit one transaction with the item
        String[] ucds = java.util.stream.IntStream.range(0, 50).mapToObj(i -> String.format("90%05d", i))
                .toArray(String[]::new);

        // when the national operator puts it, and an item tracked from 1900
        Response tooMany = API.call("PUT", "/v1/medicines/group-50", NATIONAL, nationalItem(ucds));
        Map<String, Object> old = nationalItem("9019840");
        old.put("trackingStart", "1900-01-01");
        Response tooOld = API.call("PUT", "/v1/medicines/from-1900", NATIONAL, old);

        // then 422 names the list and its limit, and the date window; nothing is written
        assertEquals(422, tooMany.status(), tooMany.body());
        assertTrue(tooMany.body().contains("at most 49 UCD codes"), tooMany.body());
        assertEquals(422, tooOld.status(), tooOld.body());
        assertTrue(tooOld.body().contains("from 2000-01-01 to 2099-12-31"), tooOld.body());
        assertEquals(404, API.call("GET", "/v1/medicines/group-50", NATIONAL, null).status());
        assertEquals(404, API.call("GET", "/v1/medicines/from-1900", NATIONAL, null).status());
    }

    @Test
    void a_ucd_code_belongs_to_one_tracked_item_only() {
        // given an item holding UCD 9019840
        API.call("PUT", "/v1/medicines/cisplatine-25", NATIONAL, nationalItem("9019840"));

        // when another item claims it
        Response r = API.call("PUT", "/v1/medicines/cisplatine-generiques", NATIONAL, nationalItem("9009994", "9019840"));

        // then it is refused, naming the holder
        assertEquals(422, r.status(), r.body());
        assertTrue(r.body().contains("cisplatine-25"), r.body());
    }

    @Test
    void a_ucd_code_dropped_from_an_item_is_free_for_another() {
        // given an item holding UCD 9019840 and 9009994
        API.call("PUT", "/v1/medicines/cisplatine-25", NATIONAL, nationalItem("9019840", "9009994"));

        // when it drops 9009994, and another item claims that code
        Response dropped = API.call("PUT", "/v1/medicines/cisplatine-25", NATIONAL, nationalItem("9019840"), Map.of("If-Match", "1"));
        Response claimed = API.call("PUT", "/v1/medicines/belustine-40", NATIONAL, nationalItem("9009994"));

        // then the other item holds it
        assertEquals(200, dropped.status(), dropped.body());
        assertEquals(201, claimed.status(), claimed.body());
        assertEquals(List.of("3400890099943"), API.call("GET", "/v1/medicines/belustine-40", NATIONAL, null).object().get("ucds"));
    }

    @Test
    void ending_tracking_keeps_the_item_which_leaves_the_list_of_the_day_and_can_come_back() {
        // given a tracked item
        API.call("PUT", "/v1/medicines/cisplatine-25", NATIONAL, nationalItem("9019840"));
        Map<String, Object> ended = nationalItem("9019840");
        ended.put("trackingEnd", "2026-11-30");

        // when its tracking ends on 30 November
        Response r = API.call("PUT", "/v1/medicines/cisplatine-25", NATIONAL, ended, Map.of("If-Match", "1"));

        // then it is listed on 30 November, not on 1 December, and still readable
        assertEquals(200, r.status(), r.body());
        assertEquals(1, API.call("GET", "/v1/medicines?activeOn=2026-11-30", ARS_84, null).list().size());
        assertEquals(0, API.call("GET", "/v1/medicines?activeOn=2026-12-01", ARS_84, null).list().size());
        assertEquals(200, API.call("GET", "/v1/medicines/cisplatine-25", PHARMACIST_FLEYRIAT, null).status());
    }

    @Test
    void an_ars_keeps_regional_items_of_its_region_which_other_regions_do_not_declare() {
        // given a regional item of Auvergne-Rhône-Alpes
        Map<String, Object> regional = nationalItem("9009994");
        regional.put("priority", Map.of("level", "REGIONAL", "regions", List.of("84")));

        // when its ARS adds it, and tries a national one
        Response own = API.call("PUT", "/v1/medicines/lomustine-ara", ARS_84, regional);
        Response national = API.call("PUT", "/v1/medicines/cisplatine-25", ARS_84, nationalItem("9019840"));

        // then the regional one exists and concerns region 84 only
        assertEquals(201, own.status(), own.body());
        assertEquals(403, national.status(), national.body());
        assertEquals(1, API.call("GET", "/v1/medicines?region=84", PHARMACIST_FLEYRIAT, null).list().size());
        assertEquals(0, API.call("GET", "/v1/medicines?region=94", PHARMACIST_FLEYRIAT, null).list().size());
    }
}
