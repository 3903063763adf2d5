package fr.dispostock.domain.declaration;

import fr.dispostock.domain.Departement;
import fr.dispostock.domain.Finess;
import fr.dispostock.domain.IsoWeek;
import fr.dispostock.domain.Region;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A PUI's weekly declaration: its current figures, and the earlier ones of the same week that
 * corrections replaced (oldest first). Region and département are the PUI's, copied so that the
 * authorities' reads need no join.
 */
public record Declaration(Finess finessEt, Finess finessEj, Region region, Departement departement, IsoWeek week,
                          Revision current, List<Revision> history) {
    public Declaration {
        history = List.copyOf(history);
    }

    public List<Line> lines() {
        return current.lines();
    }

    public Optional<Line> line(String itemId) {
        return current.lines().stream().filter(l -> l.itemId().equals(itemId)).findFirst();
    }

    /** How many times the week was declared: the condition of the next write. */
    public int revision() {
        return history.size() + 1;
    }
}
