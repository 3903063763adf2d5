package fr.dispostock.registers.instructions;

import fr.dispostock.domain.Identifiers;
import fr.dispostock.domain.InvalidValueException;
import fr.dispostock.domain.Caller;
import fr.dispostock.domain.Dates;
import fr.dispostock.domain.NotFoundException;
import fr.dispostock.domain.Region;
import fr.dispostock.domain.Scope;
import fr.dispostock.domain.Versions;
import fr.dispostock.domain.Violations;
import fr.dispostock.domain.register.AuditEntry;
import fr.dispostock.domain.register.Instruction;
import fr.dispostock.domain.register.RegisterStore;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Home-page instructions: national ones by the national operator, regional ones by the region's ARS. */
@Singleton
public class InstructionService {
    private final RegisterStore store;
    private final Clock clock;

    public InstructionService(RegisterStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * In force today (Paris): the national ones, and the region's (the caller's own when none is
     * named). With {@code upcoming=true}, also those published to come (validFrom after today), for
     * those who keep them (the national operator, the region's ARS), so that a scheduled instruction
     * can still be read and changed before pharmacists see it.
     */
    public List<Instruction> inForce(Caller caller, String regionParam, String upcomingParam) {
        Violations v = new Violations();
        Region region = v.parseOptional("region", regionParam, Region::parse);
        boolean upcoming = Boolean.TRUE.equals(v.parseOptional("upcoming", upcomingParam, InstructionService::yesOrNo));
        v.throwIfAny("Invalid query");
        Optional<Region> r = Optional.ofNullable(region).or(caller::region);
        if (upcoming) {
            requireKeeper(caller, r.orElse(null));
        }
        LocalDate today = LocalDate.now(clock.withZone(Dates.PARIS));
        return store.instructions(r).stream()
                .filter(i -> i.inForceOn(today) || upcoming && i.validFrom().isAfter(today))
                .sorted(Comparator.comparing(Instruction::validFrom).reversed())
                .toList();
    }

    public Instruction put(Caller caller, String id, InstructionBody body, Optional<Long> ifMatch) {
        Violations v = new Violations();
        if (!Identifiers.fits(Identifiers.ID, id)) {
            v.add("id", "must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
        String title = v.text("/title", body.title(), 200);
        String text = v.paragraphs("/body", body.body(), 20_000);
        Region region = v.parseOptional("/region", body.region(), Region::parse);
        LocalDate from = v.parse("/validFrom", body.validFrom(), Dates::parse);
        LocalDate to = v.parseOptional("/validTo", body.validTo(), Dates::parse);
        if (from != null && to != null && to.isBefore(from)) {
            v.add("/validTo", "must not be before validFrom");
        }
        v.throwIfAny("Invalid instruction");
        Optional<Instruction> existing = store.instruction(id);
        requireKeeper(caller, region);
        existing.ifPresent(i -> requireKeeper(caller, i.region()));
        Versions.check(ifMatch, existing.map(Instruction::version).orElse(null), "Instruction " + id);
        return store.save(existing.orElse(null), new Instruction(id, title, text, region, from, to,
                existing.map(Instruction::version).orElse(0L)), caller.auditName());
    }

    private static boolean yesOrNo(String raw) {
        return switch (raw.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidValueException("must be true or false");
        };
    }

    private static void requireKeeper(Caller caller, Region region) {
        if (region == null) {
            Scope.requireNational(caller);
        } else {
            Scope.requireRegionKeeper(caller, region);
        }
    }

    public Instruction get(String id) {
        return store.instruction(Identifiers.existing(Identifiers.ID, id, "instruction")).orElseThrow(() -> new NotFoundException("No instruction " + id + "."));
    }

    public List<AuditEntry> audit(Caller caller, String id) {
        Instruction i = get(id);
        requireKeeper(caller, i.region());
        return store.audit(RegisterStore.Kind.INSTRUCTION, id);
    }
}
