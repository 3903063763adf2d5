package fr.dispostock.statestock.orders;

import fr.dispostock.statestock.StateStockApi;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
    @ApiResponse(responseCode = "403", description = "not a pharmacist of the PUI's establishment",
            content = @Content(mediaType = StateStockApi.PROBLEM))
    @ApiResponse(responseCode = "404", description = "no such PUI (/finessEt)",
            content = @Content(mediaType = StateStockApi.PROBLEM))
    @ApiResponse(responseCode = "422", description = "Idempotency-Key missing, malformed or reused with another body (pointer `Idempotency-Key`), /finessEt"
            + " not a FINESS number, no line or too many (`/lines`), a line's product, quantity (`/lines/N/productCode`,"
            + " `/lines/N/quantity`); nothing written",
            content = @Content(mediaType = StateStockApi.PROBLEM))
    @Post
    public HttpResponse<Order> place(Caller caller,
                                     @Nullable @Header("Idempotency-Key") String idempotencyKey,
                                     @Body OrderBodies.Place body) {
        OrderService.Placed placed = orders.place(caller, idempotencyKey, body);
        return HttpResponse.created(placed.order()).header("Idempotent-Replayed", Boolean.toString(!placed.created()));
    }

    @ApiResponse(responseCode = "403", description = StateStockApi.ORDER_SCOPE,
            content = @Content(mediaType = StateStockApi.PROBLEM))
    @ApiResponse(responseCode = "404", description = "no such PUI (finessEt)",
            content = @Content(mediaType = StateStockApi.PROBLEM))
    @ApiResponse(responseCode = "422", description = "finessEt not a FINESS number, region not a region code, status not an order status (pointers"
            + " `finessEt`, `region`, `status`)",
            content = @Content(mediaType = StateStockApi.PROBLEM))
    @Get
    public List<Order> list(Caller caller,
                            @Nullable @QueryValue String finessEt, @Nullable @QueryValue String region,
                            @Nullable @QueryValue String status) {
        return orders.list(caller, finessEt, region, status);
    }

    @ApiResponse(responseCode = "403", description = StateStockApi.ORDER_SCOPE,
            content = @Content(mediaType = StateStockApi.PROBLEM))
    @ApiResponse(responseCode = "404", description = StateStockApi.NO_ORDER,
            content = @Content(mediaType = StateStockApi.PROBLEM))
    @Get("/{orderId}")
    public Order get(Caller caller, String orderId) {
        return orders.get(caller, orderId);
    }

    /** The PUI the order is delivered to (contact details, address, establishment number): what the supplier reads of the register. */
    @ApiResponse(responseCode = "403", description = StateStockApi.ORDER_SCOPE,
            content = @Content(mediaType = StateStockApi.PROBLEM))
    @ApiResponse(responseCode = "404", description = StateStockApi.NO_ORDER,
            content = @Content(mediaType = StateStockApi.PROBLEM))
    @Get("/{orderId}/delivery")
    public Delivery delivery(Caller caller, String orderId) {
        return orders.delivery(caller, orderId);
    }

    @ApiResponse(responseCode = "403", description = "not the ARS of the order's region",
            content = @Content(mediaType = StateStockApi.PROBLEM))
    @ApiResponse(responseCode = "404", description = StateStockApi.NO_ORDER,
            content = @Content(mediaType = StateStockApi.PROBLEM))
    @ApiResponse(responseCode = "409", description = StateStockApi.STEP_TAKEN,
            content = @Content(mediaType = StateStockApi.PROBLEM))
    @ApiResponse(responseCode = "422", description = "a line's product or approved quantity (`/lines/N/productCode`, `/lines/N/approvedQuantity`), a reason"
            + " missing when less than ordered is approved (`/lines/N/reason`); nothing written",
            content = @Content(mediaType = StateStockApi.PROBLEM))
    @Post("/{orderId}/review")
    public Order review(Caller caller, String orderId,
                        @Body OrderBodies.Review body) {
        return orders.review(caller, orderId, body);
    }

    @ApiResponse(responseCode = "403", description = "not the supplier",
            content = @Content(mediaType = StateStockApi.PROBLEM))
    @ApiResponse(responseCode = "404", description = StateStockApi.NO_ORDER,
            content = @Content(mediaType = StateStockApi.PROBLEM))
    @ApiResponse(responseCode = "409", description = StateStockApi.STEP_TAKEN,
            content = @Content(mediaType = StateStockApi.PROBLEM))
    @ApiResponse(responseCode = "422", description = "/shippedOn not a date, no line (`/lines`), a line's product, lot, expiry or quantity"
            + " (`/lines/N/productCode`, `/lines/N/lot`, `/lines/N/expiry`, `/lines/N/quantity`); nothing written",
            content = @Content(mediaType = StateStockApi.PROBLEM))
    @Post("/{orderId}/shipments")
    public Order ship(Caller caller, String orderId,
                      @Body OrderBodies.Ship body) {
        return orders.ship(caller, orderId, body);
    }

    @ApiResponse(responseCode = "403", description = "not a pharmacist of the order's establishment",
            content = @Content(mediaType = StateStockApi.PROBLEM))
    @ApiResponse(responseCode = "404", description = StateStockApi.NO_ORDER,
            content = @Content(mediaType = StateStockApi.PROBLEM))
    @ApiResponse(responseCode = "409", description = StateStockApi.STEP_TAKEN,
            content = @Content(mediaType = StateStockApi.PROBLEM))
    @Post("/{orderId}/cancel")
    public Order cancel(Caller caller, String orderId) {
        return orders.cancel(caller, orderId);
    }
}
