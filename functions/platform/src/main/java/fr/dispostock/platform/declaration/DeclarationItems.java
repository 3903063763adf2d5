package fr.dispostock.platform.declaration;

import fr.dispostock.domain.Departement;
import fr.dispostock.domain.Finess;
import fr.dispostock.domain.IsoWeek;
import fr.dispostock.domain.Region;
import fr.dispostock.domain.declaration.Declaration;
import fr.dispostock.domain.declaration.DeclaredLines;
import fr.dispostock.domain.declaration.Line;
import fr.dispostock.domain.declaration.Revision;
import fr.dispostock.platform.dynamo.Items;
import fr.dispostock.platform.dynamo.RevisionWriter;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static fr.dispostock.platform.dynamo.Items.s;
import static fr.dispostock.platform.dynamo.Items.string;

/**
 * Declarations as DeclarationsTable items and back (keys from {@link DeclarationKeys}): the lines
 * packed as "itemId=stock:cmj|…" in one attribute (item ids never hold '=', ':' or '|'). Public for
 * bulk loads of past weeks (the local platform's seed, the Monday peak's ceiling), which must store
 * what the function would.
 */
public final class DeclarationItems {
    private DeclarationItems() {
    }

    /**
     * The items a week declared several times is kept as, as the store's {@code save} leaves them: the
     * current figures and each earlier revision ({@code earlier}, oldest first).
     */
    public static List<Map<String, AttributeValue>> items(Declaration d, List<Revision> earlier) {
        if (earlier.size() != d.earlierRevisions()) {
            throw new IllegalArgumentException("a declaration of " + d.earlierRevisions() + " earlier revisions, given " + earlier.size());
        }
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        items.add(itemOf(d));
        for (int n = 1; n <= earlier.size(); n++) {
            items.add(revisionItemOf(d.week(), d.finessEt(), n, earlier.get(n - 1)));
        }
        return items;
    }

    /** The item of a declaration's current figures. */
    public static Map<String, AttributeValue> itemOf(Declaration d) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(DeclarationKeys.week(d.region(), d.week())));
        item.put("sk", s(DeclarationKeys.pui(d.finessEt())));
        item.put("ej", s(d.finessEj().value()));
        item.put("dep", s(d.departement().code()));
        item.put("rev", Items.n(d.revision()));
        item.put("revs", Items.n(d.earlierRevisions()));
        item.put("late", AttributeValue.fromBool(d.late()));
        item.put("cur", AttributeValue.fromM(figures(d.current())));
        return item;
    }

    /** The item of revision {@code number} of a PUI's week. */
    public static Map<String, AttributeValue> revisionItemOf(IsoWeek week, Finess finessEt, int number, Revision r) {
        Map<String, AttributeValue> item = new HashMap<>(RevisionWriter.revisionKey(DeclarationKeys.revisions(week, finessEt), number));
        item.putAll(figures(r));
        return item;
    }

    private static Map<String, AttributeValue> figures(Revision r) {
        StringBuilder lines = new StringBuilder();
        for (Line l : r.lines()) {
            if (!lines.isEmpty()) {
                lines.append('|');
            }
            lines.append(l.itemId()).append('=').append(l.stock()).append(':')
                    .append(l.averageDailyConsumption().stripTrailingZeros().toPlainString());
        }
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("at", s(r.declaredAt().toString()));
        m.put("by", s(r.declaredBy()));
        m.put("late", AttributeValue.fromBool(r.late()));
        m.put("lines", s(lines.toString()));
        return m;
    }

    /** A revision from its figures: a revision item, or the current figures' map ({@code cur}). */
    static Revision revision(Map<String, AttributeValue> figures) {
        return new Revision(Instant.parse(figures.get("at").s()), figures.get("by").s(), figures.get("late").bool(),
                lines(figures));
    }

    private static List<Line> lines(Map<String, AttributeValue> figures) {
        List<Line> lines = new ArrayList<>();
        String packed = figures.get("lines").s();
        if (!packed.isEmpty()) {
            for (String part : packed.split("\\|")) {
                int eq = part.indexOf('=');
                int colon = part.indexOf(':', eq);
                lines.add(new Line(part.substring(0, eq), Long.parseLong(part.substring(eq + 1, colon)),
                        new BigDecimal(part.substring(colon + 1))));
            }
        }
        return lines;
    }

    /** The attributes {@link #declaredLines} reads: the PUI's key and the current lines (names in {@link #LINES_NAMES}). */
    static final String LINES_PROJECTION = "sk, cur.#lines";
    static final Map<String, String> LINES_NAMES = Map.of("#lines", "lines");

    /** A PUI's current lines from an item read with {@link #LINES_PROJECTION} (or whole). */
    static DeclaredLines declaredLines(Map<String, AttributeValue> item) {
        return new DeclaredLines(DeclarationKeys.puiOf(string(item, "sk")), lines(item.get("cur").m()));
    }

    static Declaration declaration(Map<String, AttributeValue> item, Region region, IsoWeek week) {
        Revision current = revision(item.get("cur").m());
        Finess finessEt = DeclarationKeys.puiOf(string(item, "sk"));
        Finess finessEj = Finess.parse(string(item, "ej"));
        Departement departement = Departement.parse(string(item, "dep"));
        if (!item.containsKey("revs")) { // old shape: the week's lateness is its first revision's
            List<Revision> earlier = oldShapeHistory(item);
            return new Declaration(finessEt, finessEj, region, departement, week, current, earlier.size(),
                    earlier.isEmpty() ? current.late() : earlier.get(0).late());
        }
        return new Declaration(finessEt, finessEj, region, departement, week, current,
                (int) Items.number(item, "revs"), item.get("late").bool());
    }

    /** Items of the old shape carry their earlier figures, oldest first, in {@code hist}. */
    static List<Revision> oldShapeHistory(Map<String, AttributeValue> item) {
        return item.containsKey("hist") ? item.get("hist").l().stream().map(h -> revision(h.m())).toList()
                : List.of();
    }

    static List<Map<String, AttributeValue>> oldShapeRevisions(Map<String, AttributeValue> item) {
        IsoWeek week = DeclarationKeys.weekOf(string(item, "pk"));
        Finess finessEt = DeclarationKeys.puiOf(string(item, "sk"));
        List<Revision> earlier = oldShapeHistory(item);
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < earlier.size(); i++) {
            items.add(revisionItemOf(week, finessEt, i + 1, earlier.get(i)));
        }
        return items;
    }
}
