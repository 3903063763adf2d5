package fr.dispostock.statestock;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import fr.dispostock.embedded.DynamoDbLocalExtension;
import fr.dispostock.embedded.HttpApiHarness.Response;
import fr.dispostock.platform.fhir.Fhir;
import org.hl7.fhir.r5.model.CodeableConcept;
import org.hl7.fhir.r5.model.CodeableReference;
import org.hl7.fhir.r5.model.Coding;
import org.hl7.fhir.r5.model.DateTimeType;
import org.hl7.fhir.r5.model.InventoryReport;
import org.hl7.fhir.r5.model.InventoryReport.InventoryCountType;
import org.hl7.fhir.r5.model.InventoryReport.InventoryReportInventoryListingComponent;
import org.hl7.fhir.r5.model.InventoryReport.InventoryReportStatus;
import org.hl7.fhir.r5.model.Medication;
import org.hl7.fhir.r5.model.OperationOutcome;
import org.hl7.fhir.r5.model.Quantity;
import org.hl7.fhir.r5.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static fr.dispostock.statestock.StateStockFunction.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Thursday's lots as a FHIR R5 InventoryReport: each lot a contained Medication with its batch. What
 * a client builds with HAPI FHIR's R5 structures is accepted; what we answer is read back by HAPI's
 * parser in strict mode.
 */
@ExtendWith(DynamoDbLocalExtension.class)
class FhirLotTest {
    static final String PATH = "/v1/puis/" + FLEYRIAT_ET + "/state-stock/" + THURSDAY;
    static final Map<String, String> SENDS_FHIR = Map.of("Content-Type", Fhir.MEDIA_TYPE, "Accept", Fhir.MEDIA_TYPE);
    static final String CLIENT_FLEYRIAT = ACCOUNTS.get("CLIENT-own");
    static final FhirContext R5 = FhirContext.forR5Cached();

    @BeforeEach
    void catalogue() {
        registersAndCatalogue();
    }

    static IParser strict() {
        IParser parser = R5.newJsonParser();
        parser.setParserErrorHandler(new StrictErrorHandler());
        return parser;
    }

    /** Lots of {product, lot, expiry, quantity, expired}, each a contained Medication. */
    static InventoryReport lots(Object[]... lots) {
        InventoryReport r = new InventoryReport();
        r.setStatus(InventoryReportStatus.ACTIVE);
        r.setCountType(InventoryCountType.SNAPSHOT);
        r.setReportedDateTimeElement(new DateTimeType("2026-11-26T09:00:00+01:00"));
        for (int i = 0; i < lots.length; i++) {
            Object[] l = lots[i];
            Medication m = new Medication();
            m.setId("m" + i);
            m.setCode(new CodeableConcept(new Coding(Fhir.PRODUCT_SYSTEM, (String) l[0], null)));
            m.getBatch().setLotNumber((String) l[1]).setExpirationDateElement(new DateTimeType((String) l[2]));
            r.addContained(m);
            InventoryReportInventoryListingComponent listing = r.addInventoryListing();
            listing.addItem().setQuantity(new Quantity().setValue(new BigDecimal(l[3].toString())))
                    .setItem(new CodeableReference(new Reference("#m" + i)));
            if (Boolean.TRUE.equals(l[4])) {
                listing.setItemStatus(new CodeableConcept(new Coding(
                        "https://dispostock.sante.gouv.fr/fhir/CodeSystem/lot-status", "expired", null)));
            }
        }
        return r;
    }

    @Test
    void lots_sent_as_an_inventory_report_are_stored_and_answered_as_one() {
        // given two lots, one of them past its expiry with units left
        String body = strict().encodeResourceToString(lots(new Object[]{"MPOX-MVA-BN", "FD1234", "2027-03-31", 40, false},
                new Object[]{"TECOVIRIMAT-200", "T-77", "2026-10-31", 6, true}));

        // when the software sends them, then reads them in FHIR
        Response sent = API.call("PUT", PATH, CLIENT_FLEYRIAT, body, SENDS_FHIR);
        Response read = API.call("GET", PATH, CLIENT_FLEYRIAT, null, Map.of("Accept", Fhir.MEDIA_TYPE));

        // then the JSON view holds both, and HAPI's strict parser reads the same lots back
        assertEquals(200, sent.status(), sent.body());
        assertEquals("[{productCode=MPOX-MVA-BN, lot=FD1234, expiry=2027-03-31, quantity=40, expired=false}, "
                        + "{productCode=TECOVIRIMAT-200, lot=T-77, expiry=2026-10-31, quantity=6, expired=true}]",
                String.valueOf(API.call("GET", PATH, PH_FLEYRIAT, null).object().get("lines")));
        assertEquals(200, read.status(), read.body());
        InventoryReport report = strict().parseResource(InventoryReport.class, read.body());
        assertEquals(2, report.getContained().size());
        Medication second = (Medication) report.getContained().get(1);
        assertEquals("T-77", second.getBatch().getLotNumber());
        assertEquals("2026-10-31", second.getBatch().getExpirationDateElement().getValueAsString());
        assertEquals("expired", report.getInventoryListing().get(1).getItemStatus().getCodingFirstRep().getCode());
        assertEquals("#lot1", report.getInventoryListing().get(1).getItemFirstRep().getItem()
                .getReference().getReference());
        assertTrue(second.getId().endsWith("lot1"), second.getId());
    }

    @Test
    void every_bad_lot_element_is_an_issue_with_its_expression_and_nothing_is_stored() {
        // given a lot of a device, a lot past its expiry not said expired, a listing referring to nothing
        InventoryReport r = lots(new Object[]{"SYRINGE-1ML", "S1", "2028-01-01", 5, false},
                new Object[]{"TECOVIRIMAT-200", "T-77", "2026-10-31", 6, false});
        r.addInventoryListing().addItem().setQuantity(new Quantity().setValue(1))
                .setItem(new CodeableReference(new Reference("#nothing")));

        // when it is sent (written by HAPI's lenient writer: its strict one refuses the dangling reference too)
        Response answer = API.call("PUT", PATH, CLIENT_FLEYRIAT, R5.newJsonParser().encodeResourceToString(r), SENDS_FHIR);

        // then an OperationOutcome names each element, and no lots are stored
        assertEquals(422, answer.status(), answer.body());
        OperationOutcome outcome = strict().parseResource(OperationOutcome.class, answer.body());
        assertEquals(List.of("InventoryReport.inventoryListing[2].item[0].item.reference.reference",
                        "InventoryReport.contained[0].code.coding[0].code",
                        "InventoryReport.inventoryListing[1].itemStatus"),
                outcome.getIssue().stream().map(i -> i.getExpression().get(0).getValue()).toList());
        assertEquals(404, API.call("GET", PATH, PH_FLEYRIAT, null).status());
    }
}
