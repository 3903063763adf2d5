package fr.dispostock.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the history tests of weekly declarations and of Thursday lots check alike. */
public final class HistoryChecks {
    private HistoryChecks() {
    }

    /** Every revision a history route gives, newest first, and how many pages of 100 it took. */
    public record AllPages(List<Map<?, ?>> revisions, int pages) {
    }

    /** Reads a history route page after page (100 at a time), following {@code next} until it is null. */
    public static AllPages readAll(HttpApiHarness api, String historyPath, String token) {
        List<Map<?, ?>> revisions = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            HttpApiHarness.Response page = api.call("GET", historyPath + "?limit=100"
                    + (cursor == null ? "" : "&cursor=" + cursor), token, null);
            assertEquals(200, page.status(), page.body());
            ((List<?>) page.object().get("revisions")).forEach(r -> revisions.add((Map<?, ?>) r));
            cursor = (String) page.object().get("next");
            pages++;
        } while (cursor != null);
        return new AllPages(revisions, pages);
    }

    /**
     * What DynamoDB billed for writing one record {@code billed.size()} times: the first write, a
     * PutItem of an item under 1 KB (1 unit), then every correction alike, the last as the first:
     * a transaction of two items under 1 KB (2 units each).
     */
    public static void assertEveryCorrectionBilledAlike(List<Double> billed, int writes) {
        assertEquals(writes, billed.size(), "one write per declaration, none retried");
        assertEquals(1.0, billed.get(0));
        assertEquals(4.0, billed.get(1));
        assertEquals(billed.get(1), billed.get(writes - 1), "the last correction costs what the first did");
        assertEquals(List.of(4.0), billed.subList(1, writes).stream().distinct().toList());
    }

    /** n − 1, n − 2, … 0: what each declaration's figures were, newest first, when the i-th carried i. */
    public static List<Integer> newestFirst(int n) {
        List<Integer> expected = new ArrayList<>();
        for (int i = n - 1; i >= 0; i--) {
            expected.add(i);
        }
        return expected;
    }
}
