package fr.dispostock.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Regions and départements, read once from the reference file shipped with the domain. */
final class Geography {
    static final List<Region> REGIONS;
    static final Map<String, Departement> DEPARTEMENTS;

    static {
        Map<String, Region> regions = new LinkedHashMap<>();
        Map<String, Departement> departements = new LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Geography.class.getResourceAsStream("departements-france.csv"), StandardCharsets.UTF_8))) {
            in.readLine(); // code_departement,nom_departement,code_region,nom_region
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                Region region = regions.computeIfAbsent(f[2], c -> new Region(c, f[3]));
                departements.put(f[0], new Departement(f[0], f[1], region));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Region> sorted = new ArrayList<>(regions.values());
        sorted.sort(java.util.Comparator.comparing(Region::code));
        REGIONS = List.copyOf(sorted);
        DEPARTEMENTS = java.util.Collections.unmodifiableMap(departements);
    }

    private Geography() {
    }
}
