package fr.dispostock.platform.register;

import fr.dispostock.domain.Cis;
import fr.dispostock.domain.Finess;
import fr.dispostock.domain.Region;
import fr.dispostock.domain.Ucd;

/**
 * Every key of the RegistersTable, in one place: the code twin of DYNAMODB.md's key table (item keys
 * {@code pk}/{@code sk}, index keys {@code gsi1pk}, {@code gsi2pk}). Change a layout here and there.
 */
final class RegisterKeys {
    /** The sort key of every record's own item. */
    static final String ROOT = "#";
    static final String SITE = "SITE#";
    static final String UCD = "UCD#";
    /** gsi1: every tracked item. */
    static final String MEDICINES = "ITEMS";
    /** gsi1: every CIS that has shortage statuses. */
    static final String SUPPLY_STATUSES = "SUPPLY_STATUSES";
    /** gsi1: every account. */
    static final String ACCOUNTS = "ACCOUNTS";

    private RegisterKeys() {
    }

    static String establishment(Finess ej) {
        return "EJ#" + ej.value();
    }

    static String site(Finess et) {
        return SITE + et.value();
    }

    static String pui(Finess et) {
        return "PUI#" + et.value();
    }

    static String medicine(String itemId) {
        return "ITEM#" + itemId;
    }

    static String ucd(Ucd ucd) {
        return UCD + ucd.ucd13();
    }

    /** The medicines agency's statuses of one specialty. */
    static String supplyStatuses(Cis cis) {
        return "SUPPLY#" + cis.code();
    }

    static String instruction(String id) {
        return "INSTRUCTION#" + id;
    }

    static String account(String subject) {
        return "ACCOUNT#" + subject;
    }

    /** gsi1: the establishments of a region. */
    static String establishmentsOf(Region region) {
        return "REGION#" + region.code() + "#EJ";
    }

    /** gsi1: the sites of a region (by their own number's département). */
    static String sitesOf(Region region) {
        return "REGION#" + region.code() + "#SITE";
    }

    /** gsi1: the PUIs of a region. */
    static String puisOf(Region region) {
        return "REGION#" + region.code() + "#PUI";
    }

    /** gsi2: the PUIs of an establishment. */
    static String puisOf(Finess ej) {
        return establishment(ej) + "#PUI";
    }

    /** gsi1: the national instructions (region null), or a region's. */
    static String instructionsOf(Region region) {
        return "INSTRUCTIONS#" + (region == null ? "NATIONAL" : region.code());
    }
}
