package fr.dispostock.domain.insight;

import fr.dispostock.domain.Departement;
import fr.dispostock.domain.Finess;
import fr.dispostock.domain.IsoWeek;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TerritorialDisparitiesTest {
    private static final IsoWeek WEEK = IsoWeek.parse("2026-W48");
    private static final Departement AIN = Departement.parse("01");
    private static final Departement RHONE = Departement.parse("69");
    private static final Departement CORSE_DU_SUD = Departement.parse("2A");

    private static final Finess PUI = Finess.parse("010000024");

    /** A PUI × item of the département (which PUI does not matter to the medians). */
    private static ShortageRisk risk(Departement d, String itemId, Double coverageDays) {
        return new ShortageRisk(PUI, PUI, d.region(), d, itemId, WEEK, 0, 1, 1,
                coverageDays, 0, 0, 0, 0, false, ShortageRisk.Horizon.NONE, "");
    }

    @Test
    void medians_by_departement_region_and_nation_and_the_places_behind_with_how_far() {
        // given item A covered 4 and 6 days in the Ain, 30 in the Rhône, 20 and 40 in Corse-du-Sud; item B
        // 50 days everywhere; a PUI × item consuming nothing (no coverage) in the Ain
        TerritorialDisparities d = new TerritorialDisparities();
        d.add(risk(AIN, "A", 4.0));
        d.add(risk(AIN, "A", 6.0));
        d.add(risk(RHONE, "A", 30.0));
        d.add(risk(CORSE_DU_SUD, "A", 20.0));
        d.add(risk(CORSE_DU_SUD, "A", 40.0));
        d.add(risk(AIN, "B", 50.0));
        d.add(risk(CORSE_DU_SUD, "B", 50.0));
        d.add(risk(AIN, "A", null));

        // when the areas are made
        List<AreaCoverage> areas = d.areas(WEEK);

        // then the nation, regions 84 and 94, départements 01, 2A and 69, each with its medians: item A's national
        // median is that of 4, 6, 20, 30, 40 = 20; every item's is that of 4, 6, 20, 30, 40, 50, 50 = 30
        assertEquals(List.of("NATION", "REGION 84", "REGION 94", "DEPARTEMENT 01", "DEPARTEMENT 2A", "DEPARTEMENT 69"),
                areas.stream().map(a -> a.level() + (a.code() == null ? "" : " " + a.code())).toList());
        AreaCoverage nation = find(areas, null);
        assertEquals(new AreaCoverage.Median(20, 5), nation.items().get("A"));
        assertEquals(new AreaCoverage.Median(30, 7), nation.all());
        AreaCoverage ain = find(areas, "01");
        assertEquals(new AreaCoverage.Median(5, 2), ain.items().get("A")); // (4 + 6) / 2
        assertEquals(new AreaCoverage.Median(6, 3), ain.all());            // 4, 6, 50
        assertEquals(new AreaCoverage.Median(6, 3), find(areas, "84").items().get("A")); // 4, 6, 30

        // and the Ain falls behind on item A (5 days, 15 under the nation's 20: a quarter of it) and over every
        // item (6 against 30), not on B; Corse-du-Sud (30 and 50 days) is not behind
        List<TerritorialDisparities.Shortfall> behind = TerritorialDisparities.behind(ain, nation);
        assertEquals(2, behind.size(), behind.toString());
        assertNull(behind.get(0).itemId());
        assertEquals(0.2, behind.get(0).share(), 1e-9);
        assertEquals(new TerritorialDisparities.Shortfall("A", 5, 20, 15, 0.25, 2), behind.get(1));
        assertTrue(TerritorialDisparities.behind(find(areas, "2A"), nation).isEmpty());
    }

    private static AreaCoverage find(List<AreaCoverage> areas, String code) {
        return areas.stream().filter(a -> code == null ? a.code() == null : code.equals(a.code())).findFirst()
                .orElseThrow();
    }
}
