package fr.dispostock.registers;

import fr.dispostock.embedded.DynamoDbLocalExtension;
import fr.dispostock.embedded.HttpApiHarness.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static fr.dispostock.registers.RegistersFunction.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(DynamoDbLocalExtension.class)
class EstablishmentRoutesTest {

    @BeforeEach
    void emptyRegisters() {
        DynamoDbLocalExtension.dynamoDb().deleteAllItems("RegistersTable");
    }

    @Test
    void importing_the_finess_extract_creates_every_site_once_and_a_second_import_changes_nothing() {
        // given the FINESS rows of Ain and Corse-du-Sud
        String csv = finessSlice();
        int rows = (int) csv.lines().count() - 1;

        // when the national operator imports them twice
        Response first = API.call("POST", "/v1/establishments/import", NATIONAL, csv);
        Response second = API.call("POST", "/v1/establishments/import", NATIONAL, csv);

        // then every row is a created site the first time, and unchanged the second
        assertEquals(200, first.status(), first.body());
        assertEquals(rows, ((Number) first.object().get("created")).intValue());
        assertEquals(List.of(), first.object().get("rejected"));
        assertEquals(0, ((Number) second.object().get("created")).intValue());
        assertEquals(0, ((Number) second.object().get("updated")).intValue());
        assertEquals(rows, ((Number) second.object().get("unchanged")).intValue());
    }

    @Test
    void an_ars_import_rejects_the_rows_of_other_regions_and_bad_numbers_line_by_line() {
        // given a file with a row of its region, a Corsican row, and a FINESS whose check digit is wrong
        String csv = String.join("\n",
                "nofinesset;nofinessej;rs;categetab;code_departement;code_region",
                "010000024;010780054;CH DE FLEYRIAT;355;01;84",
                "2A0000022;2A0000014;CH ND LA MISERICORDE;355;2A;94",
                "010000025;010780054;TYPO;355;01;84",
                "010000032;010780062;CH HAUT BUGEY;355;02;84");

        // when the ARS of Auvergne-Rhône-Alpes imports it
        Response r = API.call("POST", "/v1/establishments/import", ARS_84, csv);

        // then only its valid row is loaded, and each other line says why it was refused
        assertEquals(200, r.status(), r.body());
        assertEquals(1, ((Number) r.object().get("created")).intValue());
        List<?> rejected = (List<?>) r.object().get("rejected");
        assertEquals(List.of(3, 4, 5), rejected.stream().map(x -> ((Number) ((Map<?, ?>) x).get("line")).intValue()).toList());
        assertTrue(rejected.get(0).toString().contains("region 94"), rejected.toString());
        assertTrue(rejected.get(1).toString().contains("check digit"), rejected.toString());
        assertTrue(rejected.get(2).toString().contains("département"), rejected.toString());
        assertEquals(404, API.call("GET", "/v1/establishments/2A0000014", NATIONAL, null).status());
    }

    @Test
    void an_ars_keeps_the_sites_of_its_region_but_registers_no_legal_entity_of_another_region() {
        // given Santélys, legal entity 210012290 of Côte-d'Or (region 27), with a dialysis unit in Ain (84)
        String ain = String.join("\n", "nofinesset;nofinessej;rs;code_departement",
                "010789006;210012290;UNITE DE DIALYSE BOURG EN BRESSE;01",
                "010000024;010780054;CH DE FLEYRIAT;01");

        // when the ARS of Auvergne-Rhône-Alpes imports it before Santélys is registered
        Response early = API.call("POST", "/v1/establishments/import", ARS_84, ain);

        // then its own legal entity's site is loaded, Santélys' row is refused naming the rightful region
        assertEquals(200, early.status(), early.body());
        assertEquals(1, ((Number) early.object().get("created")).intValue());
        List<?> rejected = (List<?>) early.object().get("rejected");
        assertEquals(1, rejected.size(), early.body());
        assertTrue(rejected.get(0).toString().contains("region 27"), early.body());
        assertEquals(404, API.call("GET", "/v1/establishments/210012290", NATIONAL, null).status());
        assertEquals(403, API.call("PUT", "/v1/establishments/210012290", ARS_84,
                Map.of("name", "SANTELYS", "region", "27", "departement", "21")).status());

        // when the national operator registers Santélys from its seat's row, and the ARS imports again
        assertEquals(200, API.call("POST", "/v1/establishments/import", NATIONAL,
                "nofinesset;nofinessej;rs;code_departement\n210010484;210012290;SANTELYS BFC ETABLISSEMENT SIEGE;21").status());
        Response later = API.call("POST", "/v1/establishments/import", ARS_84, ain);

        // then the Ain site joins Santélys, which stays of region 27, and its PUI is of region 84
        assertEquals(1, ((Number) later.object().get("created")).intValue(), later.body());
        Response santelys = API.call("GET", "/v1/establishments/210012290", NATIONAL, null);
        assertEquals("27", santelys.object().get("region"));
        assertEquals("21", santelys.object().get("departement"));
        Response pui = API.call("PUT", "/v1/puis/010789006", ARS_84, puiBody("210012290"));
        assertEquals(201, pui.status(), pui.body());
        assertEquals(403, API.call("GET", "/v1/puis/010789006", ARS_94, null).status());
    }

    @Test
    void the_finess_number_says_the_region_of_an_establishment_whatever_the_body_claims() {
        // given the ARS of region 84 claiming a Côte-d'Or legal entity (region 27) for its region
        Map<String, Object> claim = Map.of("name", "SANTELYS", "region", "84", "departement", "01");

        // when it puts it, and the national operator puts it without region nor département
        Response claimed = API.call("PUT", "/v1/establishments/210012290", ARS_84, claim);
        Response derived = API.call("PUT", "/v1/establishments/210012290", NATIONAL, Map.of("name", "SANTELYS"));

        // then the claim is refused naming the number's region, and the region comes from the number
        assertEquals(422, claimed.status(), claimed.body());
        assertTrue(claimed.body().contains("its region is 27"), claimed.body());
        assertEquals(201, derived.status(), derived.body());
        assertEquals("27", derived.object().get("region"));
        assertEquals("21", derived.object().get("departement"));
    }

    @Test
    void a_file_without_the_official_columns_is_refused_whole_and_writes_nothing() {
        // given a CSV that lacks nofinessej and code_departement
        String csv = "nofinesset;rs\n010000024;CH DE FLEYRIAT";

        // when it is imported
        Response r = API.call("POST", "/v1/establishments/import", NATIONAL, csv);

        // then 422 names both missing columns, and nothing exists
        assertEquals(422, r.status(), r.body());
        assertEquals("application/problem+json", r.header("Content-Type"));
        assertEquals(2, ((List<?>) r.object().get("errors")).size(), r.body());
        assertEquals(404, API.call("GET", "/v1/establishments/" + CH_FLEYRIAT_EJ, NATIONAL, null).status());
    }

    @Test
    void a_site_keeps_the_wgs84_coordinates_of_the_finess_extract() {
        // given the imported extract: CH de Fleyriat at 46.222745, 5.208596 (Viriat, Ain)
        importSlice();

        // when its establishment is read
        Response r = API.call("GET", "/v1/establishments/" + CH_FLEYRIAT_EJ, NATIONAL, null);

        // then its site carries them, as numbers
        Map<?, ?> site = ((List<?>) r.object().get("sites")).stream().map(x -> (Map<?, ?>) x)
                .filter(x -> CH_FLEYRIAT_ET.equals(x.get("finessEt"))).findFirst().orElseThrow();
        assertEquals(46.222745, ((Number) site.get("latitude")).doubleValue(), 1e-9);
        assertEquals(5.208596, ((Number) site.get("longitude")).doubleValue(), 1e-9);
    }

    @Test
    void coordinates_are_optional_but_a_row_with_half_a_pair_or_degrees_out_of_range_is_refused() {
        // given a site without coordinates, then a latitude of 146, a latitude alone, a longitude that is no number
        String csv = String.join("\n", "nofinesset;nofinessej;rs;code_departement;latitude;longitude",
                "010000024;010780054;CH DE FLEYRIAT;01;;",
                "010000032;010780062;CH HAUT BUGEY;01;146.2;5.68",
                "010000107;010780138;CH DE PONT DE VAUX;01;46.432669;",
                "010000131;010009132;CHI AIN VAL DE SAONE;01;46.172268;4,804189");

        // when the national operator imports it
        Response r = API.call("POST", "/v1/establishments/import", NATIONAL, csv);

        // then the first site is created without coordinates, and each other line says which value is wrong
        assertEquals(200, r.status(), r.body());
        assertEquals(1, ((Number) r.object().get("created")).intValue(), r.body());
        List<?> rejected = (List<?>) r.object().get("rejected");
        assertEquals(List.of(3, 4, 5), rejected.stream().map(x -> ((Number) ((Map<?, ?>) x).get("line")).intValue()).toList());
        assertTrue(rejected.get(0).toString().contains("latitude 146.2 is not between -90 and 90"), rejected.toString());
        assertTrue(rejected.get(1).toString().contains("both or neither"), rejected.toString());
        assertTrue(rejected.get(2).toString().contains("longitude: 4,804189 is not a number"), rejected.toString());
        Map<?, ?> site = (Map<?, ?>) ((List<?>) API.call("GET", "/v1/establishments/" + CH_FLEYRIAT_EJ, NATIONAL, null)
                .object().get("sites")).get(0);
        assertNull(site.get("latitude"));
        assertNull(site.get("longitude"));
    }

    @Test
    void an_establishment_is_read_with_its_sites_and_listed_in_its_region() {
        // given the imported extract
        importSlice();

        // when its pharmacist reads it, and the ARS lists its region
        Response one = API.call("GET", "/v1/establishments/" + CH_FLEYRIAT_EJ, PHARMACIST_FLEYRIAT, null);
        Response list = API.call("GET", "/v1/establishments?region=84", ARS_84, null);

        // then the establishment has its region, département, sites and version
        assertEquals(200, one.status(), one.body());
        assertEquals("84", one.object().get("region"));
        assertEquals("01", one.object().get("departement"));
        assertEquals("\"1\"", one.header("ETag"));
        assertTrue(one.body().contains(CH_FLEYRIAT_ET));
        assertEquals(200, list.status());
        assertTrue(list.list().size() > 10);
        assertTrue(list.list().stream().allMatch(e -> "84".equals(((Map<?, ?>) e).get("region"))));
    }

    @Test
    void an_ars_whose_token_names_no_region_is_told_its_account_has_none_not_that_the_route_is_the_nations() {
        // given an ARS agent whose token carries no region
        importSlice();
        String noRegion = TOKENS.token("ars-sans-region", "agent@ars.sante.fr", List.of("ARS"), List.of(), null);

        // when it lists its register, without naming a region and naming one
        Response own = API.call("GET", "/v1/establishments", noRegion, null);
        Response named = API.call("GET", "/v1/establishments?region=84", noRegion, null);

        // then both are refused as problem+json saying the true cause
        for (Response r : List.of(own, named)) {
            assertEquals(403, r.status(), r.body());
            assertEquals("application/problem+json", r.header("Content-Type"));
            assertEquals("Your account has no region: ask the national operator to attach one.", r.object().get("detail"));
        }
        // and the national operator, naming no region, still lists every region
        assertEquals(200, API.call("GET", "/v1/establishments", NATIONAL, null).status());
    }

    @Test
    void the_list_of_a_region_carries_each_establishments_sites_and_puis_so_that_it_is_searched_by_commune() {
        // given the imported extract and Fleyriat's PUI
        importSlice();
        Response pui = API.call("PUT", "/v1/puis/" + CH_FLEYRIAT_ET, ARS_84, puiBody(CH_FLEYRIAT_EJ));
        assertEquals(201, pui.status(), pui.body());

        // when the ARS lists its region
        Response list = API.call("GET", "/v1/establishments?region=84", ARS_84, null);

        // then Fleyriat comes with its site, its commune and its PUI
        Map<?, ?> fleyriat = list.list().stream().map(e -> (Map<?, ?>) e)
                .filter(e -> CH_FLEYRIAT_EJ.equals(e.get("finessEj"))).findFirst().orElseThrow();
        List<?> sites = (List<?>) fleyriat.get("sites");
        assertTrue(sites.stream().anyMatch(st -> CH_FLEYRIAT_ET.equals(((Map<?, ?>) st).get("finessEt"))
                && "VIRIAT".equals(((Map<?, ?>) st).get("city"))), sites.toString());
        assertEquals(List.of(CH_FLEYRIAT_ET), fleyriat.get("puis"));
    }

    @Test
    void updates_need_the_version_read_and_of_two_concurrent_updates_one_wins() {
        // given an imported establishment at version 1
        importSlice();
        Map<String, Object> body = new HashMap<>(Map.of("name", "CH de Bourg-en-Bresse (Fleyriat)", "region", "84",
                "departement", "01", "category", "Centres Hospitaliers", "status", "OPEN"));
        String path = "/v1/establishments/" + CH_FLEYRIAT_EJ;

        // when an update comes without If-Match, with a stale one, and two come at once with version 1
        Response without = API.call("PUT", path, ARS_84, body);
        Response stale = API.call("PUT", path, ARS_84, body, Map.of("If-Match", "\"7\""));
        CompletableFuture<Response> a = CompletableFuture.supplyAsync(() -> API.call("PUT", path, ARS_84, body, Map.of("If-Match", "\"1\"")));
        CompletableFuture<Response> b = CompletableFuture.supplyAsync(() -> API.call("PUT", path, NATIONAL, body, Map.of("If-Match", "\"1\"")));
        List<Integer> statuses = List.of(a.join().status(), b.join().status()).stream().sorted().toList();

        // then 428, 412, and exactly one of the concurrent updates wins
        assertEquals(428, without.status(), without.body());
        assertEquals(412, stale.status(), stale.body());
        assertEquals(List.of(200, 412), statuses);
        Response now = API.call("GET", path, NATIONAL, null);
        assertEquals(2, ((Number) now.object().get("version")).intValue());
        assertEquals("CH de Bourg-en-Bresse (Fleyriat)", now.object().get("name"));
    }

    @Test
    void every_change_is_in_the_audit_trail_with_who_before_and_after() {
        // given an establishment renamed by its ARS
        importSlice();
        String path = "/v1/establishments/" + CH_FLEYRIAT_EJ;
        API.call("PUT", path, ARS_84, Map.of("name", "CH Fleyriat", "region", "84", "departement", "01"),
                Map.of("If-Match", "1"));

        // when the ARS reads its audit trail
        Response audit = API.call("GET", path + "/audit", ARS_84, null);

        // then the newest entry says who renamed it, from what, to what
        assertEquals(200, audit.status(), audit.body());
        Map<?, ?> newest = (Map<?, ?>) audit.list().get(0);
        assertEquals("UPDATE", newest.get("action"));
        assertTrue(newest.get("by").toString().contains("agent@ars.sante.fr"));
        assertEquals("CH DE FLEYRIAT", ((Map<?, ?>) newest.get("before")).get("name"));
        assertEquals("CH Fleyriat", ((Map<?, ?>) newest.get("after")).get("name"));
        assertEquals("IMPORT", ((Map<?, ?>) audit.list().get(audit.list().size() - 1)).get("action"));
        assertNull(((Map<?, ?>) audit.list().get(audit.list().size() - 1)).get("before"));
    }

    @Test
    void a_bad_establishment_gets_every_problem_at_once_and_nothing_is_written() {
        // given a body with a blank name, an unknown region and a département of another region
        Map<String, Object> body = Map.of("name", " ", "region", "99", "departement", "2A", "status", "SHUT");

        // when the national operator sends it
        Response r = API.call("PUT", "/v1/establishments/" + CH_FLEYRIAT_EJ, NATIONAL, body);

        // then 422 lists each field, and the establishment does not exist
        assertEquals(422, r.status(), r.body());
        List<?> errors = (List<?>) r.object().get("errors");
        List<String> pointers = errors.stream().map(e -> (String) ((Map<?, ?>) e).get("pointer")).toList();
        assertEquals(List.of("/name", "/region", "/departement", "/status"), pointers);
        assertNotNull(r.object().get("title"));
        assertEquals(404, API.call("GET", "/v1/establishments/" + CH_FLEYRIAT_EJ, NATIONAL, null).status());
    }

    @Test
    void a_finess_number_whose_check_digit_fails_is_refused_with_the_reason() {
        // when a number with a typo is asked for
        Response r = API.call("GET", "/v1/establishments/010780055", NATIONAL, null);

        // then 422 says the check digit fails
        assertEquals(422, r.status(), r.body());
        assertTrue(r.object().get("detail").toString().contains("check digit"), r.body());
    }
}
