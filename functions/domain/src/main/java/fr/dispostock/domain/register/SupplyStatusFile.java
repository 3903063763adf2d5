package fr.dispostock.domain.register;

import fr.dispostock.domain.Cis;
import fr.dispostock.domain.Dates;
import fr.dispostock.domain.FieldError;
import fr.dispostock.domain.InvalidRequestException;
import fr.dispostock.domain.InvalidValueException;
import fr.dispostock.domain.Limits;
import fr.dispostock.domain.Text;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public medicines database's file of shortage statuses ({@code CIS_CIP_Dispo_Spec.txt}) as the
 * agency publishes it: no header, one status a line, TAB-separated: CIS, CIP13 (empty when the
 * status is the specialty's), status code 1–4, its label, start date, update date, date supply
 * resumed (empty until it does), the agency's page. Dates as dd/MM/yyyy. The label is not kept: the
 * code says the same, whatever the file's encoding did to its accents.
 */
public final class SupplyStatusFile {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    private static final int URL_MAX = 500;

    private SupplyStatusFile() {
    }

    /**
     * The statuses by CIS in the file's order. A bad line refuses the whole file, every bad line named
     * ({@code /lines/N} is line N + 1, said in the message): the file replaces what is kept, so a CIS whose
     * lines were refused would otherwise lose its statuses.
     */
    public static Map<Cis, List<SupplyStatus>> parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidRequestException("Empty file", List.of(new FieldError("", "the file is empty")));
        }
        List<String> lines = (text.charAt(0) == '\uFEFF' ? text.substring(1) : text).lines().toList();
        if (lines.size() > Limits.SUPPLY_STATUS_LINES_MAX) {
            throw new InvalidRequestException("Invalid supply status file", List.of(new FieldError(
                    "", "at most " + Limits.SUPPLY_STATUS_LINES_MAX + " lines (the agency's file has about a thousand)")));
        }
        Map<Cis, List<SupplyStatus>> byCis = new LinkedHashMap<>();
        List<FieldError> refused = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                // a CIS may have several statuses, even for one presentation (a tension, then its withdrawal)
                SupplyStatus status = status(line);
                List<SupplyStatus> ofCis = byCis.computeIfAbsent(status.cis(), c -> new ArrayList<>());
                if (ofCis.size() == Limits.SUPPLY_STATUSES_PER_CIS_MAX) {
                    throw new InvalidValueException("CIS " + status.cis() + " has more than "
                            + Limits.SUPPLY_STATUSES_PER_CIS_MAX + " statuses");
                }
                ofCis.add(status);
            } catch (InvalidValueException e) {
                refused.add(new FieldError("/lines/" + i, "line " + (i + 1) + ": " + e.getMessage()));
            }
        }
        if (!refused.isEmpty()) {
            throw new InvalidRequestException("Invalid supply status file", refused);
        }
        return byCis;
    }

    private static SupplyStatus status(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 8) {
            throw new InvalidValueException("has " + f.length + " TAB-separated fields, expected 8 (CIS, CIP13, code,"
                    + " label, start, update, resumed, page)");
        }
        Cis cis = Cis.parse(f[0]);
        String cip13 = f[1].strip();
        if (!cip13.isEmpty() && !cip13.matches("3400[0-9]{9}")) {
            throw new InvalidValueException("CIP13 " + cip13 + " is not a CIP13: 13 digits starting 3400");
        }
        String code = f[2].strip();
        if (!code.matches("[1-4]")) {
            throw new InvalidValueException("status code " + code + " must be 1 (shortage), 2 (supply tension),"
                    + " 3 (discontinued) or 4 (available again)");
        }
        String url = f[7].strip();
        if (url.length() > URL_MAX || !url.isEmpty() && (!url.startsWith("https://") || Text.problem(url, false) != null)) {
            throw new InvalidValueException("page " + url + " must be an https:// address of at most " + URL_MAX
                    + " characters");
        }
        return new SupplyStatus(cis, cip13.isEmpty() ? null : cip13, SupplyStatus.Kind.ofCode(Integer.parseInt(code)),
                day("start date", f[4], true), day("update date", f[5], true), day("date supply resumed", f[6], false),
                url.isEmpty() ? null : url);
    }

    private static LocalDate day(String what, String raw, boolean required) {
        String v = raw.strip();
        if (v.isEmpty()) {
            if (required) {
                throw new InvalidValueException(what + " is empty");
            }
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(v, DAY);
            if (d.isBefore(Dates.FIRST) || d.isAfter(Dates.LAST)) {
                throw new InvalidValueException(what + " " + v + " must be from 01/01/2000 to 31/12/2099");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(what + " " + v + " is not a date as dd/mm/yyyy");
        }
    }
}
