package fr.dispostock.registers.puis;

import fr.dispostock.domain.Text;
import fr.dispostock.domain.Caller;
import fr.dispostock.domain.Finess;
import fr.dispostock.domain.NotFoundException;
import fr.dispostock.domain.Scope;
import fr.dispostock.domain.Versions;
import fr.dispostock.domain.Violations;
import fr.dispostock.domain.register.Address;
import fr.dispostock.domain.register.AuditEntry;
import fr.dispostock.domain.register.Establishment;
import fr.dispostock.domain.register.Pui;
import fr.dispostock.domain.register.RegisterStore;
import fr.dispostock.domain.register.Site;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A hospital pharmacy's contact details: the e-mail every reminder goes to and the address the
 * State stock is delivered to, so both are required and checked.
 */
@Singleton
public class PuiService {
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 .()-]{6,20}$");
    private static final Pattern POSTAL_CODE = Pattern.compile("^[0-9]{5}$");
    private final RegisterStore store;

    public PuiService(RegisterStore store) {
        this.store = store;
    }

    public Pui get(Caller caller, Finess finessEt) {
        Pui pui = store.existingPui(finessEt);
        Scope.requireRead(caller, pui.region(), pui.finessEj());
        return pui;
    }

    public Pui put(Caller caller, Finess finessEt, PuiBody body, Optional<Long> ifMatch) {
        Optional<Pui> existing = store.pui(finessEt);
        existing.ifPresent(p -> Scope.requirePuiKeeper(caller, p.region(), p.finessEj()));
        Violations v = new Violations();
        if (body.finessEt() != null && !body.finessEt().strip().equals(finessEt.value())) {
            v.add("/finessEt", "must be the FINESS in the path (" + finessEt + ") or absent");
        }
        Finess finessEj = existing.isPresent() && body.finessEj() == null ? existing.get().finessEj()
                : v.parse("/finessEj", body.finessEj(), Finess::parse);
        if (finessEj != null && existing.isPresent() && !existing.get().finessEj().equals(finessEj)) {
            v.add("/finessEj", "a PUI stays with its establishment (" + existing.get().finessEj() + ")");
        }
        String name = v.optionalText("/name", body.name(), 200);
        String email = v.text("/email", body.email(), 254);
        if (email != null && !Text.EMAIL.matcher(email).matches()) {
            v.add("/email", "must be an e-mail address such as pharmacie@chu-exemple.fr");
        }
        String phone = v.optionalText("/phone", body.phone(), 20);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            v.add("/phone", "must be a phone number (digits, spaces, +)");
        }
        Address address = address(v, body.deliveryAddress());
        v.throwIfAny("Invalid PUI");

        Establishment establishment = store.establishment(finessEj)
                .orElseThrow(() -> new NotFoundException("No establishment " + finessEj + " in the register."));
        Site site = store.site(finessEj, finessEt).orElse(null);
        // a PUI belongs to the region of its own site, which may differ from its legal entity's
        Scope.requirePuiKeeper(caller, site == null ? establishment.region() : site.departement().region(), finessEj);
        if (site == null) {
            v.add("/finessEt", finessEt + " is not a site of establishment " + finessEj
                    + " in the FINESS register; the ARS imports or adds it first");
        }
        if (establishment.status() == Establishment.Status.CLOSED) {
            v.add("/finessEj", "establishment " + finessEj + " is closed");
        }
        v.throwIfAny("Invalid PUI");
        Versions.check(ifMatch, existing.map(Pui::version).orElse(null), "PUI " + finessEt);
        Pui next = new Pui(finessEt, finessEj, name != null ? name : existing.map(Pui::name).orElse(site.name()),
                email, phone, address, site.departement().region(), site.departement(),
                existing.map(Pui::version).orElse(0L));
        return store.save(existing.orElse(null), next, caller.auditName());
    }

    private static Address address(Violations v, PuiBody.AddressBody a) {
        if (a == null) {
            v.add("/deliveryAddress", "is required: the State stock is delivered there");
            return null;
        }
        String line1 = v.text("/deliveryAddress/line1", a.line1(), 200);
        String line2 = v.optionalText("/deliveryAddress/line2", a.line2(), 200);
        String postalCode = v.text("/deliveryAddress/postalCode", a.postalCode(), 5);
        if (postalCode != null && !POSTAL_CODE.matcher(postalCode).matches()) {
            v.add("/deliveryAddress/postalCode", "must be a French postal code of 5 digits");
        }
        String city = v.text("/deliveryAddress/city", a.city(), 100);
        return new Address(line1, line2, postalCode, city);
    }

    public List<AuditEntry> audit(Caller caller, Finess finessEt) {
        Pui pui = store.existingPui(finessEt);
        Scope.requireRegionKeeper(caller, pui.region());
        return store.audit(RegisterStore.Kind.PUI, finessEt.value());
    }
}
