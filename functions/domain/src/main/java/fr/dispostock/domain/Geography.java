package fr.dispostock.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Regions and départements, read from the reference file shipped with the domain rather than typed
 * in, so that names (with their accents) are those of the source. Read once, on first use: the JVM
 * initialises the holder class only when a region or département is first asked for.
 */
final class Geography {
    private static final String FILE = "departements-france.csv";

    private Geography() {
    }

    static List<Region> regions() {
        return Loaded.REGIONS;
    }

    static Map<String, Departement> departements() {
        return Loaded.DEPARTEMENTS;
    }

    static List<Departement> departementList() {
        return Loaded.DEPARTEMENT_LIST;
    }

    private static final class Loaded {
        static final List<Region> REGIONS;
        static final Map<String, Departement> DEPARTEMENTS;
        static final List<Departement> DEPARTEMENT_LIST;

        static {
            Map<String, Region> regions = new LinkedHashMap<>();
            Map<String, Departement> departements = new LinkedHashMap<>();
            InputStream stream = Geography.class.getResourceAsStream(FILE);
            if (stream == null) {
                throw new IllegalStateException(FILE + " is missing from the domain's resources");
            }
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                in.readLine(); // code_departement,nom_departement,code_region,nom_region
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.isBlank()) {
                        continue;
                    }
                    String[] f = line.split(",", -1);
                    Region region = regions.computeIfAbsent(f[2].strip(), c -> new Region(c, f[3].strip()));
                    departements.put(f[0].strip(), new Departement(f[0].strip(), f[1].strip(), region));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            REGIONS = regions.values().stream().sorted(Comparator.comparing(Region::code)).toList();
            DEPARTEMENTS = Collections.unmodifiableMap(departements);
            DEPARTEMENT_LIST = List.copyOf(departements.values());
        }
    }
}
