package fr.dispostock.domain;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GeographyTest {

    @Test
    void the_18_regions_and_101_departements_match_the_shared_reference() {
        // given the shared list of départements with their region
        List<String[]> rows = SharedData.rows("geo/departements-france.csv", ",", StandardCharsets.UTF_8);

        // then every département is known in its region, and there are 18 regions
        assertEquals(101, Departement.all().size());
        assertEquals(18, Region.all().size());
        for (String[] row : rows) {
            Departement d = Departement.parse(row[0]);
            assertEquals(row[1], d.name());
            assertEquals(row[2], d.region().code());
        }
        assertEquals("Auvergne-Rhône-Alpes", Region.parse("84").name());
        assertEquals("94", Departement.parse("2a").region().code());
    }

    @Test
    void unknown_codes_are_refused_naming_the_valid_ones() {
        // then an unknown region lists the known codes
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> Region.parse("99"));
        assertEquals(true, e.getMessage().contains("84"));
        assertThrows(InvalidValueException.class, () -> Departement.parse("20"));
    }
}
