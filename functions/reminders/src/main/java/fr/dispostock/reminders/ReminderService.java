package fr.dispostock.reminders;

import fr.dispostock.domain.BusinessMetric;
import fr.dispostock.domain.Dates;
import fr.dispostock.domain.IsoWeek;
import fr.dispostock.domain.Region;
import fr.dispostock.domain.Role;
import fr.dispostock.domain.declaration.Declaration;
import fr.dispostock.domain.declaration.DeclarationReader;
import fr.dispostock.domain.declaration.Line;
import fr.dispostock.domain.mail.Batches;
import fr.dispostock.domain.mail.Mailing;
import fr.dispostock.domain.mail.MailingId;
import fr.dispostock.domain.mail.MailingQueue;
import fr.dispostock.domain.mail.MailingStore;
import fr.dispostock.domain.mail.Recipient;
import fr.dispostock.domain.mail.ReminderKind;
import fr.dispostock.domain.mail.ReminderRun;
import fr.dispostock.domain.mail.ReminderRunStore;
import fr.dispostock.domain.register.Account;
import fr.dispostock.domain.register.AccountReader;
import fr.dispostock.domain.register.Medicine;
import fr.dispostock.domain.register.Pui;
import fr.dispostock.domain.register.RegisterReader;
import fr.dispostock.domain.statestock.OrderDays;
import fr.dispostock.domain.statestock.OrderStatus;
import fr.dispostock.domain.statestock.StateStockReader;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The calendar's reminders, to the PUIs that have not yet done what is due and to the pharmacists of
 * their establishment. A run fixes its recipients and what each one's mail says (the PUI, the week,
 * the items still missing…), less the addresses that bounced or complained, and hands them to the
 * mailing sender that campaigns use (SES bulk, paced, checkpointed, resumed). A run is the kind and
 * the instant it was scheduled for: a schedule delivered twice finds its run made and sends nothing,
 * while the afternoon run of a Monday is another run, reaching those still missing then.
 */
@Singleton
public class ReminderService {
    private static final Logger LOG = LoggerFactory.getLogger(ReminderService.class);
    private final RegisterReader registers;
    private final AccountReader accounts;
    private final DeclarationReader declarations;
    private final StateStockReader stateStock;
    private final ReminderRunStore runs;
    private final MailingStore mailings;
    private final MailingQueue queue;
    private final Clock clock;
    private final BusinessMetric.Counter metrics;

    public ReminderService(RegisterReader registers, AccountReader accounts, DeclarationReader declarations,
                           StateStockReader stateStock, ReminderRunStore runs, MailingStore mailings,
                           @Nullable MailingQueue queue, Clock clock, BusinessMetric.Counter metrics) {
        this.registers = registers;
        this.accounts = accounts;
        this.declarations = declarations;
        this.stateStock = stateStock;
        this.runs = runs;
        this.mailings = mailings;
        this.queue = queue;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** The run, and whether it had been made already by an earlier delivery of its schedule. */
    public record Outcome(ReminderRun run, boolean duplicate) {
    }

    /** One message of a reminder, the same for all its recipients but for their data. */
    private record Message(String subject, String text) {
    }

    private static final Map<ReminderKind, Message> MESSAGES = Map.of(
            ReminderKind.WEEKLY_DECLARATION, new Message(
                    "Dispostock – déclaration hebdomadaire {{week}} : {{missingCount}} médicament(s) à déclarer",
                    """
                    Bonjour,

                    La PUI {{puiName}} (FINESS {{finessEt}}) n'a pas encore déclaré, pour la semaine {{week}}, \
                    les médicaments suivants (stock en unités et consommation moyenne journalière ; un stock nul \
                    se déclare 0) :
                    {{missingItems}}
                    Merci de déclarer sur Dispostock.
                    """),
            ReminderKind.STATE_STOCK, new Message("Dispostock – stock État (vaccins mpox) du {{thursday}}",
                    """
                    Bonjour,

                    Merci de déclarer aujourd'hui, lot par lot avec leur date de péremption, les vaccins du stock \
                    État détenus par la PUI {{puiName}} (FINESS {{finessEt}}), y compris les lots périmés, pour son \
                    réapprovisionnement.
                    """),
            ReminderKind.ORDER_DAY, new Message("Dispostock – jour de commande du stock État, {{orderDay}}",
                    """
                    Bonjour,

                    C'est aujourd'hui le jour de commande mensuel des produits du stock État. Les commandes de la PUI \
                    {{puiName}} (FINESS {{finessEt}}) passées avant 12 h (heure de Paris) sont traitées pour ce jour ; \
                    les suivantes, pour le mois prochain.
                    """));

    public Outcome run(ReminderKind kind, Instant scheduledFor) {
        var made = runs.run(kind, scheduledFor);
        if (made.isPresent()) {
            return duplicate(made.get());
        }
        LocalDate day = LocalDate.ofInstant(scheduledFor, Dates.PARIS);
        List<Recipient> puis = switch (kind) {
            case WEEKLY_DECLARATION -> weeklyDeclaration(IsoWeek.of(day));
            case STATE_STOCK -> day.getDayOfWeek() == DayOfWeek.THURSDAY ? stateStockLots(day) : List.of();
            case ORDER_DAY -> OrderDays.isOrderDay(day) ? orderDay(day) : List.of();
        };
        Map<String, Recipient> byAddress = withPharmacists(puis);
        Set<String> suppressed = mailings.suppressed(byAddress.keySet());
        List<Recipient> recipients = byAddress.values().stream()
                .filter(r -> !suppressed.contains(r.email().toLowerCase(Locale.ROOT))).toList();
        List<List<Recipient>> batches = Batches.of(recipients);
        Message message = MESSAGES.get(kind);
        MailingId id = MailingId.reminderRun(kind, scheduledFor);
        ReminderRun run = new ReminderRun(kind, scheduledFor, clock.instant(), Mailing.created(id, message.subject(),
                message.text(), null, Mailing.Delivery.AT_MOST_ONCE,
                batches.isEmpty() ? Mailing.Status.SENT : Mailing.Status.SENDING, recipients.size(), batches.size(),
                suppressed.size()));
        if (!runs.create(run, batches)) { // a duplicate delivery got there first
            return duplicate(runs.run(kind, scheduledFor).orElseThrow());
        }
        LOG.info("{}: {} recipients in {} batches, {} suppressed", id, recipients.size(), batches.size(), suppressed.size());
        metrics.count(BusinessMetric.MAILS_SUPPRESSED, suppressed.size());
        if (!batches.isEmpty() && queue != null) {
            queue.kick(id);
        }
        return new Outcome(run, false);
    }

    /** A run made already: nothing is sent again; kicked again if it was not done (its sender may have died). */
    private Outcome duplicate(ReminderRun run) {
        LOG.info("{}: made already ({}), nothing sent again", run.mailing().id(), run.mailing().status());
        if (run.mailing().status() == Mailing.Status.SENDING && queue != null) {
            queue.kick(run.mailing().id());
        }
        return new Outcome(run, true);
    }

    /**
     * Each PUI's reminder, and the same to the pharmacists of its establishment (accounts of the
     * identity platform), each address once (compared without case): someone reached by two paths
     * gets the first.
     */
    private Map<String, Recipient> withPharmacists(List<Recipient> puis) {
        Map<String, Recipient> byAddress = new LinkedHashMap<>();
        if (puis.isEmpty()) {
            return byAddress;
        }
        Map<String, List<String>> pharmacistsByEstablishment = new HashMap<>();
        for (Account a : accounts.all()) {
            if (a.roles().contains(Role.PHARMACIST)) {
                a.establishments().forEach(ej -> pharmacistsByEstablishment
                        .computeIfAbsent(ej.value(), k -> new ArrayList<>()).add(a.email()));
            }
        }
        for (Recipient pui : puis) {
            byAddress.putIfAbsent(pui.email().toLowerCase(Locale.ROOT), pui);
            pharmacistsByEstablishment.getOrDefault(pui.data().get(ESTABLISHMENT), List.of()).forEach(email ->
                    byAddress.putIfAbsent(email.toLowerCase(Locale.ROOT), new Recipient(email, pui.data())));
        }
        return byAddress;
    }

    /** The data every reminder of a PUI has: its name and FINESS numbers. */
    private static Map<String, String> about(Pui pui) {
        Map<String, String> data = new HashMap<>();
        data.put("puiName", pui.name());
        data.put("finessEt", pui.finessEt().value());
        data.put(ESTABLISHMENT, pui.finessEj().value());
        return data;
    }

    private static final String ESTABLISHMENT = "finessEj";

    /** Monday: the PUIs whose declaration of the week is missing or lacks items, naming the items. */
    private List<Recipient> weeklyDeclaration(IsoWeek week) {
        List<Medicine> medicines = registers.medicines();
        List<Recipient> mails = new ArrayList<>();
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
                    Map<String, String> data = about(pui);
                    data.put("week", week.toString());
                    data.put("missingCount", Integer.toString(missing.size()));
                    data.put("missingItems", missing.stream().map(m -> "- " + m.label() + " (" + m.itemId() + ")\n")
                            .collect(Collectors.joining()));
                    mails.add(new Recipient(pui.email(), data));
                }
            }
        }
        return mails;
    }

    /** Thursday: the PUIs that have not declared the State-stock lots they hold. */
    private List<Recipient> stateStockLots(LocalDate thursday) {
        List<Recipient> mails = new ArrayList<>();
        for (Region region : Region.all()) {
            Set<String> declared = stateStock.lots(region, thursday).stream()
                    .map(d -> d.finessEt().value()).collect(Collectors.toSet());
            for (Pui pui : registers.puis(region)) {
                if (!declared.contains(pui.finessEt().value())) {
                    Map<String, String> data = about(pui);
                    data.put("thursday", thursday.toString());
                    mails.add(new Recipient(pui.email(), data));
                }
            }
        }
        return mails;
    }

    /** First Thursday: the PUIs that have not ordered for this order day. */
    private List<Recipient> orderDay(LocalDate day) {
        List<Recipient> mails = new ArrayList<>();
        for (Region region : Region.all()) {
            Set<String> ordered = stateStock.ordersOfRegion(region).stream()
                    .filter(o -> o.orderDay().equals(day) && o.status() != OrderStatus.CANCELLED)
                    .map(o -> o.finessEt().value()).collect(Collectors.toSet());
            for (Pui pui : registers.puis(region)) {
                if (!ordered.contains(pui.finessEt().value())) {
                    Map<String, String> data = about(pui);
                    data.put("orderDay", day.toString());
                    mails.add(new Recipient(pui.email(), data));
                }
            }
        }
        return mails;
    }
}
