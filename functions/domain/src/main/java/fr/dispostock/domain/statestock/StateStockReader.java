package fr.dispostock.domain.statestock;

import fr.dispostock.domain.Finess;
import fr.dispostock.domain.HistoryPage;
import fr.dispostock.domain.Region;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The State-stock catalogue, lots and orders as the functions that only read them see them (port; the owner's is {@link StateStockStore}). */
public interface StateStockReader {

    List<Product> products();

    Optional<Product> product(String code);

    Optional<LotDeclaration> lots(Region region, LocalDate date, Finess finessEt);

    List<LotDeclaration> lots(Region region, LocalDate date);

    /** The earlier revisions of a Thursday's lots, newest first; empty when nothing was declared. */
    Optional<HistoryPage<LotDeclaration.Revision>> lotHistory(Region region, LocalDate date, Finess finessEt,
                                                              HistoryPage.Request page);

    Optional<Order> order(String orderId);

    List<Order> ordersOfPui(Finess finessEt);

    List<Order> ordersOfRegion(Region region);

    /** What the supplier declared it can deliver for an order day, if it did. */
    Optional<Availability> availability(LocalDate orderDay);
}
