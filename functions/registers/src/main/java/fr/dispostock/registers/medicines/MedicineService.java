package fr.dispostock.registers.medicines;

import fr.dispostock.domain.AccessDeniedException;
import fr.dispostock.domain.Caller;
import fr.dispostock.domain.Cis;
import fr.dispostock.domain.Dates;
import fr.dispostock.domain.Enums;
import fr.dispostock.domain.Identifiers;
import fr.dispostock.domain.Limits;
import fr.dispostock.domain.NotFoundException;
import fr.dispostock.domain.Region;
import fr.dispostock.domain.Role;
import fr.dispostock.domain.Ucd;
import fr.dispostock.domain.Versions;
import fr.dispostock.domain.Violations;
import fr.dispostock.domain.register.AuditEntry;
import fr.dispostock.domain.register.Medicine;
import fr.dispostock.domain.register.RegisterStore;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The medicines PUIs must declare. The national operator keeps national level 1 items; an ARS
 * adds items tracked in its own region only. A UCD code belongs to one item at most, so a
 * declared line never counts twice.
 */
@Singleton
public class MedicineService {
    private final RegisterStore store;

    public MedicineService(RegisterStore store) {
        this.store = store;
    }

    /** Tracked items, optionally only those tracked on a day and those a region's PUIs declare. */
    public List<Medicine> list(String activeOnParam, String regionParam) {
        Violations v = new Violations();
        LocalDate activeOn = v.parseOptional("activeOn", activeOnParam, Dates::parse);
        Region region = v.parseOptional("region", regionParam, Region::parse);
        v.throwIfAny("Invalid query");
        return store.medicines().stream()
                .filter(m -> activeOn == null || m.trackedOn(activeOn))
                .filter(m -> region == null || m.concerns(region))
                .sorted(Comparator.comparing(Medicine::itemId))
                .toList();
    }

    public Medicine get(String itemId) {
        return store.medicine(Identifiers.existing(Identifiers.ID, itemId, "tracked item")).orElseThrow(() -> new NotFoundException("No tracked item " + itemId + "."));
    }

    public Medicine put(Caller caller, String itemId, MedicineBody body, Optional<Long> ifMatch) {
        Violations v = new Violations();
        if (!Identifiers.fits(Identifiers.ID, itemId)) {
            v.add("itemId", "must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
        if (body.itemId() != null && !body.itemId().equals(itemId)) {
            v.add("/itemId", "must be the item id in the path (" + itemId + ") or absent");
        }
        String label = v.text("/label", body.label(), 200);
        List<Ucd> ucds = ucds(v, body.ucds());
        List<Cis> cis = cis(v, body.cis());
        Medicine.Priority priority = priority(v, body.priority());
        LocalDate start = v.parse("/trackingStart", body.trackingStart(), Dates::parse);
        LocalDate end = v.parseOptional("/trackingEnd", body.trackingEnd(), Dates::parse);
        if (start != null && end != null && end.isBefore(start)) {
            v.add("/trackingEnd", "must not be before trackingStart");
        }
        v.throwIfAny("Invalid tracked item");

        Optional<Medicine> existing = store.medicine(itemId);
        requireKeeper(caller, priority);
        existing.ifPresent(m -> requireKeeper(caller, m.priority()));
        Map<Ucd, String> holders = store.ucdHolders(ucds);
        for (int i = 0; i < ucds.size(); i++) {
            String holder = holders.get(ucds.get(i));
            if (holder != null && !holder.equals(itemId)) {
                v.add("/ucds/" + i, "UCD " + ucds.get(i) + " is already tracked in item " + holder);
            }
        }
        v.throwIfAny("Invalid tracked item");
        Versions.check(ifMatch, existing.map(Medicine::version).orElse(null), "Item " + itemId);
        Medicine next = new Medicine(itemId, label, ucds, cis, priority, start, end,
                existing.map(Medicine::version).orElse(0L));
        return store.save(existing.orElse(null), next, caller.auditName());
    }

    private static List<Ucd> ucds(Violations v, List<String> raw) {
        if (raw == null || raw.isEmpty()) {
            v.add("/ucds", "at least one UCD code is required");
            return List.of();
        }
        if (!v.size("/ucds", raw, Limits.UCDS_MAX, "UCD codes per item: the item, its trail and each UCD code added"
                + " or dropped are written in one DynamoDB transaction (100 writes at most)")) {
            return List.of();
        }
        return distinct(v, "/ucds", raw, Ucd::parse, "UCD");
    }

    /** The codes parsed, each once; a code given twice is named at its second place. */
    private static <T> List<T> distinct(Violations v, String pointer, List<String> raw, Function<String, T> parser,
                                        String what) {
        Map<T, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < raw.size(); i++) {
            T code = v.parse(pointer + "/" + i, raw.get(i), parser);
            if (code != null) {
                Integer first = seen.putIfAbsent(code, i);
                if (first != null) {
                    v.add(pointer + "/" + i, what + " " + code + " is listed twice (also at " + pointer + "/" + first + ")");
                }
            }
        }
        return new ArrayList<>(seen.keySet());
    }

    private static List<Cis> cis(Violations v, List<String> raw) {
        if (raw == null || !v.size("/cis", raw, Limits.CIS_MAX, "CIS codes per item")) {
            return List.of();
        }
        return distinct(v, "/cis", raw, Cis::parse, "CIS");
    }

    private static Medicine.Priority priority(Violations v, MedicineBody.PriorityBody p) {
        if (p == null || p.level() == null) {
            v.add("/priority/level", "is required: NATIONAL or REGIONAL");
            return null;
        }
        Medicine.Level level = Enums.find(Medicine.Level.class, p.level()).orElse(null);
        if (level == null) {
            v.add("/priority/level", "must be " + Enums.choices(Medicine.Level.class));
            return null;
        }
        List<String> raw = p.regions() == null ? List.of() : p.regions();
        if (!v.size("/priority/regions", raw, Limits.REGIONS_MAX, "regions (there are 18)")) {
            return null;
        }
        if (level == Medicine.Level.NATIONAL && !raw.isEmpty()) {
            v.add("/priority/regions", "must be empty for a national item");
        }
        if (level == Medicine.Level.REGIONAL && raw.isEmpty()) {
            v.add("/priority/regions", "a regional item names at least one region");
        }
        List<Region> regions = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            Region r = v.parse("/priority/regions/" + i, raw.get(i), Region::parse);
            if (r != null && !regions.contains(r)) {
                regions.add(r);
            }
        }
        return new Medicine.Priority(level, regions);
    }

    /** National items are the national operator's; an ARS keeps regional items of its own region only. */
    private static void requireKeeper(Caller caller, Medicine.Priority priority) {
        if (caller.isNational()) {
            return;
        }
        boolean ownRegional = caller.has(Role.ARS) && priority.level() == Medicine.Level.REGIONAL
                && caller.region().map(r -> priority.regions().equals(List.of(r))).orElse(false);
        if (!ownRegional) {
            throw new AccessDeniedException("Only the national operator keeps national items; an ARS keeps the"
                    + " regional items of its own region.");
        }
    }

    public List<AuditEntry> audit(Caller caller, String itemId) {
        Medicine m = get(itemId);
        if (!caller.isNational()) {
            requireKeeper(caller, m.priority());
        }
        return store.audit(RegisterStore.Kind.MEDICINE, itemId);
    }
}
