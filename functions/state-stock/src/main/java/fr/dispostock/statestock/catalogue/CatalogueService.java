package fr.dispostock.statestock.catalogue;

import fr.dispostock.domain.Caller;
import fr.dispostock.domain.Enums;
import fr.dispostock.domain.Identifiers;
import fr.dispostock.domain.Limits;
import fr.dispostock.domain.NotFoundException;
import fr.dispostock.domain.Scope;
import fr.dispostock.domain.Versions;
import fr.dispostock.domain.Violations;
import fr.dispostock.domain.statestock.Product;
import fr.dispostock.domain.statestock.StateStockStore;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The catalogue of State-stock products, kept by the national operator. There is no deletion: a
 * product that is no longer distributed becomes not orderable, so that every order that refers
 * to it keeps its meaning.
 */
@Singleton
public class CatalogueService {
    private final StateStockStore store;

    public CatalogueService(StateStockStore store) {
        this.store = store;
    }

    public List<Product> products() {
        return store.products().stream().sorted(Comparator.comparing(Product::code)).toList();
    }

    public Product product(String code) {
        return store.product(Identifiers.existing(Identifiers.PRODUCT_CODE, code, "product"))
                .orElseThrow(() -> new NotFoundException("No product " + code + " in the catalogue."));
    }

    public Product put(Caller caller, String code, ProductBody body, Optional<Long> ifMatch) {
        Scope.requireNational(caller);
        Violations v = new Violations();
        if (!Identifiers.fits(Identifiers.PRODUCT_CODE, code)) {
            v.add("code", "must be 2 to 40 capital letters, digits, '_' or '-'");
        }
        String name = v.text("/name", body.name(), 200);
        Product.Kind kind = v.parse("/kind", body.kind(), CatalogueService::kind);
        String unit = v.text("/unit", body.unit(), 40);
        Long packSize = v.count("/packSize", body.packSize(), Limits.PACK_SIZE_MAX);
        if (packSize != null && packSize < 1) {
            v.add("/packSize", "must be at least 1 unit in one pack");
        }
        List<Product.Device> devices = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<ProductBody.DeviceBody> raw = body.devices() == null ? List.of() : body.devices();
        v.size("/devices", raw, Limits.DEVICES_MAX, "devices per vaccine");
        if (kind != null && kind != Product.Kind.VACCINE && !raw.isEmpty()) {
            v.add("/devices", "only vaccines come with administration devices");
        }
        for (int i = 0; i < Math.min(raw.size(), Limits.DEVICES_MAX); i++) {
            ProductBody.DeviceBody d = raw.get(i);
            Optional<Product> device = Identifiers.fits(Identifiers.PRODUCT_CODE, d.code())
                    ? store.product(d.code()) : Optional.empty();
            if (device.isEmpty() || device.get().kind() != Product.Kind.DEVICE) {
                v.add("/devices/" + i + "/code", "must be the code of a DEVICE of the catalogue");
            } else if (!seen.add(d.code())) {
                v.add("/devices/" + i + "/code", "is listed twice");
            }
            Long perUnit = v.count("/devices/" + i + "/perUnit", d.perUnit(), Limits.DEVICES_PER_UNIT_MAX);
            if (perUnit != null && perUnit < 1) {
                v.add("/devices/" + i + "/perUnit", "must be at least 1 device per unit");
            }
            if (device.isPresent() && perUnit != null) {
                devices.add(new Product.Device(d.code(), perUnit.intValue()));
            }
        }
        v.throwIfAny("Invalid product");
        Optional<Product> existing = store.product(code);
        Versions.check(ifMatch, existing.map(Product::version).orElse(null), "Product " + code);
        return store.save(existing.orElse(null), new Product(code, name, kind, unit, packSize.intValue(), devices,
                body.orderable() == null || body.orderable(), 0), caller.auditName());
    }

    private static Product.Kind kind(String raw) {
        return Enums.parse(Product.Kind.class, raw);
    }
}
