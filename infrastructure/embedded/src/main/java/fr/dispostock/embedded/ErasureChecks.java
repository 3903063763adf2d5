package fr.dispostock.embedded;

import fr.dispostock.domain.erasure.Pseudonyms;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * For the tests of an erasure: the pseudonym the tests' key gives, the erasure recorded as the registers
 * function records it (for the functions that sweep after it), and every item of a table read back.
 */
public final class ErasureChecks {
    public static final Pseudonyms PSEUDONYMS = new Pseudonyms(HttpApiHarness.PSEUDONYM_KEY.getBytes(StandardCharsets.UTF_8));

    private ErasureChecks() {
    }

    /** The erasure of {@code email} as {@code POST /v1/accounts/erasures} leaves it in the RegistersTable. */
    public static String recorded(DynamoDbClient dynamoDb, String email) {
        String pseudonym = PSEUDONYMS.of(email);
        dynamoDb.putItem(p -> p.tableName("RegistersTable").item(Map.of(
                "pk", AttributeValue.fromS("ERASURE#" + pseudonym), "sk", AttributeValue.fromS("#"),
                "pseudonym", AttributeValue.fromS(pseudonym), "at", AttributeValue.fromS(Instant.now().toString()),
                "by", AttributeValue.fromS("dgs <operateur@sante.gouv.fr>"))));
        return pseudonym;
    }

    /**
     * What goes wrong when every account but the national operator's asks {@code path} to erase {@code email}
     * (403 expected), and the national operator an address {@code unknown} (404) and bodies without an address
     * (422 naming {@code /email}): each a problem, and {@code table} unchanged. Empty when all is right.
     */
    public static List<String> refusals(HttpApiHarness api, Map<String, String> accounts, String path, String email,
                                        String unknown, DynamoDbClient dynamoDb, String table) {
        List<Map<String, AttributeValue>> before = items(dynamoDb, table);
        List<String> problems = new ArrayList<>();
        accounts.forEach((kind, token) -> {
            if (!kind.equals("NATIONAL")) {
                expect(problems, kind, api.call("POST", path, token, Map.of("email", email)), 403);
            }
        });
        String national = accounts.get("NATIONAL");
        expect(problems, "unknown address", api.call("POST", path, national, Map.of("email", unknown)), 404);
        for (Map<String, String> body : List.of(Map.of("email", "not-an-address"), Map.of("email", "a@b.fr\u200b"), Map.<String, String>of())) {
            HttpApiHarness.Response r = api.call("POST", path, national, body);
            if (expect(problems, "body " + body, r, 422) && !r.body().contains("\"pointer\":\"/email\"")) {
                problems.add("body " + body + ": the 422 does not name /email: " + r.body());
            }
        }
        if (!before.equals(items(dynamoDb, table))) {
            problems.add(table + " changed");
        }
        return problems;
    }

    private static boolean expect(List<String> problems, String who, HttpApiHarness.Response r, int status) {
        if (r.status() != status || !"application/problem+json".equals(r.header("Content-Type"))) {
            problems.add(who + ": " + r.status() + " " + r.header("Content-Type") + " instead of " + status + " problem");
            return false;
        }
        return true;
    }

    /** Every item of the table, as DynamoDB holds it. */
    public static List<Map<String, AttributeValue>> items(DynamoDbClient dynamoDb, String table) {
        return dynamoDb.scanPaginator(s -> s.tableName(table).consistentRead(true)).items().stream().toList();
    }

    /** The items of the table that hold {@code text} anywhere (keys, lists, maps, JSON documents), in any case. */
    public static List<Map<String, AttributeValue>> holding(DynamoDbClient dynamoDb, String table, String text) {
        String wanted = text.toLowerCase(Locale.ROOT);
        return items(dynamoDb, table).stream().filter(i -> i.toString().toLowerCase(Locale.ROOT).contains(wanted)).toList();
    }
}
