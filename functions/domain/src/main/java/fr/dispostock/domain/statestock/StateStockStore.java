package fr.dispostock.domain.statestock;

import fr.dispostock.domain.Finess;
import fr.dispostock.domain.HistoryPage;
import fr.dispostock.domain.Region;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Where the State-stock catalogue, lot declarations and orders are kept (port). */
public interface StateStockStore {

    List<Product> products();

    Optional<Product> product(String code);

    /** Conditional on the version read ({@code previous} null: create). */
    Product save(Product previous, Product next, String who);

    Optional<LotDeclaration> lots(Region region, LocalDate date, Finess finessEt);

    List<LotDeclaration> lots(Region region, LocalDate date);

    /**
     * Writes {@code next} if the Thursday is still as {@code previous} was read ({@code previous}
     * null: not declared yet), and keeps {@code previous}'s lots as an earlier revision in the same
     * write; false when someone declared meanwhile.
     */
    boolean save(LotDeclaration previous, LotDeclaration next);

    /** The earlier revisions of a Thursday's lots, newest first; empty when nothing was declared. */
    Optional<HistoryPage<LotDeclaration.Revision>> lotHistory(Region region, LocalDate date, Finess finessEt,
                                                              HistoryPage.Request page);

    /** The order a caller's idempotency key already created, with the fingerprint of that first request. */
    record Remembered(String orderId, String requestFingerprint) {
    }

    /**
     * Creates the order and remembers its idempotency key in one transaction; if the key was used
     * already nothing is written and what it created is returned.
     */
    Optional<Remembered> create(Order order, String idempotencyKey, String requestFingerprint);

    Optional<Order> order(String orderId);

    /** Conditional on the version read: false when another change won. */
    boolean update(Order order, long expectedVersion);

    List<Order> ordersOfPui(Finess finessEt);

    List<Order> ordersOfRegion(Region region);
}
