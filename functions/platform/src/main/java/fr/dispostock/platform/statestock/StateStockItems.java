package fr.dispostock.platform.statestock;

import fr.dispostock.domain.Departement;
import fr.dispostock.domain.Finess;
import fr.dispostock.domain.Region;
import fr.dispostock.domain.statestock.Availability;
import fr.dispostock.domain.statestock.LotDeclaration;
import fr.dispostock.domain.statestock.Order;
import fr.dispostock.domain.statestock.Product;
import fr.dispostock.platform.dynamo.Items;
import fr.dispostock.platform.dynamo.RevisionWriter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static fr.dispostock.platform.dynamo.Items.s;
import static fr.dispostock.platform.dynamo.Items.string;

/**
 * State-stock records as StateStockTable items and back (keys from {@link StateStockKeys}): each record
 * one JSON document ({@code doc}) beside the keys, indexes and the attributes conditions test
 * ({@code version}, {@code rev}, {@code revs}). Public for bulk loads of past Thursdays and orders
 * (the local platform's seed), which must store what the function would.
 */
public final class StateStockItems {
    private final JsonMapper json;

    StateStockItems(JsonMapper json) {
        this.json = json;
    }

    /** The item of a product at its version (its previous one in {@code version}, for the audit's "before"). */
    Map<String, AttributeValue> product(Product p, @Nullable Long version) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(StateStockKeys.product(p.code())));
        item.put("sk", s(StateStockKeys.ROOT));
        item.put("gsi1pk", s(StateStockKeys.PRODUCTS));
        item.put("gsi1sk", s(p.code()));
        item.put("doc", s(write(p)));
        if (version != null) {
            item.put("version", Items.n(version));
        }
        return item;
    }

    /** The item of a Thursday's current lots. */
    public Map<String, AttributeValue> lotsItemOf(LotDeclaration d) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(StateStockKeys.lots(d.region(), d.date())));
        item.put("sk", s(StateStockKeys.pui(d.finessEt())));
        item.put("rev", Items.n(d.revision()));
        item.put("revs", Items.n(d.earlierRevisions()));
        item.put("doc", s(write(d)));
        return item;
    }

    /** The item of revision {@code number} of a PUI's Thursday. */
    public Map<String, AttributeValue> lotRevisionItemOf(LocalDate date, Finess finessEt, int number,
                                                         LotDeclaration.Revision r) {
        Map<String, AttributeValue> item = new HashMap<>(RevisionWriter.revisionKey(StateStockKeys.lotRevisions(date, finessEt), number));
        item.put("doc", s(write(r)));
        return item;
    }

    /** The item an order is kept as. */
    public Map<String, AttributeValue> orderItem(Order o) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(StateStockKeys.order(o.orderId())));
        item.put("sk", s(StateStockKeys.ROOT));
        item.put("gsi1pk", s(StateStockKeys.ordersOf(o.region())));
        item.put("gsi1sk", s(StateStockKeys.ordered(o.createdAt(), o.orderId())));
        item.put("gsi2pk", s(StateStockKeys.ordersOf(o.finessEt())));
        item.put("gsi2sk", s(StateStockKeys.ordered(o.createdAt(), o.orderId())));
        item.put("status", s(o.status().name()));
        item.put("version", Items.n(o.version()));
        item.put("doc", s(write(o)));
        return item;
    }

    /** What the supplier declares available for an order day. */
    Map<String, AttributeValue> availability(Availability a) {
        return Map.of("pk", s(StateStockKeys.availability(a.orderDay())), "sk", s(StateStockKeys.ROOT), "doc", s(write(a)));
    }

    /** The item remembering which order an idempotency key created, until {@code expiresAt} (epoch seconds). */
    Map<String, AttributeValue> remembered(String idempotencyKey, String orderId, String fingerprint, long expiresAt) {
        return Map.of("pk", s(StateStockKeys.idempotency(idempotencyKey)), "sk", s(StateStockKeys.ROOT),
                "orderId", s(orderId), "fingerprint", s(fingerprint), "expiresAt", Items.n(expiresAt));
    }

    /** The document of an item of the old shape: the earlier lots inside it, oldest first. */
    @Serdeable
    public record OldShapeLots(Finess finessEt, Finess finessEj, Region region, Departement departement,
                               LocalDate date, LotDeclaration.Revision current,
                               @Nullable List<LotDeclaration.Revision> history) {
        public OldShapeLots {
            history = history == null ? List.of() : history; // written without empty lists
        }
    }

    LotDeclaration lotDeclaration(Map<String, AttributeValue> item) {
        if (item.containsKey("revs")) {
            return read(item, LotDeclaration.class);
        }
        OldShapeLots old = read(item, OldShapeLots.class);
        return new LotDeclaration(old.finessEt(), old.finessEj(), old.region(), old.departement(), old.date(),
                old.current(), old.history().size());
    }

    List<Map<String, AttributeValue>> oldShapeLotRevisions(Map<String, AttributeValue> item) {
        OldShapeLots old = read(item, OldShapeLots.class);
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < old.history().size(); i++) {
            items.add(lotRevisionItemOf(old.date(), old.finessEt(), i + 1, old.history().get(i)));
        }
        return items;
    }

    <T> T read(Map<String, AttributeValue> item, Class<T> type) {
        try {
            return json.readValue(string(item, "doc"), type);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable " + type.getSimpleName() + " " + string(item, "pk"), e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
