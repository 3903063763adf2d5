package fr.dispostock.declarations;

import fr.dispostock.declarations.DeclarationViews.Current;
import fr.dispostock.declarations.DeclarationViews.Declared;
import fr.dispostock.declarations.DeclarationViews.Expected;
import fr.dispostock.declarations.DeclarationViews.ExpectedItem;
import fr.dispostock.declarations.DeclarationViews.History;
import fr.dispostock.declarations.DeclarationViews.LineView;
import fr.dispostock.declarations.DeclarationViews.RevisionView;
import fr.dispostock.domain.BusinessMetric;
import fr.dispostock.domain.Caller;
import fr.dispostock.domain.Dates;
import fr.dispostock.domain.Finess;
import fr.dispostock.domain.HistoryPage;
import fr.dispostock.domain.InvalidValueException;
import fr.dispostock.domain.IsoWeek;
import fr.dispostock.domain.Limits;
import fr.dispostock.domain.NotFoundException;
import fr.dispostock.domain.Region;
import fr.dispostock.domain.Retries;
import fr.dispostock.domain.Scope;
import fr.dispostock.domain.Ucd;
import fr.dispostock.domain.Violations;
import fr.dispostock.domain.declaration.Declaration;
import fr.dispostock.domain.declaration.DeclarationStore;
import fr.dispostock.domain.declaration.Line;
import fr.dispostock.domain.declaration.Revision;
import fr.dispostock.domain.register.Establishment;
import fr.dispostock.domain.register.Medicine;
import fr.dispostock.domain.register.Pui;
import fr.dispostock.domain.register.RegisterReader;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Monday declaration: for each item it must declare, a PUI gives its stock on hand and its
 * average daily consumption. All lines or none; a missing line is not a zero; a correction
 * replaces the week's figures and keeps the earlier ones; after Monday it is accepted, late.
 */
@Singleton
public class DeclarationService {
    private static final int NUMBER_TEXT_MAX = 40;
    private final RegisterReader registers;
    private final DeclarationStore declarations;
    private final Clock clock;
    private final BusinessMetric.Counter metrics;

    public DeclarationService(RegisterReader registers, DeclarationStore declarations, Clock clock,
                              BusinessMetric.Counter metrics) {
        this.registers = registers;
        this.declarations = declarations;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** The items the PUIs of a region must declare for a week: tracked during it, national or of the region. */
    public List<Medicine> expectedItems(Region region, IsoWeek week) {
        return Medicine.toDeclare(registers.medicines(), region, week);
    }

    /**
     * Every tracked item of the register, for a request that needs them twice (a FHIR report's UCD
     * codes, then the rules): read once, then given to {@link #declare} or {@link #current}.
     */
    public List<Medicine> medicines() {
        return registers.medicines();
    }

    /** Every tracked item's UCD codes (a UCD code belongs to one item at a time). */
    public static Map<String, List<Ucd>> ucdsOfItems(List<Medicine> medicines) {
        return medicines.stream().collect(Collectors.toMap(Medicine::itemId, Medicine::ucds, (a, b) -> a));
    }

    public Expected expected(Caller caller, Finess finessEt, IsoWeek week) {
        Pui pui = readable(caller, finessEt);
        Map<String, Line> lastWeek = declarations.find(pui.region(), week.previous(), finessEt)
                .map(d -> d.lines().stream().collect(Collectors.toMap(Line::itemId, Function.identity())))
                .orElse(Map.of());
        List<ExpectedItem> items = expectedItems(pui.region(), week).stream()
                .map(m -> new ExpectedItem(m.itemId(), m.label(), m.ucds().stream().map(Ucd::ucd13).toList(),
                        Optional.ofNullable(lastWeek.get(m.itemId()))
                                .map(l -> new LineView(l.itemId(), l.stock(), l.averageDailyConsumption())).orElse(null)))
                .toList();
        return new Expected(finessEt.value(), week.toString(), items);
    }

    public Current current(Caller caller, Finess finessEt, IsoWeek week) {
        return current(readable(caller, finessEt), week, registers.medicines());
    }

    /** The PUI, if the caller may read its declarations. */
    public Pui readable(Caller caller, Finess finessEt) {
        Pui pui = registers.existingPui(finessEt);
        Scope.requireDeclarationRead(caller, pui.region(), pui.finessEj());
        return pui;
    }

    /**
     * @param pui       as {@link #readable} gave it for this caller
     * @param medicines as {@link #medicines} read them for this request
     */
    public Current current(Pui pui, IsoWeek week, List<Medicine> medicines) {
        Finess finessEt = pui.finessEt();
        Declaration d = declarations.find(pui.region(), week, finessEt)
                .orElseThrow(() -> new NotFoundException("PUI " + finessEt + " has not declared week " + week + "."));
        return new Current(finessEt.value(), week.toString(), LineView.of(d.lines()), d.current().declaredAt(),
                d.current().declaredBy(), d.late(), missing(Medicine.toDeclare(medicines, pui.region(), week), d.lines()),
                d.earlierRevisions());
    }

    /** The week's earlier revisions, newest first, a page at a time ({@code limit}, {@code cursor} as sent). */
    public History history(Caller caller, Finess finessEt, IsoWeek week, String limit, String cursor) {
        Pui pui = readable(caller, finessEt);
        Violations v = new Violations();
        HistoryPage.Request request = HistoryPage.Request.parse(v, limit, cursor);
        v.throwIfAny("Invalid query");
        HistoryPage<Revision> page = declarations.history(pui.region(), week, finessEt, request)
                .orElseThrow(() -> new NotFoundException("PUI " + finessEt + " has not declared week " + week + "."));
        return new History(page.revisions().stream().map(r -> new RevisionView(r.declaredAt(), r.declaredBy(),
                r.late(), LineView.of(r.lines()))).toList(), page.nextCursor());
    }

    /**
     * The PUI, if the caller may declare for it: checked before a body is read, so that an account
     * out of scope is refused (403) whatever it sent, and learns nothing from the body's errors.
     */
    public Pui declarant(Caller caller, Finess finessEt) {
        Pui pui = registers.existingPui(finessEt);
        Scope.requireDeclarantOrSoftware(caller, pui.finessEj());
        return pui;
    }

    /**
     * @param pui as {@link #declarant} gave it for this caller
     * @param v   problems already found while reading the body (a CSV file's unreadable numbers)
     */
    public Declared declare(Caller caller, Pui pui, IsoWeek week, List<DeclarationBody.LineBody> body,
                            Violations v) {
        return declare(caller, pui, week, body, v, registers.medicines());
    }

    /** @param medicines as {@link #medicines} read them for this request (to read its body) */
    public Declared declare(Caller caller, Pui pui, IsoWeek week, List<DeclarationBody.LineBody> body,
                            Violations v, List<Medicine> medicines) {
        Finess finessEt = pui.finessEt();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, Dates.PARIS);
        if (week.compareTo(IsoWeek.of(today)) > 0) {
            v.add("week", "week " + week + " has not started yet (today is in " + IsoWeek.of(today) + ")");
        }
        Establishment establishment = Optional.ofNullable(registers.establishments(List.of(pui.finessEj()))
                        .get(pui.finessEj()))
                .orElseThrow(() -> new NotFoundException("No establishment " + pui.finessEj() + " in the register."));
        if (establishment.status() == Establishment.Status.CLOSED) {
            v.add("finessEt", "establishment " + establishment.finessEj() + " is closed: its PUIs no longer declare");
        }
        List<Medicine> expected = Medicine.toDeclare(medicines, pui.region(), week);
        List<Line> lines = lines(v, body, expected);
        if (!v.isEmpty()) {
            metrics.count(BusinessMetric.DECLARATIONS_REJECTED);
            v.throwIfAny("Invalid declaration");
        }

        boolean late = today.isAfter(week.monday());
        return Retries.untilWritten(() -> {
            Optional<Declaration> existing = declarations.find(pui.region(), week, finessEt);
            if (existing.isPresent() && existing.get().lines().equals(lines)) {
                return Optional.of(declared(existing.get(), expected)); // the same figures again: a retry, nothing to do
            }
            Revision figures = new Revision(now, caller.auditName(), late, lines);
            Declaration next = existing.map(d -> d.correctedBy(figures)).orElseGet(() -> Declaration.first(finessEt,
                    pui.finessEj(), pui.region(), pui.departement(), week, figures));
            if (!declarations.save(existing.orElse(null), next)) {
                return Optional.empty();
            }
            metrics.count(BusinessMetric.DECLARATIONS_RECEIVED);
            metrics.count(BusinessMetric.DECLARATIONS_LATE, late ? 1 : 0);
            return Optional.of(declared(next, expected));
        }, "Declarations for this PUI and week keep arriving at once; retry.");
    }

    private static List<Line> lines(Violations v, List<DeclarationBody.LineBody> body, List<Medicine> expected) {
        if (body == null || body.isEmpty()) {
            v.add("/lines", "at least one line is required; a zero stock is declared as 0");
            return List.of();
        }
        if (!v.size("/lines", body, Limits.DECLARATION_LINES_MAX, "lines in one declaration")) {
            return List.of();
        }
        Set<String> expectedIds = expected.stream().map(Medicine::itemId).collect(Collectors.toSet());
        Map<String, Integer> seen = new HashMap<>();
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            DeclarationBody.LineBody l = body.get(i);
            String at = "/lines/" + i;
            if (l == null) {
                v.add(at, "is empty");
                continue;
            }
            boolean ok = true;
            String itemId = l.itemId() == null ? null : l.itemId().strip();
            if (itemId == null || itemId.isEmpty()) {
                v.add(at + "/itemId", "is required");
                ok = false;
            } else if (!expectedIds.contains(itemId)) {
                v.add(at + "/itemId", "item " + itemId + " is not one this PUI declares this week");
                ok = false;
            } else {
                Integer first = seen.putIfAbsent(itemId, i);
                if (first != null) {
                    v.add(at + "/itemId", "item " + itemId + " is declared twice (also at /lines/" + first + ")");
                    ok = false;
                }
            }
            Long stock = null;
            if (l.stock() == null) {
                v.add(at + "/stock", "is required; a zero stock is declared as 0");
            } else {
                stock = v.count(at + "/stock", l.stock(), Limits.STOCK_MAX);
            }
            BigDecimal consumption = null;
            if (l.averageDailyConsumption() == null) {
                v.add(at + "/averageDailyConsumption", "is required; declare 0 when nothing is consumed");
            } else {
                consumption = v.decimal(at + "/averageDailyConsumption", l.averageDailyConsumption(),
                        Limits.CONSUMPTION_MAX, Limits.CONSUMPTION_DECIMALS);
            }
            if (ok && stock != null && consumption != null) {
                lines.add(new Line(itemId, stock, consumption));
            }
        }
        lines.sort(java.util.Comparator.comparing(Line::itemId));
        return lines;
    }

    private static Declared declared(Declaration d, List<Medicine> expected) {
        return new Declared(d.finessEt().value(), d.week().toString(), LineView.of(d.lines()),
                d.current().declaredAt(), d.current().declaredBy(), d.late(), missing(expected, d.lines()));
    }

    private static List<String> missing(List<Medicine> expected, List<Line> lines) {
        Set<String> declared = lines.stream().map(Line::itemId).collect(Collectors.toSet());
        return expected.stream().map(Medicine::itemId).filter(id -> !declared.contains(id)).toList();
    }

    /** Lines of a CSV file ({@code itemId;stock;averageDailyConsumption}): /lines/N is line N + 2 of the file. */
    static List<DeclarationBody.LineBody> csvLines(fr.dispostock.domain.Csv csv, Violations v) {
        List<DeclarationBody.LineBody> lines = new ArrayList<>();
        for (fr.dispostock.domain.Csv.Row row : csv.rows()) {
            String at = "/lines/" + lines.size();
            lines.add(new DeclarationBody.LineBody(cell(v, at + "/itemId", row, "itemid"),
                    number(v, at + "/stock", cell(v, at + "/stock", row, "stock")),
                    number(v, at + "/averageDailyConsumption", cell(v, at + "/averageDailyConsumption", row,
                            "averagedailyconsumption"))));
        }
        return lines;
    }

    private static String cell(Violations v, String pointer, fr.dispostock.domain.Csv.Row row, String column) {
        try {
            return row.get(column);
        } catch (InvalidValueException e) {
            v.add(pointer, e.getMessage());
            return null;
        }
    }

    static BigDecimal number(Violations v, String pointer, String raw) {
        if (raw == null) {
            return null;
        }
        // a number in range is short; a long digit string would cost time to parse before being refused
        if (raw.length() > NUMBER_TEXT_MAX) {
            v.add(pointer, "is too long for a number (" + raw.length() + " characters)");
            return null;
        }
        try {
            return new BigDecimal(raw.replace(',', '.')); // French files write 2,5
        } catch (NumberFormatException e) {
            v.add(pointer, "'" + raw + "' is not a number");
            return null;
        }
    }
}
