package fr.dispostock.statestock.orders;

import fr.dispostock.domain.BusinessMetric;
import fr.dispostock.domain.Caller;
import fr.dispostock.domain.ConflictException;
import fr.dispostock.domain.Dates;
import fr.dispostock.domain.Enums;
import fr.dispostock.domain.FieldError;
import fr.dispostock.domain.Finess;
import fr.dispostock.domain.Identifiers;
import fr.dispostock.domain.InvalidRequestException;
import fr.dispostock.domain.Limits;
import fr.dispostock.domain.NotFoundException;
import fr.dispostock.domain.Region;
import fr.dispostock.domain.Role;
import fr.dispostock.domain.Scope;
import fr.dispostock.domain.Violations;
import fr.dispostock.domain.register.Address;
import fr.dispostock.domain.register.Pui;
import fr.dispostock.domain.register.RegisterReader;
import fr.dispostock.domain.statestock.Order;
import fr.dispostock.domain.statestock.OrderStatus;
import fr.dispostock.domain.statestock.Product;
import fr.dispostock.domain.statestock.StateStockStore;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Orders of State-stock products: a pharmacist orders for a PUI (whole packs; the devices that go
 * with vaccines are proposed), the ARS of the PUI's region reviews line by line, the supplier ships
 * what was approved; the pharmacist may cancel until the review. Every step is dated and kept, and
 * only the transitions of {@link OrderStatus} are allowed.
 */
@Singleton
public class OrderService {
    private static final Pattern KEY = Pattern.compile("^[A-Za-z0-9._:-]{8,100}$");
    private final RegisterReader registers;
    private final StateStockStore store;
    private final Clock clock;
    private final BusinessMetric.Counter metrics;

    public OrderService(RegisterReader registers, StateStockStore store, Clock clock, BusinessMetric.Counter metrics) {
        this.registers = registers;
        this.store = store;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** The order and whether this call created it (false: a retry of the same request). */
    public record Placed(Order order, boolean created) {
    }

    public Placed place(Caller caller, String idempotencyKey, OrderBodies.Place body) {
        Violations v = new Violations();
        if (idempotencyKey == null || !KEY.matcher(idempotencyKey).matches()) {
            v.add("Idempotency-Key", "the header is required: 8 to 100 letters, digits or . _ : -, new for each order"
                    + " and the same when the request is retried");
        }
        Finess finessEt = v.parse("/finessEt", body.finessEt(), Finess::parse);
        v.throwIfAny("Invalid order");
        Pui pui = registers.existingPui(finessEt);
        Scope.requireDeclarant(caller, pui.finessEj());
        Map<String, Product> catalogue = new HashMap<>();
        store.products().forEach(p -> catalogue.put(p.code(), p));
        List<Order.Line> lines = lines(v, body.lines(), catalogue);
        v.throwIfAny("Invalid order");

        // one key per account: a retried request finds its order whatever the other accounts do
        String key = caller.subject() + "#" + idempotencyKey;
        String fingerprint = fingerprint(finessEt, lines);
        Instant now = clock.instant();
        String orderId = "ORD-" + DateTimeFormatter.BASIC_ISO_DATE.format(LocalDate.ofInstant(now, Dates.PARIS)) + "-"
                + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Order order = Order.placed(orderId, finessEt, pui.finessEj(), pui.region(), lines, now, caller.auditName());
        Optional<StateStockStore.Remembered> earlier = store.create(order, key, fingerprint);
        if (earlier.isEmpty()) {
            metrics.count(BusinessMetric.ORDERS_PLACED);
            return new Placed(order, true);
        }
        if (!earlier.get().requestFingerprint().equals(fingerprint)) {
            throw new InvalidRequestException("Idempotency-Key reused", List.of(new FieldError("Idempotency-Key",
                    "this key already placed order " + earlier.get().orderId() + " with other lines; use a new key for a new order")));
        }
        return new Placed(store.order(earlier.get().orderId()).orElseThrow(), false);
    }

    private static List<Order.Line> lines(Violations v, List<OrderBodies.Place.Line> body, Map<String, Product> catalogue) {
        if (body == null || body.isEmpty()) {
            v.add("/lines", "at least one product is ordered");
            return List.of();
        }
        if (!v.size("/lines", body, Limits.ORDER_LINES_MAX, "lines in one order")) {
            return List.of();
        }
        Map<String, Order.Line> ordered = new LinkedHashMap<>();
        for (int i = 0; i < body.size(); i++) {
            OrderBodies.Place.Line l = body.get(i);
            String at = "/lines/" + i;
            Product product = catalogue.get(l.productCode());
            if (product == null) {
                v.add(at + "/productCode", "is not a product of the State-stock catalogue");
                continue;
            }
            if (!product.orderable()) {
                v.add(at + "/productCode", product.code() + " can no longer be ordered");
            }
            Long quantity = v.count(at + "/quantity", l.quantity(), Limits.ORDER_QUANTITY_MAX);
            if (quantity != null && (quantity == 0 || quantity % product.packSize() != 0)) {
                v.add(at + "/quantity", "must be whole packs of " + product.packSize() + " " + product.unit()
                        + " (e.g. " + product.packSize() + ", " + 2 * product.packSize() + ")");
                quantity = null;
            }
            if (ordered.containsKey(product.code())) {
                v.add(at + "/productCode", product.code() + " is ordered twice");
            } else if (quantity != null) {
                ordered.put(product.code(), new Order.Line(product.code(), quantity, false, null, null));
            }
        }
        // the devices that go with the vaccines, in whole packs, unless the pharmacist ordered them
        Map<String, Long> devices = new LinkedHashMap<>();
        for (Order.Line line : List.copyOf(ordered.values())) {
            for (Product.Device d : catalogue.get(line.productCode()).devices()) {
                devices.merge(d.code(), Math.multiplyExact(line.quantity(), d.perUnit()), Math::addExact);
            }
        }
        devices.forEach((code, units) -> {
            Product device = catalogue.get(code);
            if (device != null && !ordered.containsKey(code)) {
                long packs = (units + device.packSize() - 1) / device.packSize();
                ordered.put(code, new Order.Line(code, packs * device.packSize(), true, null, null));
            }
        });
        return new ArrayList<>(ordered.values());
    }

    private static String fingerprint(Finess finessEt, List<Order.Line> lines) {
        StringBuilder s = new StringBuilder(finessEt.value());
        lines.stream().sorted(Comparator.comparing(Order.Line::productCode))
                .forEach(l -> s.append('|').append(l.productCode()).append('=').append(l.quantity()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ARS of the PUI's region approves, adjusts down or rejects each line, with a reason when it cuts. */
    public Order review(Caller caller, String orderId, OrderBodies.Review body) {
        Order order = order(orderId);
        Scope.requireOrderReviewer(caller, order.region());
        order.requireStep(OrderStatus.APPROVED, "reviewed");
        Violations v = new Violations();
        Map<String, Order.Line> byProduct = new LinkedHashMap<>();
        order.lines().forEach(l -> byProduct.put(l.productCode(), l));
        Map<String, Order.Line> reviewed = new HashMap<>();
        List<OrderBodies.Review.ReviewLine> raw = body.lines() == null ? List.of() : body.lines();
        if (!v.size("/lines", raw, Limits.ORDER_LINES_MAX, "lines in one review")) {
            v.throwIfAny("Invalid review");
        }
        for (int i = 0; i < raw.size(); i++) {
            OrderBodies.Review.ReviewLine r = raw.get(i);
            String at = "/lines/" + i;
            Order.Line line = r.productCode() == null ? null : byProduct.get(r.productCode());
            if (line == null) {
                v.add(at + "/productCode", "is not a line of order " + orderId);
                continue;
            }
            if (reviewed.containsKey(line.productCode())) {
                v.add(at + "/productCode", line.productCode() + " is reviewed twice");
                continue;
            }
            Long approved = v.count(at + "/approvedQuantity", r.approvedQuantity(), Limits.ORDER_QUANTITY_MAX);
            if (approved != null && approved > line.quantity()) {
                v.add(at + "/approvedQuantity", "cannot exceed the " + line.quantity() + " ordered");
                approved = null;
            }
            String reason = v.optionalParagraphs(at + "/reason", r.reason(), 500);
            if (approved != null && approved < line.quantity() && reason == null) {
                v.add(at + "/reason", "is required when less than ordered is approved");
            }
            if (approved != null) {
                reviewed.put(line.productCode(), new Order.Line(line.productCode(), line.quantity(), line.proposed(),
                        approved, reason));
            }
        }
        byProduct.keySet().stream().filter(p -> !reviewed.containsKey(p) && raw.stream()
                        .noneMatch(r -> p.equals(r.productCode())))
                .forEach(p -> v.add("/lines", "line " + p + " of the order is not reviewed"));
        v.throwIfAny("Invalid review");
        List<Order.Line> lines = byProduct.keySet().stream().map(reviewed::get).toList();
        return save(order, order.reviewed(lines, clock.instant(), caller.auditName()));
    }

    /** The supplier records what it shipped of the approved quantities, to the PUI's delivery address. */
    public Order ship(Caller caller, String orderId, OrderBodies.Ship body) {
        Scope.requireSupplier(caller);
        Order order = order(orderId);
        order.requireStep(OrderStatus.SHIPPED, "shipped");
        Violations v = new Violations();
        LocalDate today = LocalDate.ofInstant(clock.instant(), Dates.PARIS);
        LocalDate shippedOn = v.parse("/shippedOn", body.shippedOn(), Dates::parse);
        if (shippedOn != null && shippedOn.isAfter(today)) {
            v.add("/shippedOn", "is still to come");
        }
        Map<String, Long> approved = new HashMap<>();
        order.lines().forEach(l -> approved.put(l.productCode(), l.approvedQuantity()));
        Map<String, Long> shipped = new HashMap<>();
        List<Order.ShippedLot> lots = new ArrayList<>();
        List<OrderBodies.Ship.ShipLine> raw = body.lines() == null ? List.of() : body.lines();
        if (raw.isEmpty()) {
            v.add("/lines", "at least one lot is shipped");
        }
        if (!v.size("/lines", raw, Limits.ORDER_LINES_MAX, "lots in one shipment")) {
            v.throwIfAny("Invalid shipment");
        }
        for (int i = 0; i < raw.size(); i++) {
            OrderBodies.Ship.ShipLine l = raw.get(i);
            String at = "/lines/" + i;
            Long allowed = l.productCode() == null ? null : approved.get(l.productCode());
            if (allowed == null || allowed == 0) {
                v.add(at + "/productCode", "was not approved in order " + orderId);
            }
            String lot = v.text(at + "/lot", l.lot(), 40);
            LocalDate expiry = v.parse(at + "/expiry", l.expiry(), Dates::parse);
            if (expiry != null && shippedOn != null && expiry.isBefore(shippedOn)) {
                v.add(at + "/expiry", "lot " + lot + " expired on " + expiry + ", before it was shipped");
            }
            Long quantity = v.count(at + "/quantity", l.quantity(), Limits.ORDER_QUANTITY_MAX);
            if (quantity != null && quantity == 0) {
                v.add(at + "/quantity", "must be more than 0");
                quantity = null;
            }
            if (allowed != null && quantity != null && shipped.merge(l.productCode(), quantity, Math::addExact) > allowed) {
                v.add(at + "/quantity", "more " + l.productCode() + " than the " + allowed + " approved");
            }
            if (allowed != null && lot != null && expiry != null && quantity != null) {
                lots.add(new Order.ShippedLot(l.productCode(), lot, expiry, quantity));
            }
        }
        v.throwIfAny("Invalid shipment");
        Address a = registers.existingPui(order.finessEt()).deliveryAddress();
        String address = String.join(", ", java.util.stream.Stream.of(a.line1(), a.line2(), a.postalCode() + " " + a.city())
                .filter(s -> s != null && !s.isBlank()).toList());
        return save(order, order.shipped(new Order.Shipment(shippedOn, address, lots), clock.instant(), caller.auditName()));
    }

    public Order cancel(Caller caller, String orderId) {
        Order order = order(orderId);
        Scope.requireDeclarant(caller, order.finessEj());
        order.requireStep(OrderStatus.CANCELLED, "cancelled");
        return save(order, order.cancelled(clock.instant(), caller.auditName()));
    }

    public Order get(Caller caller, String orderId) {
        Order order = order(orderId);
        Scope.requireOrderRead(caller, order.orderId(), order.region(), order.finessEj(), order.status().seenBySupplier());
        return order;
    }

    /** The PUI an order goes to: the supplier's only view of the register, for the orders it ships. */
    public Delivery delivery(Caller caller, String orderId) {
        Order order = get(caller, orderId);
        Pui pui = registers.existingPui(order.finessEt());
        return new Delivery(order.orderId(), pui.finessEt(), pui.finessEj(), pui.name(), pui.email(), pui.phone(),
                pui.deliveryAddress());
    }

    /**
     * Orders in the caller's scope: a pharmacist's PUI, an ARS or OMEDIT's region, the nation by PUI or
     * region, and for the supplier the orders it has to ship or has shipped.
     */
    public List<Order> list(Caller caller, String finessEtParam, String regionParam, String statusParam) {
        Violations v = new Violations();
        Finess finessEt = v.parseOptional("finessEt", finessEtParam, Finess::parse);
        Region region = v.parseOptional("region", regionParam, Region::parse);
        OrderStatus status = v.parseOptional("status", statusParam, raw -> Enums.parse(OrderStatus.class, raw));
        v.throwIfAny("Invalid query");
        List<Order> orders;
        if (finessEt != null) {
            Pui pui = registers.existingPui(finessEt);
            Scope.requirePuiOrdersRead(caller, pui.region(), finessEt, pui.finessEj());
            orders = store.ordersOfPui(finessEt);
        } else if (caller.has(Role.SUPPLIER) && !caller.isNational()) {
            orders = (region == null ? Region.all() : List.of(region)).stream()
                    .flatMap(r -> store.ordersOfRegion(r).stream())
                    .filter(o -> o.status().seenBySupplier()).toList();
        } else {
            Optional<Region> r = Scope.regionOfRead(caller, region);
            orders = r.map(List::of).orElse(Region.all()).stream().flatMap(x -> store.ordersOfRegion(x).stream()).toList();
        }
        return orders.stream().filter(o -> status == null || o.status() == status)
                .sorted(Comparator.comparing(Order::createdAt).reversed()).toList();
    }

    /** One step of the order, written only if nobody changed the order since it was read. */
    private Order save(Order order, Order next) {
        if (!store.update(next, order.version())) {
            throw new ConflictException(ConflictException.Kind.CONFLICT, "Order " + order.orderId()
                    + " was changed by someone else meanwhile; read it again.");
        }
        metrics.count(switch (next.status()) {
            case APPROVED, PARTIALLY_APPROVED -> BusinessMetric.ORDERS_APPROVED;
            case REJECTED -> BusinessMetric.ORDERS_REJECTED;
            case SHIPPED -> BusinessMetric.ORDERS_SHIPPED;
            case CANCELLED -> BusinessMetric.ORDERS_CANCELLED;
            case SUBMITTED -> throw new IllegalArgumentException("an order is submitted once, when placed");
        });
        return next;
    }

    private Order order(String orderId) {
        return store.order(Identifiers.existing(Identifiers.ORDER_ID, orderId, "order"))
                .orElseThrow(() -> new NotFoundException("No order " + orderId + "."));
    }
}
