package fr.dispostock.domain.statestock;

import fr.dispostock.domain.Departement;
import fr.dispostock.domain.Finess;
import fr.dispostock.domain.Region;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The State-stock lots a PUI declares for a Thursday, with the figures corrections replaced. */
public record LotDeclaration(Finess finessEt, Finess finessEj, Region region, Departement departement, LocalDate date,
                             Revision current, List<Revision> history) {

    public record Revision(Instant declaredAt, String declaredBy, List<LotLine> lines) {
        public Revision {
            lines = lines == null ? List.of() : List.copyOf(lines);
        }
    }

    public LotDeclaration {
        history = history == null ? List.of() : List.copyOf(history); // absent from a document written without empty lists
    }

    public int revision() {
        return history.size() + 1;
    }
}
