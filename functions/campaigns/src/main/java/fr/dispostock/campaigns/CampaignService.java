package fr.dispostock.campaigns;

import fr.dispostock.domain.BusinessMetric;
import fr.dispostock.domain.Identifiers;
import fr.dispostock.domain.AccessDeniedException;
import fr.dispostock.domain.Caller;
import fr.dispostock.domain.Finess;
import fr.dispostock.domain.ConflictException;
import fr.dispostock.domain.Departement;
import fr.dispostock.domain.IsoWeek;
import fr.dispostock.domain.NotFoundException;
import fr.dispostock.domain.Region;
import fr.dispostock.domain.Role;
import fr.dispostock.domain.Scope;
import fr.dispostock.domain.Violations;
import fr.dispostock.domain.declaration.DeclarationReader;
import fr.dispostock.domain.mail.Batches;
import fr.dispostock.domain.mail.Campaign;
import fr.dispostock.domain.mail.CampaignStore;
import fr.dispostock.domain.mail.Mailing;
import fr.dispostock.domain.mail.MailingId;
import fr.dispostock.domain.mail.MailingQueue;
import fr.dispostock.domain.mail.MailingStore;
import fr.dispostock.domain.mail.Recipient;
import fr.dispostock.domain.register.Account;
import fr.dispostock.domain.register.AccountReader;
import fr.dispostock.domain.register.Pui;
import fr.dispostock.domain.register.RegisterReader;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Mass mail: the national operator writes to every PUI and every account, an ARS to its region's; or
 * to the PUIs that have not declared a week and their pharmacists. The recipients are fixed when the
 * campaign is created (each address once, compared without case, however many paths reach it;
 * suppressed addresses left out), then sent in the background.
 */
@Singleton
public class CampaignService {
    private final RegisterReader registers;
    private final AccountReader accounts;
    private final DeclarationReader declarations;
    private final CampaignStore campaigns;
    private final MailingStore mailings;
    private final MailingQueue queue;
    private final Clock clock;
    private final BusinessMetric.Counter metrics;

    public CampaignService(RegisterReader registers, AccountReader accounts, DeclarationReader declarations,
                           CampaignStore campaigns, MailingStore mailings, @Nullable MailingQueue queue, Clock clock,
                           BusinessMetric.Counter metrics) {
        this.registers = registers;
        this.accounts = accounts;
        this.declarations = declarations;
        this.campaigns = campaigns;
        this.mailings = mailings;
        this.queue = queue;
        this.clock = clock;
        this.metrics = metrics;
    }

    public Campaign create(Caller caller, CampaignBody body) {
        Scope.requireAnyRole(caller, Role.NATIONAL, Role.ARS);
        Violations v = new Violations();
        String subject = v.text("/subject", body.subject(), 200);
        String text = v.paragraphs("/bodyText", body.bodyText(), 100_000);
        String html = v.optionalParagraphs("/bodyHtml", body.bodyHtml(), 200_000);
        CampaignBody.AudienceBody a = body.audience();
        String type = a == null ? null : a.type();
        if (type == null || !Set.of("ALL", "REGION", "NON_DECLARERS").contains(type)) {
            v.add("/audience/type", "must be ALL, REGION or NON_DECLARERS");
        }
        Region region = a == null ? null : v.parseOptional("/audience/region", a.region(), Region::parse);
        if ("REGION".equals(type) && region == null && !caller.has(Role.ARS)) {
            v.add("/audience/region", "is required for a REGION audience");
        }
        IsoWeek week = a == null ? null : "NON_DECLARERS".equals(type) ? v.parse("/audience/week", a.week(), IsoWeek::parse)
                : v.parseOptional("/audience/week", a.week(), IsoWeek::parse);
        Departement departement = a == null ? null : departement(v, caller, type, region, a.departement());
        v.throwIfAny("Invalid campaign");
        if (!caller.isNational()) { // an ARS writes to its own region only
            Region own = Scope.ownRegion(caller);
            if ("ALL".equals(type) || (region != null && !region.equals(own))) {
                throw new AccessDeniedException("An ARS writes to the PUIs of its own region (" + own.code() + ") only.");
            }
            region = own;
        }
        if (departement != null) {
            region = departement.region();
        }
        List<Region> regions = region == null ? Region.all() : List.of(region);
        Set<String> addresses = new LinkedHashSet<>();
        Set<Finess> lateEstablishments = new HashSet<>();
        for (Region r : regions) {
            Set<String> declared = week == null || !"NON_DECLARERS".equals(type) ? Set.of()
                    : declarations.ofRegion(r, week).stream().map(d -> d.finessEt().value()).collect(Collectors.toSet());
            for (Pui pui : registers.puis(r)) {
                if (!declared.contains(pui.finessEt().value())
                        && (departement == null || departement.equals(pui.departement()))) {
                    addresses.add(pui.email().toLowerCase(Locale.ROOT));
                    lateEstablishments.add(pui.finessEj());
                }
            }
        }
        // and the accounts: all of them, those of the region, or the pharmacists of the PUIs that have not declared
        Region only = region;
        for (Account account : accounts.all()) {
            boolean reached = switch (type) {
                case "ALL" -> true;
                case "REGION" -> account.regions().contains(only);
                default -> account.establishments().stream().anyMatch(lateEstablishments::contains);
            };
            if (reached) {
                addresses.add(account.email().toLowerCase(Locale.ROOT));
            }
        }
        Set<String> suppressed = mailings.suppressed(addresses);
        // a campaign's template may say {{email}}
        List<Recipient> recipients = addresses.stream().filter(e -> !suppressed.contains(e))
                .map(e -> new Recipient(e, Map.of("email", e))).toList();
        List<List<Recipient>> batches = Batches.of(recipients);
        String id = UUID.randomUUID().toString();
        Campaign campaign = new Campaign(id,
                new Campaign.Audience(type, region == null ? null : region.code(),
                        departement == null ? null : departement.code(), week == null ? null : week.toString()),
                caller.auditName(), clock.instant(), Mailing.created(MailingId.campaign(id), subject, text,
                html == null ? text : html, Mailing.Delivery.AT_LEAST_ONCE, Mailing.Status.DRAFT, recipients.size(),
                batches.size(), suppressed.size()));
        campaigns.create(campaign, batches);
        return campaign;
    }

    /**
     * The département the non-declarers are limited to, if any: one of the region written to (the ARS's own), so
     * that a campaign opened from a département's completeness reaches the PUIs that page lists, not the region.
     */
    private static Departement departement(Violations v, Caller caller, String type, Region region, String raw) {
        Departement d = v.parseOptional("/audience/departement", raw, Departement::parse);
        Region scope = caller.isNational() ? region : caller.region().orElse(null);
        if (d != null && !"NON_DECLARERS".equals(type)) {
            v.add("/audience/departement", "limits a NON_DECLARERS audience only");
        } else if (d != null && scope != null && !d.region().equals(scope)) {
            v.add("/audience/departement", "département " + d.code() + " is not in region " + scope.code());
        }
        return d;
    }

    /** Starts the sending in the background; it is checkpointed after every SES call. */
    public Campaign send(Caller caller, String campaignId) {
        Campaign c = get(caller, campaignId);
        if (!campaigns.startSending(campaignId)) {
            throw new ConflictException(ConflictException.Kind.CONFLICT, "Campaign " + campaignId + " is "
                    + c.mailing().status() + ": only a draft is sent.");
        }
        metrics.count(BusinessMetric.MAILS_SUPPRESSED, c.mailing().suppressed());
        if (queue != null) {
            queue.kick(MailingId.campaign(campaignId));
        }
        return campaigns.campaign(campaignId).orElseThrow();
    }

    /** The latest campaigns, newest first: all of them for the national operator, its region's for an ARS. */
    public List<Campaign> latest(Caller caller, String limitParam) {
        Scope.requireAnyRole(caller, Role.NATIONAL, Role.ARS);
        Violations v = new Violations();
        int limit = fr.dispostock.domain.HistoryPage.Request.parse(v, limitParam, null).limit();
        v.throwIfAny("Invalid query");
        if (caller.isNational()) {
            return campaigns.latest(java.util.Optional.empty(), limit);
        }
        Region own = Scope.ownRegion(caller);
        return campaigns.latest(java.util.Optional.of(own), limit);
    }

    public Campaign get(Caller caller, String campaignId) {
        Campaign c = campaigns.campaign(Identifiers.existing(Identifiers.CAMPAIGN_ID, campaignId, "campaign"))
                .orElseThrow(() -> new NotFoundException("No campaign " + campaignId + "."));
        boolean own = caller.isNational() || (c.audience().region() != null
                && caller.isArsOf(Region.parse(c.audience().region())));
        if (!own) {
            throw new AccessDeniedException("Campaign " + campaignId + " is outside your scope.");
        }
        return c;
    }
}
