package fr.dispostock.reminders;

import fr.dispostock.domain.Dates;
import fr.dispostock.domain.IsoWeek;
import fr.dispostock.domain.Region;
import fr.dispostock.domain.declaration.Declaration;
import fr.dispostock.domain.declaration.DeclarationStore;
import fr.dispostock.domain.declaration.Line;
import fr.dispostock.domain.mail.Mail;
import fr.dispostock.domain.mail.Mailer;
import fr.dispostock.domain.mail.ReminderKind;
import fr.dispostock.domain.mail.SentLog;
import fr.dispostock.domain.Role;
import fr.dispostock.domain.register.Account;
import fr.dispostock.domain.register.AccountStore;
import fr.dispostock.domain.register.Medicine;
import fr.dispostock.domain.register.Pui;
import fr.dispostock.domain.register.RegisterStore;
import fr.dispostock.domain.statestock.OrderDays;
import fr.dispostock.domain.statestock.OrderStatus;
import fr.dispostock.domain.statestock.StateStockStore;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The calendar's reminders, sent only to the PUIs that have not yet done what is due (and to the
 * pharmacists of their establishment), and at most
 * once per run: a run is the kind and the instant it was scheduled for, so a schedule delivered
 * twice sends nothing twice, while the afternoon run of a Monday reaches those still missing.
 * A recipient is claimed before its mail is sent and given back if sending fails; a crash between
 * the two loses that one reminder rather than sending it twice.
 */
@Singleton
public class ReminderService {
    private static final Logger LOG = LoggerFactory.getLogger(ReminderService.class);
    private final RegisterStore registers;
    private final AccountStore accounts;
    private final DeclarationStore declarations;
    private final StateStockStore stateStock;
    private final SentLog sentLog;
    private final Mailer mailer;

    public ReminderService(RegisterStore registers, AccountStore accounts, DeclarationStore declarations,
                           StateStockStore stateStock, SentLog sentLog, Mailer mailer) {
        this.registers = registers;
        this.accounts = accounts;
        this.declarations = declarations;
        this.stateStock = stateStock;
        this.sentLog = sentLog;
        this.mailer = mailer;
    }

    @io.micronaut.serde.annotation.Serdeable
    public record Report(String kind, Instant scheduledTime, int sent, int skipped, int failed) {
    }

    public Report run(ReminderKind kind, Instant scheduledTime) {
        LocalDate day = LocalDate.ofInstant(scheduledTime, Dates.PARIS);
        List<Mail> mails = switch (kind) {
            case WEEKLY_DECLARATION -> weeklyDeclaration(IsoWeek.of(day));
            case STATE_STOCK -> day.getDayOfWeek() == DayOfWeek.THURSDAY ? stateStockLots(day) : List.of();
            case ORDER_DAY -> OrderDays.isOrderDay(day) ? orderDay(day) : List.of();
        };
        mails = withPharmacists(mails);
        String run = kind.slug() + "#" + scheduledTime;
        int sent = 0;
        int skipped = 0;
        int failed = 0;
        for (Mail mail : mails) {
            String recipient = mail.to().get(0);
            if (!sentLog.claim(run, recipient)) {
                skipped++;
                continue;
            }
            try {
                mailer.send(mail);
                sent++;
            } catch (RuntimeException e) {
                sentLog.release(run, recipient);
                failed++;
                LOG.warn("reminder {} to {} not sent: {}", run, recipient, e.toString());
            }
        }
        LOG.info("reminder {}: {} sent, {} already sent, {} failed", run, sent, skipped, failed);
        return new Report(kind.slug(), scheduledTime, sent, skipped, failed);
    }

    /**
     * The same reminder to the pharmacists of the PUI's establishment (accounts of the identity platform);
     * someone reached by two paths is claimed once per run, so gets it once.
     */
    private List<Mail> withPharmacists(List<Mail> mails) {
        if (mails.isEmpty()) {
            return mails;
        }
        Map<String, List<String>> pharmacistsByEstablishment = new java.util.HashMap<>();
        for (Account a : accounts.all()) {
            if (a.roles().contains(Role.PHARMACIST)) {
                a.establishments().forEach(ej -> pharmacistsByEstablishment
                        .computeIfAbsent(ej.value(), k -> new ArrayList<>()).add(a.email()));
            }
        }
        List<Mail> all = new ArrayList<>();
        for (Mail m : mails) {
            all.add(m);
            pharmacistsByEstablishment.getOrDefault(m.tags().get("establishment"), List.of())
                    .forEach(email -> all.add(new Mail(List.of(email), m.subject(), m.text(), m.html(), m.tags())));
        }
        return all;
    }

    /** Monday: the PUIs whose declaration of the week is missing or lacks items, naming the items. */
    private List<Mail> weeklyDeclaration(IsoWeek week) {
        List<Medicine> medicines = registers.medicines();
        List<Mail> mails = new ArrayList<>();
        for (Region region : Region.all()) {
            List<Medicine> expected = Medicine.toDeclare(medicines, region, week);
            if (expected.isEmpty()) {
                continue;
            }
            Map<String, Declaration> declared = declarations.ofRegion(region, week).stream()
                    .collect(Collectors.toMap(d -> d.finessEt().value(), Function.identity()));
            for (Pui pui : registers.puis(region)) {
                Declaration d = declared.get(pui.finessEt().value());
                Set<String> done = d == null ? Set.of() : d.lines().stream().map(Line::itemId).collect(Collectors.toSet());
                List<Medicine> missing = expected.stream().filter(m -> !done.contains(m.itemId())).toList();
                if (!missing.isEmpty()) {
                    mails.add(weeklyMail(pui, week, missing, d == null));
                }
            }
        }
        return mails;
    }

    private static Mail weeklyMail(Pui pui, IsoWeek week, List<Medicine> missing, boolean nothingYet) {
        StringBuilder text = new StringBuilder("Bonjour,\n\n")
                .append(nothingYet ? "La PUI " : "La déclaration de la PUI ").append(pui.name()).append(" (FINESS ")
                .append(pui.finessEt()).append(nothingYet ? ") n'a pas encore déclaré son stock de la semaine "
                        : ") pour la semaine ").append(week).append(nothingYet ? "." : " est incomplète.")
                .append("\n\nMédicaments à déclarer (stock en unités et consommation moyenne journalière ;")
                .append(" un stock nul se déclare 0) :\n");
        missing.forEach(m -> text.append("- ").append(m.label()).append(" (").append(m.itemId()).append(")\n"));
        text.append("\nMerci de déclarer sur Dispostock.\n");
        return new Mail(List.of(pui.email()), "Dispostock – déclaration hebdomadaire " + week + " : "
                + missing.size() + " médicament(s) à déclarer", text.toString(), null,
                Map.of("reminder", ReminderKind.WEEKLY_DECLARATION.slug(), "week", week.toString(),
                        "establishment", pui.finessEj().value()));
    }

    /** Thursday: the PUIs that have not declared the State-stock lots they hold. */
    private List<Mail> stateStockLots(LocalDate thursday) {
        List<Mail> mails = new ArrayList<>();
        for (Region region : Region.all()) {
            Set<String> declared = stateStock.lots(region, thursday).stream()
                    .map(d -> d.finessEt().value()).collect(Collectors.toSet());
            for (Pui pui : registers.puis(region)) {
                if (!declared.contains(pui.finessEt().value())) {
                    mails.add(new Mail(List.of(pui.email()), "Dispostock – stock État (vaccins mpox) du " + thursday,
                            "Bonjour,\n\nMerci de déclarer aujourd'hui, lot par lot avec leur date de péremption, les"
                                    + " vaccins du stock État détenus par la PUI " + pui.name() + " (FINESS "
                                    + pui.finessEt() + "), y compris les lots périmés, pour son réapprovisionnement.\n",
                            null, Map.of("reminder", ReminderKind.STATE_STOCK.slug(),
                            "establishment", pui.finessEj().value())));
                }
            }
        }
        return mails;
    }

    /** First Thursday: the PUIs that have not ordered for this order day. */
    private List<Mail> orderDay(LocalDate day) {
        List<Mail> mails = new ArrayList<>();
        for (Region region : Region.all()) {
            Set<String> ordered = stateStock.ordersOfRegion(region).stream()
                    .filter(o -> o.orderDay().equals(day) && o.status() != OrderStatus.CANCELLED)
                    .map(o -> o.finessEt().value()).collect(Collectors.toSet());
            for (Pui pui : registers.puis(region)) {
                if (!ordered.contains(pui.finessEt().value())) {
                    mails.add(new Mail(List.of(pui.email()), "Dispostock – jour de commande du stock État, " + day,
                            "Bonjour,\n\nC'est aujourd'hui le jour de commande mensuel des produits du stock État. Les"
                                    + " commandes de la PUI " + pui.name() + " (FINESS " + pui.finessEt()
                                    + ") passées avant 12 h (heure de Paris) sont traitées pour ce jour ; les suivantes,"
                                    + " pour le mois prochain.\n", null,
                            Map.of("reminder", ReminderKind.ORDER_DAY.slug(), "establishment", pui.finessEj().value())));
                }
            }
        }
        return mails;
    }
}
