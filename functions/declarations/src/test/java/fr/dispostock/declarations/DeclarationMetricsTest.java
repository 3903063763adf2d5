package fr.dispostock.declarations;

import fr.dispostock.embedded.CapturedOutput;
import fr.dispostock.embedded.DynamoDbLocalExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static fr.dispostock.declarations.DeclarationsFunction.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The business metrics of the declarations (EMF records on stdout, as CloudWatch reads them). */
@ExtendWith(DynamoDbLocalExtension.class)
class DeclarationMetricsTest {
    static final String PATH = "/v1/puis/" + FLEYRIAT_ET + "/declarations/";

    @BeforeEach
    void registersOfTwoRegions() {
        registers();
    }

    @Test
    void a_declaration_counts_once_received_a_late_one_also_late_a_refused_one_rejected_and_a_retry_nothing() {
        try (CapturedOutput out = CapturedOutput.start()) {
            // when a PUI declares this week on Monday, sends it again (a retry), declares last week (late),
            // corrects this week, and sends a bad declaration
            Map<String, Object> figures = lines(line("cisplatine", 120, 8), line("lomustine", 0, 0.5));
            assertEquals(200, API.call("PUT", PATH + WEEK, PH_FLEYRIAT, figures).status());
            assertEquals(200, API.call("PUT", PATH + WEEK, PH_FLEYRIAT, figures).status());
            assertEquals(200, API.call("PUT", PATH + "2026-W47", PH_FLEYRIAT, figures).status());
            assertEquals(200, API.call("PUT", PATH + WEEK, PH_FLEYRIAT, lines(line("cisplatine", 100, 8))).status());
            assertEquals(422, API.call("PUT", PATH + WEEK, PH_FLEYRIAT, lines(line("cisplatine", -1, 8))).status());

            // then three declarations were received, one late, one rejected: in namespace Dispostock,
            // dimension service = the function's name
            assertEquals(3, out.total("DeclarationsReceived"));
            assertEquals(1, out.total("DeclarationsLate"));
            assertEquals(1, out.total("DeclarationsRejected"));
            Map<String, Object> emf = out.metric("DeclarationsLate").get(0);
            assertEquals("declarations", emf.get("service"));
            assertEquals(List.of(Map.of("Namespace", "Dispostock", "Dimensions", List.of(List.of("service")),
                    "Metrics", List.of(Map.of("Name", "DeclarationsLate", "Unit", "Count")))),
                    ((Map<?, ?>) emf.get("_aws")).get("CloudWatchMetrics"));
        }
    }
}
