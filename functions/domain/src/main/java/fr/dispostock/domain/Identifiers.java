package fr.dispostock.domain;

import java.util.regex.Pattern;

/**
 * The shapes of the identifiers the platform gives or accepts (item ids, product codes, order ids…).
 * An identifier of another shape names nothing: it is answered "not found" without being looked up,
 * so that a 100,000-character id never reaches the storage (whose keys are bounded) nor an answer.
 */
public final class Identifiers {
    /** Tracked items and instructions: chosen by their keepers (the expression, for the OpenAPI's annotations). */
    public static final String ID_REGEX = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";
    public static final Pattern ID = Pattern.compile(ID_REGEX);
    /** Products of the State-stock catalogue. */
    public static final Pattern PRODUCT_CODE = Pattern.compile("^[A-Z0-9][A-Z0-9_-]{1,39}$");
    /** Orders: ORD-, the day placed, 8 hexadecimal characters. */
    public static final Pattern ORDER_ID = Pattern.compile("^ORD-[0-9]{8}-[0-9A-F]{8}$");
    /** Campaigns: a UUID. */
    public static final Pattern CAMPAIGN_ID = Pattern.compile("^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$");

    private Identifiers() {
    }

    public static boolean fits(Pattern shape, String raw) {
        return raw != null && shape.matcher(raw).matches();
    }

    /** The identifier, or "not found" (404) naming it in a few characters when it cannot name anything. */
    public static String existing(Pattern shape, String raw, String what) {
        if (!fits(shape, raw)) {
            String shown = raw == null ? "" : raw.length() > 40 ? raw.substring(0, 40) + "…" : raw;
            throw new NotFoundException("No " + what + " " + shown + ".");
        }
        return raw;
    }
}
