package fr.dispostock.local;

import fr.dispostock.domain.ConflictException;
import fr.dispostock.domain.register.Instruction;
import fr.dispostock.domain.register.RegisterStore;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seed's registers go through the API's rules and the stores over {@link DirectClient}; what
 * they write must be what the same rules write through DynamoDB Local's own SDK v2 client (JSON, as
 * the functions over HTTP).
 */
class DirectClientTest {

    @Test
    void the_registers_seeded_through_the_direct_client_are_the_items_written_through_dynamodb_locals_own_client(
            @TempDir Path dir) {
        // given the same registers seeded once through each client
        seedRegisters(dir.resolve("json.db"), false);
        seedRegisters(dir.resolve("direct.db"), true);

        // when every table of both databases is read back
        Map<String, List<String>> throughJson = everyItem(dir.resolve("json.db"));
        Map<String, List<String>> direct = everyItem(dir.resolve("direct.db"));

        // then they hold the same items (an audit entry's time and its random suffix aside), sites, PUIs, audit entries and all
        assertEquals(throughJson, direct);
        List<String> registers = direct.get("RegistersTable");
        assertTrue(registers.stream().filter(i -> i.contains("sk=AttributeValue(S=SITE#")).count() > 100, "sites");
        assertTrue(registers.stream().filter(i -> i.contains("pk=AttributeValue(S=PUI#")).count() > 20, "PUIs");
        assertTrue(registers.stream().filter(i -> i.contains("sk=AttributeValue(S=AUDIT#")).count() > 100, "audit");
    }

    @Test
    void a_conditional_write_lost_through_the_direct_client_is_the_stores_conflict(@TempDir Path dir) {
        // given an instruction written once through the direct client
        try (InProcessDynamoDb db = InProcessDynamoDb.open(dir.resolve("direct.db"));
             ApplicationContext context = db.context()) {
            RegisterStore store = context.getBean(RegisterStore.class);
            Instruction instruction = new Instruction("une-consigne", "Une consigne", "Le texte.", null,
                    LocalDate.of(2026, 1, 5), null, 0);
            store.save(null, instruction, "test");

            // when it is created again, as if by someone else meanwhile
            ConflictException lost = assertThrows(ConflictException.class, () -> store.save(null, instruction, "test"));

            // then the store says so as over HTTP: its transaction was cancelled by the condition
            assertEquals(ConflictException.Kind.CONFLICT, lost.kind());
        }
    }

    private static void seedRegisters(Path database, boolean direct) {
        try (InProcessDynamoDb db = InProcessDynamoDb.open(database, direct); ApplicationContext context = db.context()) {
            context.getBean(LocalSeed.class).registers("seed/finess-small.csv", "seed/puis-small.csv");
        }
    }

    /** Every table's items, each as a sorted string, without what differs by the clock or by chance. */
    static Map<String, List<String>> everyItem(Path database) {
        Map<String, List<String>> tables = new TreeMap<>();
        try (InProcessDynamoDb db = InProcessDynamoDb.open(database, false)) {
            DynamoDbClient client = db.client();
            for (String table : client.listTables().tableNames()) {
                List<String> items = new ArrayList<>();
                client.scanPaginator(s -> s.tableName(table)).items().forEach(item -> {
                    Map<String, AttributeValue> kept = new TreeMap<>(item);
                    if (kept.containsKey("sk") && kept.get("sk").s().startsWith("AUDIT#")) {
                        kept.put("sk", AttributeValue.fromS("AUDIT#"));
                        kept.remove("at");
                    }
                    items.add(kept.toString());
                });
                items.sort(null);
                tables.put(table, items);
            }
        }
        return tables;
    }
}
