package fr.dispostock.domain;

/**
 * The range of every number and the size of every list the API accepts, in one place: checked
 * before any arithmetic (so that no sum can overflow: a national total of 10,000 PUIs at the
 * maximum stays far below 2^63), declared in the OpenAPI descriptions from these constants, and
 * said in the 422 messages. The list sizes follow what the storage can write at once.
 */
public final class Limits {
    /** Stock on hand of one item in one PUI, in units. */
    public static final long STOCK_MAX = 1_000_000_000L;
    /** Average daily consumption of one item in one PUI, in units per day. */
    public static final long CONSUMPTION_MAX = 10_000_000L;
    public static final int CONSUMPTION_DECIMALS = 3;
    /** Units of one product in one order line, approved or shipped. */
    public static final long ORDER_QUANTITY_MAX = 10_000_000L;
    /** Units of one State-stock lot held by one PUI. */
    public static final long LOT_QUANTITY_MAX = 100_000_000L;
    /** Units in one pack of a product of the catalogue. */
    public static final long PACK_SIZE_MAX = 100_000L;
    /** Devices that go with one unit of a vaccine. */
    public static final long DEVICES_PER_UNIT_MAX = 100L;

    /**
     * UCD codes of one tracked item: the item, its audit entry and a claim for each UCD code added
     * or dropped are written in one DynamoDB transaction, which takes at most 100 writes.
     */
    public static final int UCDS_MAX = 49;
    /**
     * CIS codes of one tracked item (the specialties of a brand and its generics): they are attributes
     * of the item, not claims, so they only keep the item small.
     */
    public static final int CIS_MAX = 100;
    /** Lines of the medicines agency's shortage file (957 in July 2025) imported at once. */
    public static final int SUPPLY_STATUS_LINES_MAX = 20_000;
    /** Statuses of one CIS in that file (at most 3 in July 2025: one per presentation). */
    public static final int SUPPLY_STATUSES_PER_CIS_MAX = 50;
    /** Lines of one weekly declaration (far more than the items any week tracks). */
    public static final int DECLARATION_LINES_MAX = 1_000;
    /** Lots declared by one PUI for one Thursday. */
    public static final int LOTS_MAX = 200;
    /** Lines of one order, of its review, and lots of one shipment. */
    public static final int ORDER_LINES_MAX = 100;
    /** Devices listed for one vaccine of the catalogue. */
    public static final int DEVICES_MAX = 10;
    /** Regions of a regional item: there are 18. */
    public static final int REGIONS_MAX = 18;

    private Limits() {
    }
}
