package fr.dispostock.campaigns;

import fr.dispostock.domain.Caller;
import fr.dispostock.domain.Scope;
import fr.dispostock.domain.Violations;
import fr.dispostock.domain.mail.ReminderRun;
import fr.dispostock.domain.mail.ReminderRunStore;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;

/** The reports of the reminder runs, for the national operator's "what was sent" screen. */
@Singleton
public class ReminderRunService {
    private final ReminderRunStore runs;

    public ReminderRunService(ReminderRunStore runs) {
        this.runs = runs;
    }

    public List<ReminderRun> since(Caller caller, String since) {
        Scope.requireNational(caller);
        Violations v = new Violations();
        Instant from = v.parse("since", since, Instant::parse);
        v.throwIfAny("Invalid query");
        return runs.since(from);
    }
}
