package fr.dispostock.registers.accounts;

import fr.dispostock.domain.Text;
import fr.dispostock.domain.Caller;
import fr.dispostock.domain.Csv;
import fr.dispostock.domain.Finess;
import fr.dispostock.domain.InvalidValueException;
import fr.dispostock.domain.Region;
import fr.dispostock.domain.Role;
import fr.dispostock.domain.Scope;
import fr.dispostock.domain.register.Account;
import fr.dispostock.domain.register.AccountStore;
import fr.dispostock.registers.establishments.ImportReport;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The identity platform's export of the accounts holding the Dispostock domain (CSV with the header
 * {@code sub;email;roles;finessEj;region}, lists separated by '|'), imported by the national operator.
 */
@Singleton
public class AccountService {
    private static final Logger LOG = LoggerFactory.getLogger(AccountService.class);
    private final AccountStore accounts;

    public AccountService(AccountStore accounts) {
        this.accounts = accounts;
    }

    public ImportReport importCsv(Caller caller, String csvText) {
        Scope.requireNational(caller);
        Csv csv = Csv.parse(csvText);
        csv.requireColumns("sub", "email", "roles");
        List<Account> valid = new ArrayList<>();
        List<ImportReport.Rejected> rejected = new ArrayList<>();
        Set<String> subjects = new HashSet<>();
        for (Csv.Row row : csv.rows()) {
            try {
                String sub = row.get("sub");
                String email = row.get("email");
                if (sub == null || !subjects.add(sub)) {
                    throw new InvalidValueException(sub == null ? "sub is empty" : "sub " + sub + " appears twice");
                }
                if (email == null || !Text.EMAIL.matcher(email).matches()) {
                    throw new InvalidValueException("email " + email + " is not an e-mail address");
                }
                Set<Role> roles = new HashSet<>();
                for (String r : list(row.get("roles"))) {
                    try {
                        roles.add(Role.valueOf(r));
                    } catch (IllegalArgumentException e) {
                        throw new InvalidValueException("role " + r + " is not a Dispostock role");
                    }
                }
                if (roles.isEmpty()) {
                    throw new InvalidValueException("roles is empty");
                }
                Set<Finess> ej = new HashSet<>();
                for (String f : list(row.get("finessej"))) {
                    ej.add(Finess.parse(f));
                }
                String region = row.get("region");
                valid.add(new Account(sub, email, roles, ej, region == null ? null : Region.parse(region)));
            } catch (InvalidValueException e) {
                rejected.add(new ImportReport.Rejected(row.line(), e.getMessage()));
            }
        }
        accounts.importAll(valid);
        LOG.info("accounts import by {}: {} imported, lines rejected {}", caller.subject(), valid.size(),
                rejected.stream().map(ImportReport.Rejected::line).toList());
        return new ImportReport(valid.size(), 0, 0, rejected);
    }

    private static List<String> list(String raw) {
        return raw == null ? List.of() : Arrays.stream(raw.split("[|,]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
