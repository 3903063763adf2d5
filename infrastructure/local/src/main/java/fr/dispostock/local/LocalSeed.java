package fr.dispostock.local;

import fr.dispostock.domain.Caller;
import fr.dispostock.domain.Csv;
import fr.dispostock.domain.Finess;
import fr.dispostock.domain.InvalidRequestException;
import fr.dispostock.domain.Role;
import fr.dispostock.domain.register.RegisterStore;
import fr.dispostock.registers.establishments.EstablishmentService;
import fr.dispostock.registers.establishments.ImportReport;
import fr.dispostock.registers.instructions.InstructionBody;
import fr.dispostock.registers.instructions.InstructionService;
import fr.dispostock.registers.medicines.MedicineBody;
import fr.dispostock.registers.medicines.MedicineService;
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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
    private final JsonMapper json;

    public LocalSeed(RegisterStore store, EstablishmentService establishments, PuiService puis,
                     MedicineService medicines, InstructionService instructions, CatalogueService catalogue,
                     JsonMapper json) {
        this.store = store;
        this.establishments = establishments;
        this.puis = puis;
        this.medicines = medicines;
        this.instructions = instructions;
        this.catalogue = catalogue;
        this.json = json;
    }

    /** Seeds when the registers hold no tracked item yet; says what it did. */
    public boolean seedIfEmpty() {
        if (!store.medicines().isEmpty()) {
            return false;
        }
        ImportReport report = establishments.importFiness(OPERATOR, read("seed/finess.csv"));
        LOG.info("seed: FINESS sites created {}, rejected {}", report.created(), report.rejected().size());
        int registered = 0;
        for (Csv.Row row : Csv.parse(read("seed/puis.csv")).rows()) {
            String et = row.get("finesset");
            PuiBody body = new PuiBody(null, row.get("finessej"), row.get("name"), "pui-" + et + "@dispostock.invalid",
                    null, new PuiBody.AddressBody(row.get("line1"), null, row.get("postalcode"), row.get("city")));
            try {
                puis.put(OPERATOR, Finess.parse(et), body, Optional.empty());
                registered++;
            } catch (InvalidRequestException e) {
                LOG.warn("seed: PUI {} skipped: {}", et, e.errors());
            }
        }
        LOG.info("seed: PUIs registered {}", registered);
        for (Csv.Row row : Csv.parse(read("seed/medicines.csv")).rows()) {
            List<String> regions = row.get("regions") == null ? List.of() : List.of(row.get("regions").split(" "));
            medicines.put(OPERATOR, row.get("itemid"), new MedicineBody(null, row.get("label"),
                    Arrays.asList(row.get("ucds").split(" ")), new MedicineBody.PriorityBody(row.get("level"), regions),
                    "2026-01-05", null), Optional.empty());
        }
        instructions.put(OPERATOR, "declaration-hebdomadaire", new InstructionBody("Déclaration hebdomadaire",
                "Chaque lundi, déclarez pour chaque médicament suivi le stock de votre PUI et sa consommation"
                        + " moyenne journalière. Un stock nul se déclare explicitement.", null, "2026-01-05", null),
                Optional.empty());
        // today's State-stock catalogue, the same file the deployment helper writes through the API
        try {
            for (CatalogueEntry p : catalogueFile()) {
                catalogue.put(OPERATOR, p.code(), new ProductBody(p.name(), p.kind(), p.unit(), p.packSize(),
                        p.devices(), p.orderable()), Optional.empty());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable infrastructure/catalogue/state-stock-catalogue.json", e);
        }
        return true;
    }

    /** A line of infrastructure/catalogue/state-stock-catalogue.json. */
    @Serdeable
    record CatalogueEntry(String code, String name, String kind, String unit, java.math.BigDecimal packSize,
                          List<ProductBody.DeviceBody> devices, Boolean orderable) {
    }

    private List<CatalogueEntry> catalogueFile() throws IOException {
        Path file = TableDefinitions.locateTemplate().resolveSibling("infrastructure/catalogue/state-stock-catalogue.json");
        return json.readValue(Files.readString(file), Argument.listOf(CatalogueEntry.class));
    }

    private static String read(String resource) {
        try (InputStream in = LocalSeed.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
