package fr.dispostock.platform.register;

import fr.dispostock.domain.Cis;
import fr.dispostock.domain.Departement;
import fr.dispostock.domain.Finess;
import fr.dispostock.domain.Region;
import fr.dispostock.domain.Role;
import fr.dispostock.domain.Ucd;
import fr.dispostock.domain.register.Account;
import fr.dispostock.domain.register.Address;
import fr.dispostock.domain.register.Establishment;
import fr.dispostock.domain.register.Instruction;
import fr.dispostock.domain.register.Medicine;
import fr.dispostock.domain.register.Pui;
import fr.dispostock.domain.register.Site;
import fr.dispostock.domain.register.SupplyStatus;
import fr.dispostock.platform.dynamo.Items;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static fr.dispostock.platform.dynamo.Items.put;
import static fr.dispostock.platform.dynamo.Items.s;
import static fr.dispostock.platform.dynamo.Items.string;

/** The register records as RegistersTable items and back (keys from {@link RegisterKeys}). */
final class RegisterItems {
    private RegisterItems() {
    }

    /** A UCD code's reservation by a tracked item. */
    static Map<String, AttributeValue> reservation(Ucd ucd, String itemId) {
        return Map.of("pk", s(RegisterKeys.ucd(ucd)), "sk", s(RegisterKeys.ROOT), "itemId", s(itemId));
    }

    /** The UCD code a reservation item reserves. */
    static Ucd reservedUcd(Map<String, AttributeValue> i) {
        return Ucd.parse(string(i, "pk").substring(RegisterKeys.UCD.length()));
    }

    static Map<String, AttributeValue> item(Establishment e) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", s(RegisterKeys.establishment(e.finessEj())));
        item.put("sk", s(RegisterKeys.ROOT));
        item.put("gsi1pk", s(RegisterKeys.establishmentsOf(e.region())));
        item.put("gsi1sk", s(e.finessEj().value()));
        item.put("finessEj", s(e.finessEj().value()));
        put(item, "ipe", s(e.ipe()));
        item.put("name", s(e.name()));
        item.put("region", s(e.region().code()));
        item.put("departement", s(e.departement().code()));
        put(item, "category", s(e.category()));
        item.put("status", s(e.status().name()));
        if (e.version() > 0) {
            item.put("version", Items.n(e.version()));
        }
        return item;
    }

    static Establishment establishment(Map<String, AttributeValue> i, List<Finess> puis, List<Site> sites) {
        return new Establishment(Finess.parse(string(i, "finessEj")), string(i, "ipe"), string(i, "name"),
                Region.parse(string(i, "region")), Departement.parse(string(i, "departement")),
                string(i, "category"), Establishment.Status.valueOf(string(i, "status")), puis, sites,
                Items.number(i, "version"));
    }

    static Map<String, AttributeValue> item(Site st) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", s(RegisterKeys.establishment(st.finessEj())));
        item.put("sk", s(RegisterKeys.site(st.finessEt())));
        // a site is in the region of its own number, whatever its legal entity's: the register of a region lists it
        item.put("gsi1pk", s(RegisterKeys.sitesOf(st.departement().region())));
        item.put("gsi1sk", s(st.finessEt().value()));
        item.put("finessEt", s(st.finessEt().value()));
        item.put("finessEj", s(st.finessEj().value()));
        item.put("name", s(st.name()));
        put(item, "category", s(st.category()));
        put(item, "categoryLabel", s(st.categoryLabel()));
        put(item, "address", s(st.address()));
        put(item, "postalCode", s(st.postalCode()));
        put(item, "city", s(st.city()));
        item.put("departement", s(st.departement().code()));
        put(item, "latitude", Items.n(st.latitude()));
        put(item, "longitude", Items.n(st.longitude()));
        return item;
    }

    static Site site(Map<String, AttributeValue> i) {
        return new Site(Finess.parse(string(i, "finessEt")), Finess.parse(string(i, "finessEj")), string(i, "name"),
                string(i, "category"), string(i, "categoryLabel"), string(i, "address"), string(i, "postalCode"),
                string(i, "city"), Departement.parse(string(i, "departement")), Items.real(i, "latitude"),
                Items.real(i, "longitude"));
    }

    static Map<String, AttributeValue> item(Pui p) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", s(RegisterKeys.pui(p.finessEt())));
        item.put("sk", s(RegisterKeys.ROOT));
        item.put("gsi1pk", s(RegisterKeys.puisOf(p.region())));
        item.put("gsi1sk", s(p.finessEt().value()));
        item.put("gsi2pk", s(RegisterKeys.puisOf(p.finessEj())));
        item.put("gsi2sk", s(p.finessEt().value()));
        item.put("finessEt", s(p.finessEt().value()));
        item.put("finessEj", s(p.finessEj().value()));
        item.put("name", s(p.name()));
        item.put("email", s(p.email()));
        put(item, "phone", s(p.phone()));
        item.put("line1", s(p.deliveryAddress().line1()));
        put(item, "line2", s(p.deliveryAddress().line2()));
        item.put("postalCode", s(p.deliveryAddress().postalCode()));
        item.put("city", s(p.deliveryAddress().city()));
        item.put("region", s(p.region().code()));
        item.put("departement", s(p.departement().code()));
        if (p.version() > 0) {
            item.put("version", Items.n(p.version()));
        }
        return item;
    }

    static Pui pui(Map<String, AttributeValue> i) {
        return new Pui(Finess.parse(string(i, "finessEt")), Finess.parse(string(i, "finessEj")), string(i, "name"),
                string(i, "email"), string(i, "phone"),
                new Address(string(i, "line1"), string(i, "line2"), string(i, "postalCode"), string(i, "city")),
                Region.parse(string(i, "region")), Departement.parse(string(i, "departement")),
                Items.number(i, "version"));
    }

    static Map<String, AttributeValue> item(Medicine m) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", s(RegisterKeys.medicine(m.itemId())));
        item.put("sk", s(RegisterKeys.ROOT));
        item.put("gsi1pk", s(RegisterKeys.MEDICINES));
        item.put("gsi1sk", s(m.itemId()));
        item.put("itemId", s(m.itemId()));
        item.put("label", s(m.label()));
        item.put("ucds", Items.list(m.ucds().stream().map(Ucd::ucd13).toList()));
        item.put("cis", Items.list(m.cis().stream().map(Cis::code).toList()));
        item.put("level", s(m.priority().level().name()));
        item.put("regions", Items.list(m.priority().regions().stream().map(Region::code).toList()));
        item.put("trackingStart", s(m.trackingStart().toString()));
        put(item, "trackingEnd", m.trackingEnd() == null ? null : s(m.trackingEnd().toString()));
        if (m.version() > 0) {
            item.put("version", Items.n(m.version()));
        }
        return item;
    }

    static Medicine medicine(Map<String, AttributeValue> i) {
        String end = string(i, "trackingEnd");
        return new Medicine(string(i, "itemId"), string(i, "label"),
                Items.strings(i, "ucds").stream().map(Ucd::parse).toList(),
                Items.strings(i, "cis").stream().map(Cis::new).toList(), // none on items written before CIS links
                new Medicine.Priority(Medicine.Level.valueOf(string(i, "level")),
                        Items.strings(i, "regions").stream().map(Region::parse).toList()),
                LocalDate.parse(string(i, "trackingStart")), end == null ? null : LocalDate.parse(end),
                Items.number(i, "version"));
    }

    static Map<String, AttributeValue> item(Cis cis, List<SupplyStatus> statuses) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", s(RegisterKeys.supplyStatuses(cis)));
        item.put("sk", s(RegisterKeys.ROOT));
        item.put("gsi1pk", s(RegisterKeys.SUPPLY_STATUSES));
        item.put("gsi1sk", s(cis.code()));
        item.put("cis", s(cis.code()));
        item.put("statuses", AttributeValue.fromL(statuses.stream().map(st -> {
            Map<String, AttributeValue> m = new LinkedHashMap<>();
            put(m, "cip13", s(st.cip13()));
            m.put("kind", s(st.kind().name()));
            m.put("since", s(st.since().toString()));
            m.put("updatedOn", s(st.updatedOn().toString()));
            put(m, "availableAgainOn", st.availableAgainOn() == null ? null : s(st.availableAgainOn().toString()));
            put(m, "url", s(st.url()));
            return AttributeValue.fromM(m);
        }).toList()));
        return item;
    }

    static Cis supplyCis(Map<String, AttributeValue> i) {
        return new Cis(string(i, "cis"));
    }

    static List<SupplyStatus> supplyStatuses(Map<String, AttributeValue> i) {
        Cis cis = supplyCis(i);
        return i.get("statuses").l().stream().map(AttributeValue::m).map(m -> new SupplyStatus(cis, string(m, "cip13"),
                SupplyStatus.Kind.valueOf(string(m, "kind")), LocalDate.parse(string(m, "since")),
                LocalDate.parse(string(m, "updatedOn")), day(string(m, "availableAgainOn")), string(m, "url"))).toList();
    }

    private static LocalDate day(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }

    static Map<String, AttributeValue> item(Instruction in) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", s(RegisterKeys.instruction(in.id())));
        item.put("sk", s(RegisterKeys.ROOT));
        item.put("gsi1pk", s(RegisterKeys.instructionsOf(in.region())));
        item.put("gsi1sk", s(in.validFrom() + "#" + in.id()));
        item.put("id", s(in.id()));
        item.put("title", s(in.title()));
        item.put("body", s(in.body()));
        put(item, "region", in.region() == null ? null : s(in.region().code()));
        item.put("validFrom", s(in.validFrom().toString()));
        put(item, "validTo", in.validTo() == null ? null : s(in.validTo().toString()));
        if (in.version() > 0) {
            item.put("version", Items.n(in.version()));
        }
        return item;
    }

    static Instruction instruction(Map<String, AttributeValue> i) {
        String region = string(i, "region");
        String to = string(i, "validTo");
        return new Instruction(string(i, "id"), string(i, "title"), string(i, "body"),
                region == null ? null : Region.parse(region), LocalDate.parse(string(i, "validFrom")),
                to == null ? null : LocalDate.parse(to), Items.number(i, "version"));
    }

    static Map<String, AttributeValue> item(Account a) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", s(RegisterKeys.account(a.subject())));
        item.put("sk", s(RegisterKeys.ROOT));
        item.put("gsi1pk", s(RegisterKeys.ACCOUNTS));
        item.put("gsi1sk", s(a.subject()));
        item.put("sub", s(a.subject()));
        item.put("email", s(a.email()));
        item.put("roles", Items.list(a.roles().stream().map(Role::name).sorted().toList()));
        item.put("finessEj", Items.list(a.establishments().stream().map(Finess::value).sorted().toList()));
        put(item, "region", a.region() == null ? null : s(a.region().code()));
        return item;
    }

    static Account account(Map<String, AttributeValue> i) {
        return new Account(string(i, "sub"), string(i, "email"),
                Items.strings(i, "roles").stream().map(Role::valueOf).collect(Collectors.toSet()),
                Items.strings(i, "finessEj").stream().map(Finess::parse).collect(Collectors.toSet()),
                string(i, "region") == null ? null : Region.parse(string(i, "region")));
    }
}
