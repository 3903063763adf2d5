package fr.dispostock.platform.dynamo;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-written item mapping: a handful of static helpers instead of a mapper that reflects over
 * classes at cold start.
 */
public final class Items {
    private Items() {
    }

    public static AttributeValue s(String value) {
        return value == null ? null : AttributeValue.fromS(value);
    }

    public static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    public static AttributeValue n(BigDecimal value) {
        return value == null ? null : AttributeValue.fromN(value.toPlainString());
    }

    /** A number with a fraction (degrees, days, units a day), null when there is none, read back by {@link #real}. */
    public static AttributeValue n(Double value) {
        return value == null ? null : n(BigDecimal.valueOf(value));
    }

    /**
     * Strings as a list (L), read back by {@link #strings}: the order is kept and an empty list is fine,
     * which a string set (SS) would give neither (items already stored are lists: keep it so).
     */
    public static AttributeValue list(List<String> values) {
        return AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList());
    }

    /** Puts the attribute unless its value is null (DynamoDB stores no nulls we would read back). */
    public static void put(Map<String, AttributeValue> item, String name, AttributeValue value) {
        if (value != null) {
            item.put(name, value);
        }
    }

    public static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    public static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? 0 : Long.parseLong(v.n());
    }

    /** A number with a fraction, or null when the item has none. */
    public static Double real(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : Double.valueOf(v.n());
    }

    public static List<String> strings(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || !v.hasL() ? List.of() : v.l().stream().map(AttributeValue::s).toList();
    }

    public static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
    }

    /** An item as plain values (strings, numbers, booleans, lists, maps), e.g. to show an audit trail. */
    public static Map<String, Object> plain(Map<String, AttributeValue> item) {
        Map<String, Object> out = new LinkedHashMap<>();
        item.forEach((k, v) -> out.put(k, plain(v)));
        return out;
    }

    private static Object plain(AttributeValue v) {
        return switch (v.type()) {
            case S -> v.s();
            case N -> new BigDecimal(v.n());
            case BOOL -> v.bool();
            case NUL -> null;
            case L -> {
                List<Object> l = new ArrayList<>();
                v.l().forEach(e -> l.add(plain(e)));
                yield l;
            }
            case M -> plain(v.m());
            case SS -> v.ss();
            default -> v.toString();
        };
    }
}
