package fr.dispostock.domain.declaration;

import fr.dispostock.domain.Finess;

import java.util.List;

/** A PUI's current lines of a week, without who declared them, when or how late: what a history is made of. */
public record DeclaredLines(Finess finessEt, List<Line> lines) {
    public DeclaredLines {
        lines = List.copyOf(lines);
    }
}
