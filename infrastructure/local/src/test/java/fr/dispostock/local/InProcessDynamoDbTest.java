package fr.dispostock.local;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole-France seed loads its registers and its history at once, into two files, then merges them. */
class InProcessDynamoDbTest {
    private static final List<LocalHistory.SeedPui> PUIS = LocalHistory.puis("seed/puis-small.csv").subList(0, 20);

    @Test
    void a_database_being_made_keeps_its_journal_in_memory_and_never_syncs(@TempDir Path dir) {
        // given a database opened to be made (the seed's, the benchmark's)
        try (InProcessDynamoDb db = InProcessDynamoDb.open(dir.resolve("made.db"))) {
            // when SQLite is asked how DynamoDB Local's own connection is set
            // then its journal is in memory, it never syncs, and its page cache holds 64 MiB
            assertEquals("memory", db.pragma("journal_mode"));
            assertEquals("0", db.pragma("synchronous"));
            assertEquals("-65536", db.pragma("cache_size"));
        }
    }

    @Test
    void a_merged_database_holds_every_item_of_both_files_in_every_table(@TempDir Path dir) {
        // given the registers and the history of a few PUIs, loaded at once into two files
        Path registers = dir.resolve("registers.db");
        Path history = dir.resolve("history.db");
        try (InProcessDynamoDb registersDb = InProcessDynamoDb.open(registers);
             InProcessDynamoDb historyDb = InProcessDynamoDb.open(history);
             ApplicationContext context = registersDb.context()) {
            context.getBean(LocalSeed.class).registers("seed/finess-small.csv", "seed/puis-small.csv");
            context.getBean(LocalHistory.class).load(PUIS, historyDb::putAll);
        }
        Map<String, List<String>> both = new TreeMap<>(DirectClientTest.everyItem(history));
        DirectClientTest.everyItem(registers).forEach((table, items) -> both.merge(table, items, (a, b) -> {
            List<String> all = new ArrayList<>(a);
            all.addAll(b);
            all.sort(null);
            return all;
        }));

        // when the registers' file is merged into the history's
        InProcessDynamoDb.merge(history, registers);

        // then DynamoDB Local reads from it every item of both, table by table (registers, history, the catalogue beside the lots)
        Map<String, List<String>> merged = DirectClientTest.everyItem(history);
        assertEquals(both, merged);
        assertTrue(merged.get("RegistersTable").size() > 100, "registers " + merged.get("RegistersTable").size());
        assertTrue(merged.get("DeclarationsTable").size() > PUIS.size() * LocalHistory.WEEKS / 2,
                "declarations " + merged.get("DeclarationsTable").size());
    }
}
