package fr.dispostock.registers.establishments;

import fr.dispostock.domain.Caller;
import fr.dispostock.domain.Csv;
import fr.dispostock.domain.Departement;
import fr.dispostock.domain.Enums;
import fr.dispostock.domain.Finess;
import fr.dispostock.domain.InvalidValueException;
import fr.dispostock.domain.NotFoundException;
import fr.dispostock.domain.Region;
import fr.dispostock.domain.Role;
import fr.dispostock.domain.Scope;
import fr.dispostock.domain.Versions;
import fr.dispostock.domain.Violations;
import fr.dispostock.domain.register.AuditEntry;
import fr.dispostock.domain.register.Establishment;
import fr.dispostock.domain.register.Pui;
import fr.dispostock.domain.register.RegisterStore.SiteChange;
import fr.dispostock.domain.register.RegisterStore;
import fr.dispostock.domain.register.Site;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The establishment register: the ARS keeps its region's, the national operator all of them. */
@Singleton
public class EstablishmentService {
    private final RegisterStore store;

    public EstablishmentService(RegisterStore store) {
        this.store = store;
    }

    public Establishment get(Caller caller, Finess finessEj) {
        Establishment e = store.establishment(finessEj)
                .orElseThrow(() -> new NotFoundException("No establishment " + finessEj + " in the register."));
        Scope.requireRead(caller, e.region(), e.finessEj());
        return e;
    }

    /** One region's establishments, or every region's for the national operator when none is named. */
    public List<Establishment> list(Caller caller, String regionParam) {
        Scope.requireAnyRole(caller, Role.ARS, Role.OMEDIT, Role.NATIONAL);
        Violations v = new Violations();
        Region region = v.parseOptional("region", regionParam, Region::parse);
        v.throwIfAny("Invalid query");
        return Scope.regionOfRead(caller, region).map(this::withSitesAndPuis)
                .orElseGet(() -> Region.all().stream().flatMap(r -> withSitesAndPuis(r).stream()).toList());
    }

    /** A region's establishments with their sites and PUIs of that region, so that the register is searched by commune too. */
    private List<Establishment> withSitesAndPuis(Region region) {
        Map<Finess, List<Site>> sites = store.sites(region).stream().collect(Collectors.groupingBy(Site::finessEj));
        Map<Finess, List<Finess>> puis = store.puis(region).stream()
                .collect(Collectors.groupingBy(Pui::finessEj, Collectors.mapping(Pui::finessEt, Collectors.toList())));
        return store.establishments(region).stream()
                .map(e -> new Establishment(e.finessEj(), e.ipe(), e.name(), e.region(), e.departement(), e.category(),
                        e.status(), puis.getOrDefault(e.finessEj(), List.of()), sites.getOrDefault(e.finessEj(), List.of()),
                        e.version()))
                .toList();
    }

    public Establishment put(Caller caller, Finess finessEj, EstablishmentBody body, Optional<Long> ifMatch) {
        Violations v = new Violations();
        if (body.finessEj() != null && !body.finessEj().strip().equals(finessEj.value())) {
            v.add("/finessEj", "must be the FINESS in the path (" + finessEj + ") or absent");
        }
        String name = v.text("/name", body.name(), 200);
        String ipe = v.optionalText("/ipe", body.ipe(), 20);
        // the number's own département says the region, whatever the body claims: an ARS cannot
        // register another region's legal entity by writing its own region beside it
        Departement issuer = v.parse("/finessEj", finessEj.value(), number -> finessEj.departement());
        Region region = issuer == null ? null : issuer.region();
        Region claimed = v.parseOptional("/region", body.region(), Region::parse);
        if (claimed != null && region != null && !claimed.equals(region)) {
            v.add("/region", "FINESS " + finessEj + " was issued in département " + issuer.code() + ": its region is "
                    + region.code() + ", not " + claimed.code());
        }
        Departement given = v.parseOptional("/departement", body.departement(), Departement::parse);
        Departement departement = given == null ? issuer : given;
        if (region != null && departement != null && !departement.region().equals(region)) {
            v.add("/departement", "département " + departement.code() + " is in region "
                    + departement.region().code() + ", not in the establishment's region " + region.code());
        }
        String category = v.optionalText("/category", body.category(), 100);
        Establishment.Status status = body.status() == null ? Establishment.Status.OPEN
                : v.parse("/status", body.status(), EstablishmentService::status);
        v.throwIfAny("Invalid establishment");

        Optional<Establishment> existing = store.establishment(finessEj);
        Scope.requireRegionKeeper(caller, region);
        existing.ifPresent(e -> Scope.requireRegionKeeper(caller, e.region()));
        Versions.check(ifMatch, existing.map(Establishment::version).orElse(null), "Establishment " + finessEj);
        Establishment next = new Establishment(finessEj, ipe, name, region, departement, category, status,
                existing.map(Establishment::puis).orElse(List.of()), existing.map(Establishment::sites).orElse(List.of()),
                existing.map(Establishment::version).orElse(0L));
        return store.save(existing.orElse(null), next, caller.auditName());
    }

    private static Establishment.Status status(String raw) {
        return Enums.parse(Establishment.Status.class, raw);
    }

    /**
     * Loads a FINESS extract (official column names). Each line is a site of an establishment:
     * unknown establishments are created from their first line, sites are added or updated;
     * a line that fails its checks is reported and skipped. Importing the same file again
     * changes nothing.
     */
    public ImportReport importFiness(Caller caller, String csvText) {
        Scope.requireAnyRole(caller, Role.ARS, Role.NATIONAL);
        Csv csv = Csv.parse(csvText);
        csv.requireColumns("nofinesset", "nofinessej", "rs", "code_departement");
        List<ImportReport.Rejected> rejected = new ArrayList<>();
        Map<Finess, Integer> firstLineOfSite = new HashMap<>();
        Map<Finess, Establishment> establishmentsOfFile = new LinkedHashMap<>();
        List<Site> sites = new ArrayList<>();
        for (Csv.Row row : csv.rows()) {
            try {
                Site site = site(row);
                Region region = site.departement().region();
                String rowRegion = row.get("code_region");
                if (rowRegion != null && !rowRegion.equals(region.code())) {
                    throw new InvalidValueException("code_region " + rowRegion + " does not match département "
                            + site.departement().code() + " (region " + region.code() + ")");
                }
                if (!caller.isNational() && !caller.isArsOf(region)) {
                    throw new InvalidValueException("a row of region " + region.code()
                            + ": an ARS imports the rows of its own region only");
                }
                Departement seat = parse(row, "nofinessej", raw -> site.finessEj().departement());
                Integer first = firstLineOfSite.putIfAbsent(site.finessEt(), row.line());
                if (first != null) {
                    throw new InvalidValueException("nofinesset " + site.finessEt() + " already appears at line " + first);
                }
                establishmentsOfFile.putIfAbsent(site.finessEj(), new Establishment(site.finessEj(), null, site.name(),
                        seat.region(), seat, row.get("libcategagretab"), Establishment.Status.OPEN,
                        List.of(), List.of(), 0));
                sites.add(site);
            } catch (InvalidValueException e) {
                rejected.add(new ImportReport.Rejected(row.line(), e.getMessage()));
            }
        }
        Map<Finess, Establishment> known = store.establishments(establishmentsOfFile.keySet());
        // a legal entity spanning regions: each ARS keeps the sites of its region, but only the ARS of
        // the legal entity's own region (or the nation) registers the legal entity itself
        establishmentsOfFile.values().removeIf(e -> {
            boolean foreign = !known.containsKey(e.finessEj()) && !caller.isNational() && !caller.isArsOf(e.region());
            if (foreign) {
                sites.removeIf(site -> {
                    boolean ofIt = site.finessEj().equals(e.finessEj());
                    if (ofIt) {
                        rejected.add(new ImportReport.Rejected(firstLineOfSite.get(site.finessEt()), "nofinessej "
                                + e.finessEj() + " is a legal entity of region " + e.region().code() + " (département "
                                + e.departement().code() + ") not yet registered: the ARS of region "
                                + e.region().code() + " or the national operator registers it first"));
                    }
                    return ofIt;
                });
            }
            return foreign;
        });
        List<Establishment> newEstablishments = establishmentsOfFile.values().stream()
                .filter(e -> !known.containsKey(e.finessEj())).toList();
        Map<Finess, Site> registered = store.registeredSites(sites);
        int created = 0;
        int unchanged = 0;
        List<SiteChange> changes = new ArrayList<>();
        for (Site site : sites) {
            Site before = registered.get(site.finessEt());
            if (site.equals(before)) {
                unchanged++;
            } else {
                created += before == null ? 1 : 0;
                changes.add(new SiteChange(before, site));
            }
        }
        store.writeImport(newEstablishments, changes, caller.auditName());
        rejected.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return new ImportReport(created, changes.size() - created, unchanged, rejected);
    }

    private static Site site(Csv.Row row) {
        Finess et = parse(row, "nofinesset", Finess::parse);
        Finess ej = parse(row, "nofinessej", Finess::parse);
        Departement departement = parse(row, "code_departement", Departement::parse);
        if (!et.departement().equals(departement)) {
            throw new InvalidValueException("nofinesset " + et + " belongs to département " + et.departement().code()
                    + ", not " + departement.code());
        }
        return new Site(et, ej, required(row, "rs"), row.get("categetab"), row.get("libcategetab"),
                row.get("adresse"), row.get("code_postal"), row.get("commune"), departement,
                degrees(row, "latitude"), degrees(row, "longitude"));
    }

    /** An optional WGS84 coordinate (the extract leaves a few sites without); its range is the Site's check. */
    private static Double degrees(Csv.Row row, String column) {
        String raw = row.get(column);
        if (raw == null) {
            return null;
        }
        try {
            return Double.valueOf(raw);
        } catch (NumberFormatException e) {
            throw new InvalidValueException(column + ": " + raw + " is not a number of degrees");
        }
    }

    private static <T> T parse(Csv.Row row, String column, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(required(row, column));
        } catch (InvalidValueException e) {
            throw new InvalidValueException(column + ": " + e.getMessage());
        }
    }

    private static String required(Csv.Row row, String column) {
        String value = row.get(column);
        if (value == null) {
            throw new InvalidValueException(column + " is empty");
        }
        return value;
    }

    public List<AuditEntry> audit(Caller caller, Finess finessEj) {
        Establishment e = store.establishment(finessEj)
                .orElseThrow(() -> new NotFoundException("No establishment " + finessEj + " in the register."));
        Scope.requireRegionKeeper(caller, e.region());
        return store.audit(RegisterStore.Kind.ESTABLISHMENT, finessEj.value());
    }
}
