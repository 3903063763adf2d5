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
class PuiRoutesTest {

    @BeforeEach
    void registersWithTheFinessExtract() {
        DynamoDbLocalExtension.dynamoDb().deleteAllItems("RegistersTable");
        importSlice();
    }

    @Test
    void a_pharmacist_registers_the_pui_of_a_site_of_their_establishment() {
        // when the establishment's pharmacist gives the PUI's contact details
        Response created = API.call("PUT", "/v1/puis/" + CH_FLEYRIAT_ET, PHARMACIST_FLEYRIAT, puiBody(CH_FLEYRIAT_EJ));

        // then it exists, named after its site, in the establishment's region, listed by the establishment
        assertEquals(201, created.status(), created.body());
        Response read = API.call("GET", "/v1/puis/" + CH_FLEYRIAT_ET, PHARMACIST_FLEYRIAT, null);
        assertEquals("CH DE FLEYRIAT", read.object().get("name"));
        assertEquals("84", read.object().get("region"));
        assertEquals("01440", ((Map<?, ?>) read.object().get("deliveryAddress")).get("postalCode"));
        Response establishment = API.call("GET", "/v1/establishments/" + CH_FLEYRIAT_EJ, ARS_84, null);
        assertEquals(List.of(CH_FLEYRIAT_ET), establishment.object().get("puis"));
    }

    @Test
    void contact_details_without_email_and_with_a_bad_address_are_refused_listing_every_field() {
        // given a body without e-mail, with a bad phone and an address without city and a 4-digit postal code
        Map<String, Object> body = Map.of("finessEj", CH_FLEYRIAT_EJ, "phone", "call me",
                "deliveryAddress", Map.of("line1", "900 route de Paris", "postalCode", "1440"));

        // when the pharmacist sends it
        Response r = API.call("PUT", "/v1/puis/" + CH_FLEYRIAT_ET, PHARMACIST_FLEYRIAT, body);

        // then every problem is named, and no PUI was written
        assertEquals(422, r.status(), r.body());
        List<String> pointers = ((List<?>) r.object().get("errors")).stream()
                .map(e -> (String) ((Map<?, ?>) e).get("pointer")).toList();
        assertEquals(List.of("/email", "/phone", "/deliveryAddress/postalCode", "/deliveryAddress/city"), pointers);
        assertEquals(404, API.call("GET", "/v1/puis/" + CH_FLEYRIAT_ET, NATIONAL, null).status());
    }

    @Test
    void control_and_invisible_characters_are_refused_in_names_emails_and_addresses() {
        // given a NUL in the name, a zero-width space in the e-mail, a right-to-left override in the city
        // and a line break in the first address line
        Map<String, Object> body = Map.of("finessEj", CH_FLEYRIAT_EJ, "name", "PUI\u0000 Fleyriat",
                "email", "pharmacie\u200B@ch-bourg.fr", "deliveryAddress", Map.of("line1", "900 route\nde Paris",
                        "postalCode", "01440", "city", "\u202EtairyiV"));

        // when the pharmacist sends it
        Response r = API.call("PUT", "/v1/puis/" + CH_FLEYRIAT_ET, PHARMACIST_FLEYRIAT, body);

        // then each field is named with the character refused, and no PUI was written
        assertEquals(422, r.status(), r.body());
        List<String> pointers = ((List<?>) r.object().get("errors")).stream()
                .map(e -> (String) ((Map<?, ?>) e).get("pointer")).toList();
        assertEquals(List.of("/name", "/email", "/deliveryAddress/line1", "/deliveryAddress/city"), pointers);
        assertTrue(r.body().contains("U+200B"), r.body());
        assertEquals(404, API.call("GET", "/v1/puis/" + CH_FLEYRIAT_ET, NATIONAL, null).status());
    }

    @Test
    void a_pui_must_be_a_site_of_its_establishment_in_the_finess_register() {
        // given the site of another establishment (CH Haut Bugey, 010000032)
        // when the pharmacist of CH Fleyriat registers it under CH Fleyriat
        Response r = API.call("PUT", "/v1/puis/010000032", PHARMACIST_FLEYRIAT, puiBody(CH_FLEYRIAT_EJ));

        // then it is refused on the site number
        assertEquals(422, r.status(), r.body());
        assertTrue(r.body().contains("/finessEt"), r.body());
    }

    @Test
    void a_pharmacist_of_another_establishment_can_neither_read_nor_change_the_pui() {
        // given a registered PUI
        API.call("PUT", "/v1/puis/" + CH_FLEYRIAT_ET, PHARMACIST_FLEYRIAT, puiBody(CH_FLEYRIAT_EJ));
        Map<String, Object> hijack = new HashMap<>(puiBody(CH_FLEYRIAT_EJ));
        hijack.put("email", "attacker@example.org");

        // when a pharmacist of a Corsican establishment tries
        Response read = API.call("GET", "/v1/puis/" + CH_FLEYRIAT_ET, PHARMACIST_ELSEWHERE, null);
        Response write = API.call("PUT", "/v1/puis/" + CH_FLEYRIAT_ET, PHARMACIST_ELSEWHERE, hijack, Map.of("If-Match", "1"));

        // then both are forbidden and the e-mail is unchanged
        assertEquals(403, read.status());
        assertEquals(403, write.status());
        assertEquals("pui@ch-fleyriat.fr", API.call("GET", "/v1/puis/" + CH_FLEYRIAT_ET, NATIONAL, null).object().get("email"));
    }
}
