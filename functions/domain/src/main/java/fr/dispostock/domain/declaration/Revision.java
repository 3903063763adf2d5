package fr.dispostock.domain.declaration;

import java.time.Instant;
import java.util.List;

/** Figures as they were declared at one moment, kept when a correction replaces them. */
public record Revision(Instant declaredAt, String declaredBy, boolean late, List<Line> lines) {
    public Revision {
        lines = List.copyOf(lines);
    }
}
