package fr.dispostock.insights;

import fr.dispostock.domain.IsoWeek;
import fr.dispostock.domain.declaration.Declaration;
import fr.dispostock.domain.declaration.DeclarationStore;
import fr.dispostock.domain.declaration.Line;
import fr.dispostock.domain.declaration.Revision;
import fr.dispostock.domain.register.Pui;
import fr.dispostock.domain.register.RegisterStore;
import fr.dispostock.embedded.DynamoDbLocalExtension;
import fr.dispostock.embedded.FakeLambdaContext;
import fr.dispostock.embedded.HttpApiHarness;
import fr.dispostock.embedded.LocalTokens;
import fr.dispostock.embedded.RegisterFixtures;
import fr.dispostock.embedded.Schedules;
import fr.dispostock.embedded.ScopeMatrix;
import io.micronaut.context.ApplicationContext;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The insights as Lambda runs them, on DynamoDB Local: the routes' function (HTTP API events) and the
 * run's handler invoked with the input its schedule in template.yaml sends, on Monday 23 November 2026
 * at 15:00 in Paris, with two real PUIs (CH de Fleyriat, Ain, region 84; Ajaccio, Corse-du-Sud, region 94).
 */
final class InsightsFunction {
    static final String MONDAY_RUN = "2026-11-23T14:00:00Z";
    static final IsoWeek WEEK = IsoWeek.parse("2026-W48");
    static final Map<String, Object> CLOCK = Map.of("dispostock.clock.fixed", MONDAY_RUN);
    static final LocalTokens TOKENS = LocalTokens.generate();
    static final HttpApiHarness API = new HttpApiHarness(DynamoDbLocalExtension.dynamoDb(), TOKENS, CLOCK);
    static final InsightRunHandler RUN = new InsightRunHandler(ApplicationContext.builder()
            .properties(Map.of("dispostock.dynamodb.endpoint", DynamoDbLocalExtension.dynamoDb().endpoint().toString(),
                    "dispostock.clock.fixed", MONDAY_RUN)).environments("function", "test"));

    static final String FLEYRIAT_ET = "010000024";
    static final String FLEYRIAT_EJ = "010780054";
    static final String AJACCIO_ET = "2A0000022";
    static final String AJACCIO_EJ = "2A0000014";
    static final Map<String, String> ACCOUNTS = ScopeMatrix.accounts(TOKENS, FLEYRIAT_EJ, AJACCIO_EJ);

    private InsightsFunction() {
    }

    /** Empty tables and the two PUIs. */
    static List<Pui> puis() {
        for (String table : List.of("RegistersTable", "DeclarationsTable", "StateStockTable", "InsightsTable")) {
            DynamoDbLocalExtension.dynamoDb().deleteAllItems(table);
        }
        RegisterStore registers = API.context().getBean(RegisterStore.class);
        return List.of(RegisterFixtures.pui(registers, FLEYRIAT_ET, FLEYRIAT_EJ, "CH DE FLEYRIAT", "01"),
                RegisterFixtures.pui(registers, AJACCIO_ET, AJACCIO_EJ, "CH ND LA MISERICORDE", "2A"));
    }

    /** The PUI's declarations of one item, one week each, the last one for {@code last}: stock, CMJ pairs. */
    static void declare(Pui pui, String itemId, IsoWeek last, double... stockAndDaily) {
        DeclarationStore store = API.context().getBean(DeclarationStore.class);
        int weeks = stockAndDaily.length / 2;
        for (int i = 0; i < weeks; i++) {
            IsoWeek week = last.minusWeeks(weeks - 1 - i);
            Declaration previous = store.find(pui.region(), week, pui.finessEt()).orElse(null);
            List<Line> lines = new ArrayList<>(previous == null ? List.of() : previous.lines());
            lines.add(new Line(itemId, (long) stockAndDaily[2 * i], BigDecimal.valueOf(stockAndDaily[2 * i + 1])));
            Revision r = new Revision(week.monday().atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), "fixture", false, lines);
            store.save(previous, previous == null ? Declaration.first(pui.finessEt(), pui.finessEj(), pui.region(),
                    pui.departement(), week, r) : previous.correctedBy(r));
        }
    }

    /** The schedule fires: the run's report. */
    static Map<String, Object> fire(String event, String scheduledTime) {
        return RUN.handleRequest(Schedules.input("InsightsRunFunction", event, scheduledTime), new FakeLambdaContext());
    }

    static Instant monday() {
        return Instant.parse(MONDAY_RUN);
    }
}
