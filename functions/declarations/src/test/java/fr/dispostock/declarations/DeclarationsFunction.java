package fr.dispostock.declarations;

import fr.dispostock.domain.Departement;
import fr.dispostock.domain.Finess;
import fr.dispostock.domain.Region;
import fr.dispostock.domain.Ucd;
import fr.dispostock.domain.register.Address;
import fr.dispostock.domain.register.Establishment;
import fr.dispostock.domain.register.Medicine;
import fr.dispostock.domain.register.Pui;
import fr.dispostock.domain.register.RegisterStore;
import fr.dispostock.domain.register.Site;
import fr.dispostock.embedded.DynamoDbLocalExtension;
import fr.dispostock.embedded.HttpApiHarness;
import fr.dispostock.embedded.LocalTokens;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The declarations function as Lambda runs it, on DynamoDB Local, on Monday 23 November 2026 at
 * 09:00 in Paris; and the registers it reads: three real PUIs (two in Ain, region 84, one in
 * Corse-du-Sud, region 94) and three tracked items.
 */
final class DeclarationsFunction {
    static final LocalTokens TOKENS = LocalTokens.generate();
    static final String MONDAY_0900_PARIS = "2026-11-23T08:00:00Z";
    static final HttpApiHarness API = harness(MONDAY_0900_PARIS);

    static final String WEEK = "2026-W48";
    static final String FLEYRIAT_ET = "010000024";
    static final String FLEYRIAT_EJ = "010780054";
    static final String BUGEY_ET = "010000032";
    static final String BUGEY_EJ = "010780062";
    static final String AJACCIO_ET = "2A0000022";
    static final String AJACCIO_EJ = "2A0000014";

    static final String NATIONAL = TOKENS.token("dgs", "dgs@sante.gouv.fr", List.of("NATIONAL"), List.of(), null);
    static final String ARS_84 = TOKENS.token("ars-84", "ars@ara.fr", List.of("ARS"), List.of(), "84");
    static final String ARS_94 = TOKENS.token("ars-94", "ars@corse.fr", List.of("ARS"), List.of(), "94");
    static final String OMEDIT_84 = TOKENS.token("omedit-84", null, List.of("OMEDIT"), List.of(), "84");
    static final String PH_FLEYRIAT = TOKENS.token("ph-fleyriat", "ph@fleyriat.fr", List.of("PHARMACIST"),
            List.of(FLEYRIAT_EJ), null);
    static final String PH_BUGEY = TOKENS.token("ph-bugey", "ph@bugey.fr", List.of("PHARMACIST"), List.of(BUGEY_EJ), null);
    static final String PH_AJACCIO = TOKENS.token("ph-ajaccio", "ph@ajaccio.fr", List.of("PHARMACIST"),
            List.of(AJACCIO_EJ), null);
    static final String SUPPLIER = TOKENS.token("spf", null, List.of("SUPPLIER"), List.of(), null);

    private DeclarationsFunction() {
    }

    static HttpApiHarness harness(String now) {
        return new HttpApiHarness(DynamoDbLocalExtension.dynamoDb(), TOKENS, Map.of("dispostock.clock.fixed", now));
    }

    /** Empty tables, then the registers the declarations rely on. */
    static void registers() {
        DynamoDbLocalExtension.dynamoDb().deleteAllItems("RegistersTable");
        DynamoDbLocalExtension.dynamoDb().deleteAllItems("DeclarationsTable");
        RegisterStore store = API.context().getBean(RegisterStore.class);
        pui(store, FLEYRIAT_ET, FLEYRIAT_EJ, "CH DE FLEYRIAT", "84", "01");
        pui(store, BUGEY_ET, BUGEY_EJ, "CH HAUT BUGEY", "84", "01");
        pui(store, AJACCIO_ET, AJACCIO_EJ, "CH ND LA MISERICORDE", "94", "2A");
        item(store, "cisplatine", "9019840", Medicine.Level.NATIONAL, List.of());
        item(store, "lomustine", "9009994", Medicine.Level.NATIONAL, List.of());
        item(store, "vincristine-ara", "9065107", Medicine.Level.REGIONAL, List.of(Region.parse("84")));
    }

    private static void pui(RegisterStore store, String et, String ej, String name, String region, String dep) {
        Departement d = Departement.parse(dep);
        store.save(null, new Establishment(Finess.parse(ej), null, name, Region.parse(region), d, null,
                Establishment.Status.OPEN, List.of(), List.of(), 0), "test");
        store.writeImport(List.of(), List.of(new RegisterStore.SiteChange(null, new Site(Finess.parse(et),
                Finess.parse(ej), name, null, null, null, null, null, d))), "test");
        store.save(null, new Pui(Finess.parse(et), Finess.parse(ej), name, "pui-" + et + "@dispostock.invalid", null,
                new Address("1 rue de l'Hôpital", null, "01000", "Bourg"), Region.parse(region), d, 0), "test");
    }

    private static void item(RegisterStore store, String id, String ucd, Medicine.Level level, List<Region> regions) {
        store.save(null, new Medicine(id, id, List.of(Ucd.parse(ucd)), new Medicine.Priority(level, regions),
                LocalDate.parse("2026-01-05"), null, 0), "test");
    }

    static Map<String, Object> line(String itemId, Object stock, Object cmj) {
        java.util.HashMap<String, Object> l = new java.util.HashMap<>();
        l.put("itemId", itemId);
        l.put("stock", stock);
        l.put("averageDailyConsumption", cmj);
        return l;
    }

    static Map<String, Object> lines(Object... lines) {
        return Map.of("lines", List.of(lines));
    }
}
