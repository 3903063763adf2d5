package fr.dispostock.statestock.orders;

import fr.dispostock.domain.Caller;
import fr.dispostock.domain.statestock.Order;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;

import java.util.List;

/** Routes /v1/orders → {@link OrderService} → StateStockTable (and RegistersTable, read only). */
@Controller("/v1/orders")
public class OrderController {
    private final OrderService orders;

    public OrderController(OrderService orders) {
        this.orders = orders;
    }

    /** 201 with the new order; the same Idempotency-Key again answers 201 with the same order, creating nothing. */
    @Post
    public HttpResponse<Order> place(Caller caller,
                                     @Nullable @Header("Idempotency-Key") String idempotencyKey,
                                     @Body OrderBodies.Place body) {
        OrderService.Placed placed = orders.place(caller, idempotencyKey, body);
        return HttpResponse.created(placed.order()).header("Idempotent-Replayed", Boolean.toString(!placed.created()));
    }

    @Get
    public List<Order> list(Caller caller,
                            @Nullable @QueryValue String finessEt, @Nullable @QueryValue String region,
                            @Nullable @QueryValue String status) {
        return orders.list(caller, finessEt, region, status);
    }

    @Get("/{orderId}")
    public Order get(Caller caller, String orderId) {
        return orders.get(caller, orderId);
    }

    /** The PUI the order is delivered to (contact details, address, establishment number): what the supplier reads of the register. */
    @Get("/{orderId}/delivery")
    public Delivery delivery(Caller caller, String orderId) {
        return orders.delivery(caller, orderId);
    }

    @Post("/{orderId}/review")
    public Order review(Caller caller, String orderId,
                        @Body OrderBodies.Review body) {
        return orders.review(caller, orderId, body);
    }

    @Post("/{orderId}/shipments")
    public Order ship(Caller caller, String orderId,
                      @Body OrderBodies.Ship body) {
        return orders.ship(caller, orderId, body);
    }

    @Post("/{orderId}/cancel")
    public Order cancel(Caller caller, String orderId) {
        return orders.cancel(caller, orderId);
    }
}
