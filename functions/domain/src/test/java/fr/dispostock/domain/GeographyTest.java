package fr.dispostock.domain;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GeographyTest {
    static final SharedData.Table REFERENCE = SharedData.table("geo/departements-france.csv", ",",
            StandardCharsets.UTF_8);

    @Test
    void there_are_the_18_regions_by_their_insee_codes() {
        // when all regions are listed
        List<String> codes = Region.all().stream().map(Region::code).toList();

        // then they are the 18 regions, by code
        assertEquals(List.of("01", "02", "03", "04", "06", "11", "24", "27", "28", "32", "44", "52", "53", "75", "76",
                "84", "93", "94"), codes);
        assertEquals("Auvergne-Rhône-Alpes", Region.parse("84").name());
        assertEquals("Île-de-France", Region.parse("11").name());
        assertEquals("Provence-Alpes-Côte d'Azur", Region.parse("93").name());
        assertEquals("01", Region.parse("1").code());
    }

    @Test
    void there_are_101_departements_each_in_the_region_the_shared_file_gives() {
        // given the shared list of départements with their region
        int code = REFERENCE.column("code_departement");
        int name = REFERENCE.column("nom_departement");
        int regionCode = REFERENCE.column("code_region");
        int regionName = REFERENCE.column("nom_region");

        // then each is known with its name and its region
        assertEquals(101, REFERENCE.rows().size());
        assertEquals(101, Departement.all().size());
        for (String[] row : REFERENCE.rows()) {
            Departement d = Departement.parse(row[code]);
            assertEquals(row[name], d.name());
            assertEquals(row[regionCode], d.region().code());
            assertEquals(row[regionName], d.region().name());
            assertSame(Region.parse(row[regionCode]), d.region());
        }
        assertEquals(REFERENCE.values("code_departement"), Departement.all().stream().map(Departement::code).toList());
    }

    @Test
    void corsican_and_overseas_departements_are_in_their_regions() {
        // then 2A (any case) is in Corsica, 976 in Mayotte, 01 is found from 1, and names keep their accents
        assertEquals("94", Departement.parse("2a").region().code());
        assertEquals("Corse", Departement.parse("2B").region().name());
        assertEquals("06", Departement.parse("976").region().code());
        assertEquals("01", Departement.parse("1").code());
        assertEquals("Ardèche", Departement.parse("07").name());
        assertEquals("La Réunion", Departement.parse("974").region().name());
    }

    @Test
    void unknown_codes_are_refused_naming_the_valid_ones() {
        // when unknown region and département codes are parsed
        InvalidValueException region = assertThrows(InvalidValueException.class, () -> Region.parse("99"));
        InvalidValueException departement = assertThrows(InvalidValueException.class, () -> Departement.parse("20"));

        // then the messages say which codes exist
        assertEquals("unknown region code 99; expected one of 01, 02, 03, 04, 06, 11, 24, 27, 28, 32, 44, 52, 53, 75,"
                + " 76, 84, 93, 94", region.getMessage());
        assertEquals("unknown département code 20; expected 01 to 95 (2A and 2B for Corsica, no 20) or 971 to 976",
                departement.getMessage());
        assertThrows(InvalidValueException.class, () -> Region.parse(null));
        assertThrows(InvalidValueException.class, () -> Departement.parse("975"));
    }
}
