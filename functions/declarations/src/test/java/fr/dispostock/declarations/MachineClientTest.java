package fr.dispostock.declarations;

import fr.dispostock.embedded.DynamoDbLocalExtension;
import fr.dispostock.embedded.HttpApiHarness.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static fr.dispostock.declarations.DeclarationsFunction.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A hospital's stock software declares through the API with a client-credentials token: for its own
 * establishment, recorded under its client id, and a retry of the same week changes nothing.
 */
@ExtendWith(DynamoDbLocalExtension.class)
class MachineClientTest {
    static final String PATH = "/v1/puis/" + FLEYRIAT_ET + "/declarations/" + WEEK;

    @BeforeEach
    void registersOfTwoRegions() {
        registers();
    }

    @Test
    void the_software_declares_its_week_and_the_history_names_it_beside_the_pharmacist() {
        // given the software's declaration, then a pharmacist's correction
        Response sent = API.call("PUT", PATH, CLIENT_FLEYRIAT, lines(line("cisplatine", 10, 1), line("lomustine", 0, 0)));
        API.call("PUT", PATH, PH_FLEYRIAT, lines(line("cisplatine", 12, 1), line("lomustine", 0, 0)));

        // when the ARS reads the week and its history
        Response history = API.call("GET", PATH + "/history", ARS_84, null);

        // then the software is named as the declarant of the earlier revision, the pharmacist of the current one
        assertEquals(200, sent.status(), sent.body());
        assertEquals("client:logiciel-own", sent.object().get("declaredBy"));
        assertEquals("ph-own <ph@own.fr>", API.call("GET", PATH, ARS_84, null).object().get("declaredBy"));
        assertEquals(List.of("client:logiciel-own"), ((List<?>) history.object().get("revisions")).stream()
                .map(r -> ((Map<?, ?>) r).get("declaredBy")).toList());
    }

    @Test
    void a_retry_of_the_same_week_by_the_software_is_a_no_op() {
        // given a declaration sent by the software
        Map<String, Object> body = lines(line("cisplatine", 10, 1.5));
        Response first = API.call("PUT", PATH, CLIENT_FLEYRIAT, body);

        // when it sends the same week again (its answer was lost)
        Response retry = API.call("PUT", PATH, CLIENT_FLEYRIAT, body);

        // then the same answer, and no revision was added
        assertEquals(200, retry.status(), retry.body());
        assertEquals(first.object().get("declaredAt"), retry.object().get("declaredAt"));
        assertEquals(0, ((Number) API.call("GET", PATH, CLIENT_FLEYRIAT, null).object().get("revisions")).intValue());
    }

    @Test
    void a_client_token_naming_no_establishment_or_two_is_not_a_valid_token() {
        // given client tokens bound to no establishment, and to two
        Instant later = Instant.now().plusSeconds(600);
        String none = TOKENS.clientToken("logiciel", List.of(), later);
        String two = TOKENS.clientToken("logiciel", List.of(FLEYRIAT_EJ, AJACCIO_EJ), later);

        // when each reads the expected items of Fleyriat
        Response byNone = API.call("GET", PATH + "/expected", none, null);
        Response byTwo = API.call("GET", PATH + "/expected", two, null);

        // then both are refused as invalid tokens
        assertEquals(401, byNone.status(), byNone.body());
        assertEquals(401, byTwo.status(), byTwo.body());
    }

    @Test
    void an_expired_client_token_is_refused() {
        // given a client token that expired a minute ago
        String expired = TOKENS.clientToken("logiciel-own", List.of(FLEYRIAT_EJ), Instant.now().minusSeconds(60));

        // when it declares
        Response r = API.call("PUT", PATH, expired, lines(line("cisplatine", 10, 1)));

        // then 401 and nothing stored
        assertEquals(401, r.status(), r.body());
        assertEquals(404, API.call("GET", PATH, PH_FLEYRIAT, null).status());
    }
}
