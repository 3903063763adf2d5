package fr.dispostock.declarations;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import fr.dispostock.domain.BusinessMetric;
import fr.dispostock.domain.Caller;
import fr.dispostock.domain.Finess;
import fr.dispostock.domain.Role;
import fr.dispostock.domain.Ucd;
import fr.dispostock.domain.declaration.DeclarationStore;
import fr.dispostock.domain.register.RegisterStore;
import fr.dispostock.embedded.DynamoDbLocalExtension;
import fr.dispostock.embedded.HttpApiHarness.Response;
import fr.dispostock.platform.fhir.Fhir;
import io.micronaut.http.HttpRequest;
import io.micronaut.json.JsonMapper;
import org.hl7.fhir.r5.model.CodeableConcept;
import org.hl7.fhir.r5.model.CodeableReference;
import org.hl7.fhir.r5.model.Coding;
import org.hl7.fhir.r5.model.DateTimeType;
import org.hl7.fhir.r5.model.DecimalType;
import org.hl7.fhir.r5.model.InventoryReport;
import org.hl7.fhir.r5.model.InventoryReport.InventoryCountType;
import org.hl7.fhir.r5.model.InventoryReport.InventoryReportInventoryListingItemComponent;
import org.hl7.fhir.r5.model.InventoryReport.InventoryReportStatus;
import org.hl7.fhir.r5.model.OperationOutcome;
import org.hl7.fhir.r5.model.Quantity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static fr.dispostock.declarations.DeclarationsFunction.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The weekly declaration as a FHIR R5 InventoryReport: what a FHIR client built with HAPI FHIR's R5
 * structures sends is accepted, and what we answer (reports and OperationOutcomes) is read back by
 * HAPI's parser in strict mode (every element and type checked against the official R5 definitions).
 */
@ExtendWith(DynamoDbLocalExtension.class)
class FhirDeclarationTest {
    static final String PATH = "/v1/puis/" + FLEYRIAT_ET + "/declarations/" + WEEK;
    static final Map<String, String> SENDS_FHIR = Map.of("Content-Type", Fhir.MEDIA_TYPE, "Accept", Fhir.MEDIA_TYPE);
    static final FhirContext R5 = FhirContext.forR5Cached();

    @BeforeEach
    void registersOfTwoRegions() {
        registers();
    }

    static IParser strict() {
        IParser parser = R5.newJsonParser();
        parser.setParserErrorHandler(new StrictErrorHandler());
        return parser;
    }

    /** A snapshot of Fleyriat's stock on Monday, one listing per item coded by its UCD code. */
    static InventoryReport report(Object[]... lines) {
        InventoryReport r = new InventoryReport();
        r.setStatus(InventoryReportStatus.ACTIVE);
        r.setCountType(InventoryCountType.SNAPSHOT);
        r.setReportedDateTimeElement(new DateTimeType("2026-11-23T08:30:00+01:00"));
        for (Object[] l : lines) {
            InventoryReportInventoryListingItemComponent item = r.addInventoryListing().addItem();
            item.setItem(new CodeableReference(new CodeableConcept(new Coding(Fhir.UCD_SYSTEM, (String) l[0], null))));
            item.setQuantity(new Quantity().setValue(new BigDecimal(l[1].toString())));
            item.addExtension(Fhir.CONSUMPTION_EXTENSION, new DecimalType(l[2].toString()));
        }
        return r;
    }

    static String cisplatine() {
        return Ucd.parse("9019840").ucd13();
    }

    @Test
    void an_inventory_report_made_with_hapi_is_stored_as_the_same_declaration_as_json() {
        // given a report built with HAPI's R5 model: cisplatine by its UCD13, lomustine by its UCD7
        String body = strict().encodeResourceToString(report(new Object[]{cisplatine(), 120, "8.125"},
                new Object[]{"9009994", 0, 0}));

        // when the software sends it
        Response r = API.call("PUT", PATH, CLIENT_FLEYRIAT, body, SENDS_FHIR);

        // then the week holds the two lines, read in JSON as if sent in JSON
        assertEquals(200, r.status(), r.body());
        Response json = API.call("GET", PATH, PH_FLEYRIAT, null);
        assertEquals("[{itemId=cisplatine, stock=120, averageDailyConsumption=8.125}, "
                + "{itemId=lomustine, stock=0, averageDailyConsumption=0}]", String.valueOf(json.object().get("lines")));
        assertEquals("application/json", json.header("Content-Type"));
    }

    @Test
    void a_fhir_declaration_and_a_fhir_reading_each_read_the_medicines_register_once() {
        // given the FHIR routes over the real register, counting its medicines queries
        AtomicInteger medicinesRead = new AtomicInteger();
        RegisterStore store = API.context().getBean(RegisterStore.class);
        RegisterStore counted = (RegisterStore) Proxy.newProxyInstance(RegisterStore.class.getClassLoader(),
                new Class<?>[]{RegisterStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("medicines")) {
                        medicinesRead.incrementAndGet();
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        DeclarationService service = new DeclarationService(counted, API.context().getBean(DeclarationStore.class),
                API.context().getBean(Clock.class), API.context().getBean(BusinessMetric.Counter.class));
        JsonMapper json = API.context().getBean(JsonMapper.class);
        Caller pharmacist = new Caller("ph-fleyriat", "ph@own.fr", Set.of(Role.PHARMACIST),
                Set.of(Finess.parse(FLEYRIAT_EJ)), Optional.empty());
        String body = strict().encodeResourceToString(report(new Object[]{cisplatine(), 120, "8.125"}));

        // when the week is sent as a report, then read as one
        int declared = new FhirDeclarationController(service, json, API.context().getBean(Clock.class))
                .declare(HttpRequest.PUT(PATH, body), pharmacist, FLEYRIAT_ET, WEEK, body).code();
        int afterDeclaring = medicinesRead.getAndSet(0);
        int read = new DeclarationController(service, API.context().getBean(StockPictureService.class), json)
                .current(HttpRequest.GET(PATH).accept(Fhir.MEDIA_TYPE), pharmacist, FLEYRIAT_ET, WEEK).code();

        // then each request queried the medicines once, for the report's UCD codes and the rules alike
        assertEquals(List.of(200, 200), List.of(declared, read));
        assertEquals(List.of(1, 1), List.of(afterDeclaring, medicinesRead.get()));
    }

    @Test
    void the_week_is_answered_as_an_r5_inventory_report_when_asked() {
        // given a week declared in JSON
        API.call("PUT", PATH, PH_FLEYRIAT, lines(line("cisplatine", 120, 8.125), line("lomustine", 0, 0)));

        // when a FHIR client reads it
        Response r = API.call("GET", PATH, CLIENT_FLEYRIAT, null, Map.of("Accept", Fhir.MEDIA_TYPE));

        // then HAPI's strict parser reads an InventoryReport with the figures, codes and missing item
        assertEquals(200, r.status(), r.body());
        assertEquals(Fhir.MEDIA_TYPE, r.header("Content-Type").split(";")[0]);
        InventoryReport report = strict().parseResource(InventoryReport.class, r.body());
        assertEquals(InventoryCountType.SNAPSHOT, report.getCountType());
        assertEquals(2, report.getInventoryListing().size());
        InventoryReportInventoryListingItemComponent first = report.getInventoryListingFirstRep().getItemFirstRep();
        assertEquals(0, new BigDecimal("120").compareTo(first.getQuantity().getValue()));
        assertEquals(List.of(Fhir.ITEM_SYSTEM + "|cisplatine", Fhir.UCD_SYSTEM + "|" + cisplatine()),
                first.getItem().getConcept().getCoding().stream().map(c -> c.getSystem() + "|" + c.getCode()).toList());
        assertEquals("8.125", ((DecimalType) first.getExtensionByUrl(Fhir.CONSUMPTION_EXTENSION).getValue()).getValueAsString());
        assertEquals(FLEYRIAT_ET, report.getInventoryListingFirstRep().getLocation().getIdentifier().getValue());
        assertEquals("vincristine-ara", ((Coding) report.getExtensionByUrl(Fhir.MISSING_ITEM_EXTENSION).getValue()).getCode());
        assertEquals("2026-11-23", report.getReportingPeriod().getStartElement().getValueAsString());
    }

    @Test
    void every_bad_element_is_an_issue_with_its_expression_and_nothing_is_stored() {
        // given a difference count, a negative stock, an unknown UCD code, a missing consumption, two items in one listing
        InventoryReport r = report(new Object[]{cisplatine(), -1, 1}, new Object[]{"9999999", 2, 1},
                new Object[]{"9009994", 3, 1});
        r.setCountType(InventoryCountType.DIFFERENCE);
        r.getInventoryListing().get(2).getItemFirstRep().getExtension().clear();
        r.addInventoryListing().addItem(r.getInventoryListing().get(0).getItemFirstRep().copy())
                .addItem(r.getInventoryListing().get(1).getItemFirstRep().copy());

        // when it is sent
        Response answer = API.call("PUT", PATH, CLIENT_FLEYRIAT, strict().encodeResourceToString(r), SENDS_FHIR);

        // then one OperationOutcome (strictly R5) names each element by its expression, and the week is not declared
        assertEquals(422, answer.status(), answer.body());
        OperationOutcome outcome = strict().parseResource(OperationOutcome.class, answer.body());
        String listing = "InventoryReport.inventoryListing";
        assertEquals(List.of("InventoryReport.countType",
                        listing + "[1].item[0].item.concept.coding[0].code",
                        listing + "[3].item",
                        listing + "[0].item[0].quantity.value",
                        listing + "[2].item[0].extension('" + Fhir.CONSUMPTION_EXTENSION + "').valueDecimal"),
                outcome.getIssue().stream().map(i -> i.getExpression().get(0).getValue()).toList());
        assertTrue(outcome.getIssue().stream().allMatch(i -> i.getCode() == OperationOutcome.IssueType.INVALID));
        assertEquals(404, API.call("GET", PATH, PH_FLEYRIAT, null).status());
    }

    @Test
    void a_property_named_twice_or_a_body_cut_short_gets_the_same_answer_in_json_and_in_fhir() {
        // given a stock named twice and a body cut short, each as a JSON declaration and as a FHIR report
        String json = "{\"lines\":[{\"itemId\":\"cisplatine\",\"stock\":1,\"stock\":2,\"averageDailyConsumption\":1}]}";
        String fhir = strict().encodeResourceToString(report(new Object[]{cisplatine(), 1, "1"}))
                .replace("\"value\":1", "\"value\":1,\"value\":2");
        assertTrue(fhir.contains("\"value\":1,\"value\":2"), fhir);

        // when each is sent
        List<Response> twice = List.of(API.call("PUT", PATH, PH_FLEYRIAT, json),
                API.call("PUT", PATH, CLIENT_FLEYRIAT, fhir, SENDS_FHIR));
        List<Response> cut = List.of(API.call("PUT", PATH, PH_FLEYRIAT, json.substring(0, 30)),
                API.call("PUT", PATH, CLIENT_FLEYRIAT, fhir.substring(0, 30), SENDS_FHIR));

        // then JSON and FHIR alike get a 400 (the body is not one JSON value to read), saying why in the
        // same words, FHIR's as an OperationOutcome; nothing is stored
        for (List<Response> pair : List.of(twice, cut)) {
            assertEquals(List.of(400, 400), pair.stream().map(Response::status).toList(), pair.toString());
        }
        assertEquals(List.of("The body is not well-formed JSON", "The body is not well-formed JSON"),
                List.of(detail(cut.get(0)), detail(cut.get(1))));
        assertEquals(List.of("The JSON body names 'stock' twice in one object",
                "The JSON body names 'value' twice in one object"), List.of(detail(twice.get(0)), detail(twice.get(1))));
        assertEquals(404, API.call("GET", PATH, PH_FLEYRIAT, null).status());
    }

    /** What a problem or an OperationOutcome says, up to where in the body. */
    private static String detail(Response r) {
        String said = r.header("Content-Type").startsWith(Fhir.MEDIA_TYPE)
                ? strict().parseResource(OperationOutcome.class, r.body()).getIssueFirstRep().getDiagnostics()
                : (String) r.object().get("detail");
        return said.split(" \\(")[0];
    }

    @Test
    void refusals_keep_todays_status_codes_as_operation_outcomes() {
        // given a body that is not JSON, a pharmacist of another establishment, and no token
        String report = strict().encodeResourceToString(report(new Object[]{cisplatine(), 1, 1}));

        // when each is sent
        Response garbage = API.call("PUT", PATH, CLIENT_FLEYRIAT, "{\"resourceType\": \"InventoryReport\",", SENDS_FHIR);
        Response stranger = API.call("PUT", PATH, PH_AJACCIO, report, SENDS_FHIR);
        Response nobody = API.call("PUT", PATH, null, report, SENDS_FHIR);

        // then 400, 403 and 401, each an OperationOutcome HAPI reads, and nothing stored
        assertEquals(List.of(400, 403, 401), List.of(garbage.status(), stranger.status(), nobody.status()));
        for (Response r : List.of(garbage, stranger, nobody)) {
            assertEquals(Fhir.MEDIA_TYPE, r.header("Content-Type").split(";")[0], r.body());
            assertEquals(1, strict().parseResource(OperationOutcome.class, r.body()).getIssue().size());
        }
        assertEquals(404, API.call("GET", PATH, PH_FLEYRIAT, null).status());
    }

    @Test
    void the_same_report_sent_again_is_a_no_op() {
        // given a report sent once
        String body = strict().encodeResourceToString(report(new Object[]{cisplatine(), 5, 1}));
        Response first = API.call("PUT", PATH, CLIENT_FLEYRIAT, body, SENDS_FHIR);

        // when the software sends it again
        Response again = API.call("PUT", PATH, CLIENT_FLEYRIAT, body, SENDS_FHIR);

        // then the same report, and no revision added
        assertEquals(200, again.status(), again.body());
        assertEquals(first.body(), again.body());
        assertEquals(0, ((Number) API.call("GET", PATH, PH_FLEYRIAT, null).object().get("revisions")).intValue());
    }
}
