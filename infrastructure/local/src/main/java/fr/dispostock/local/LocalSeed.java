package fr.dispostock.local;

import fr.dispostock.domain.Caller;
import fr.dispostock.domain.Csv;
import fr.dispostock.domain.InvalidRequestException;
import fr.dispostock.domain.Role;
import fr.dispostock.domain.register.RegisterStore;
import fr.dispostock.registers.establishments.EstablishmentService;
import fr.dispostock.registers.establishments.ImportReport;
import fr.dispostock.registers.instructions.InstructionBody;
import fr.dispostock.registers.instructions.InstructionService;
import fr.dispostock.registers.medicines.MedicineBody;
import fr.dispostock.registers.medicines.MedicineService;
import fr.dispostock.registers.supply.SupplyStatusImport;
import fr.dispostock.registers.supply.SupplyStatusService;
import fr.dispostock.registers.puis.PuiBody;
import fr.dispostock.registers.puis.PuiService;
import fr.dispostock.statestock.catalogue.CatalogueService;
import fr.dispostock.statestock.catalogue.ProductBody;
import fr.dispostock.embedded.TableDefinitions;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * Fills an empty local platform with real public data (resources/seed, see its README), through
 * the same rules as the API, acting as the national operator.
 */
@Singleton
public class LocalSeed {
    private static final Logger LOG = LoggerFactory.getLogger(LocalSeed.class);
    static final Caller OPERATOR = new Caller("local-seed", "seed@dispostock.invalid", Set.of(Role.NATIONAL),
            Set.of(), Optional.empty());
    private final RegisterStore store;
    private final EstablishmentService establishments;
    private final PuiService puis;
    private final MedicineService medicines;
    private final InstructionService instructions;
    private final CatalogueService catalogue;
    private final SupplyStatusService supplyStatuses;
    private final JsonMapper json;

    public LocalSeed(RegisterStore store, EstablishmentService establishments, PuiService puis,
                     MedicineService medicines, InstructionService instructions, CatalogueService catalogue,
                     SupplyStatusService supplyStatuses, JsonMapper json) {
        this.supplyStatuses = supplyStatuses;
        this.store = store;
        this.establishments = establishments;
        this.puis = puis;
        this.medicines = medicines;
        this.instructions = instructions;
        this.catalogue = catalogue;
        this.json = json;
    }

    /** Seeds the two regions of the tests when the registers hold no tracked item yet; says what it did. */
    public boolean seedIfEmpty() {
        if (!store.medicines().isEmpty()) {
            return false;
        }
        registers("seed/finess-small.csv", "seed/puis-small.csv");
        return true;
    }

    /**
     * The registers: these FINESS sites and PUIs, the tracked items, an instruction and the
     * catalogue. The whole of France has 11,000 sites and 2,200 PUIs: the FINESS file is imported
     * in a few parts at once (each legal entity's sites in one part, so that no two parts create
     * the same establishment), and the PUIs a few at once.
     */
    public void registers(String finessCsv, String puisCsv) {
        LongAdder created = new LongAdder();
        LongAdder rejected = new LongAdder();
        Parallel.forEach(partsByEstablishment(read(finessCsv)), part -> {
            ImportReport report = establishments.importFiness(OPERATOR, part);
            created.add(report.created());
            rejected.add(report.rejected().size());
        });
        LOG.info("seed: FINESS sites created {}, rejected {}", created.sum(), rejected.sum());
        LongAdder registered = new LongAdder();
        Parallel.forEach(LocalHistory.puis(puisCsv), pui -> {
            PuiBody body = new PuiBody(null, pui.finessEj().value(), pui.name(), pui.email(), null,
                    new PuiBody.AddressBody(pui.line1(), null, pui.postalCode(), pui.city()));
            try {
                puis.put(OPERATOR, pui.finessEt(), body, Optional.empty());
                registered.increment();
            } catch (InvalidRequestException e) {
                LOG.warn("seed: PUI {} skipped: {}", pui.finessEt(), e.errors());
            }
        });
        LOG.info("seed: PUIs registered {}", registered.sum());
        for (Csv.Row row : Csv.parse(read("seed/medicines.csv")).rows()) {
            List<String> regions = words(row.get("regions"));
            medicines.put(OPERATOR, row.get("itemid"), new MedicineBody(null, row.get("label"),
                    Arrays.asList(row.get("ucds").split(" ")), words(row.get("cis")),
                    new MedicineBody.PriorityBody(row.get("level"), regions),
                    LocalHistory.FIRST_WEEK.monday().toString(), null), Optional.empty());
        }
        // the medicines agency's shortage statuses of July 2025, as the national operator imports them
        SupplyStatusImport statuses = supplyStatuses.importFile(OPERATOR, read("seed/bdpm-cis-cip-dispo-spec.txt"));
        LOG.info("seed: supply statuses of {} CIS", statuses.created());
        instructions.put(OPERATOR, "declaration-hebdomadaire", new InstructionBody("Déclaration hebdomadaire",
                "Chaque lundi, déclarez pour chaque médicament suivi le stock de votre PUI et sa consommation"
                        + " moyenne journalière. Un stock nul se déclare explicitement.", null, "2026-01-05", null),
                Optional.empty());
        try {
            for (CatalogueEntry p : catalogueEntries()) {
                catalogue.put(OPERATOR, p.code(), new ProductBody(p.name(), p.kind(), p.unit(), p.packSize(),
                        p.devices(), p.orderable()), Optional.empty());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable infrastructure/catalogue/state-stock-catalogue.json", e);
        }
    }

    /**
     * The FINESS file in parts of its rows, each with the header, a legal entity's rows in one part
     * (its number, the second column, is never quoted).
     */
    private static List<String> partsByEstablishment(String csv) {
        List<String> lines = csv.lines().toList();
        List<StringBuilder> parts = new ArrayList<>();
        for (int i = 0; i < Parallel.THREADS; i++) {
            parts.add(new StringBuilder(lines.get(0)).append('\n'));
        }
        for (String line : lines.subList(1, lines.size())) {
            String finessEj = line.split(";", 3)[1];
            parts.get(Math.floorMod(finessEj.hashCode(), parts.size())).append(line).append('\n');
        }
        return parts.stream().map(StringBuilder::toString).toList();
    }

    /** A line of infrastructure/catalogue/state-stock-catalogue.json. */
    @Serdeable
    record CatalogueEntry(String code, String name, String kind, String unit, java.math.BigDecimal packSize,
                          List<ProductBody.DeviceBody> devices, Boolean orderable) {
    }

    /** Today's State-stock catalogue, the file the deployment helper writes through the API. */
    static Path catalogueFile() {
        return TableDefinitions.locateTemplate().resolveSibling("infrastructure/catalogue/state-stock-catalogue.json");
    }

    private List<CatalogueEntry> catalogueEntries() throws IOException {
        return json.readValue(Files.readString(catalogueFile()), Argument.listOf(CatalogueEntry.class));
    }

    /** A cell of space-separated codes; an empty cell is none. */
    private static List<String> words(String cell) {
        return cell == null ? List.of() : List.of(cell.split(" "));
    }

    static String read(String resource) {
        try (InputStream in = LocalSeed.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
