package fr.dispostock.domain;

/**
 * Who may see and change what, in one place: every function checks its routes through these,
 * so the role × route × scope matrix test covers one rule, not copies of it.
 */
public final class Scope {
    private Scope() {
    }

    /**
     * An ARS or OMEDIT account acts for one region, which its token names: one that names none is
     * told so (the national operator attaches it), not that the route is the nation's.
     */
    public static Region ownRegion(Caller caller) {
        return caller.region().orElseThrow(Scope::noRegion);
    }

    private static AccessDeniedException noRegion() {
        return new AccessDeniedException("Your account has no region: ask the national operator to attach one.");
    }

    /** Why a regional check refused: the account's missing region, when that is the cause, else {@code why}. */
    private static AccessDeniedException refused(Caller caller, String why) {
        boolean regional = caller.has(Role.ARS) || caller.has(Role.OMEDIT);
        return regional && caller.region().isEmpty() ? noRegion() : new AccessDeniedException(why);
    }

    /**
     * Reading an establishment or one of its PUIs. Not the supplier: it reads the PUIs it delivers
     * through the orders it has to ship ({@code /v1/orders/{orderId}/delivery}), not the register.
     */
    public static void requireRead(Caller caller, Region region, Finess finessEj) {
        if (!(caller.isNational() || caller.readsRegion(region) || caller.isPharmacistOf(finessEj))) {
            throw new AccessDeniedException("Establishment " + finessEj + " (region " + region.code()
                    + ") is outside your scope.");
        }
    }

    /**
     * Reading a PUI's declarations (weekly, expected items, Thursday lots): its establishment's
     * pharmacists and software, its region's ARS and OMEDIT, the nation.
     */
    public static void requireDeclarationRead(Caller caller, Region region, Finess finessEj) {
        if (!(caller.isNational() || caller.readsRegion(region) || caller.isPharmacistOf(finessEj)
                || caller.isClientOf(finessEj))) {
            throw new AccessDeniedException("Establishment " + finessEj + " is outside your scope.");
        }
    }

    /**
     * Ordering for a PUI (placing or cancelling an order): the pharmacists of its establishment,
     * never its software, whatever the gateway lets through.
     */
    public static void requireDeclarant(Caller caller, Finess finessEj) {
        if (!caller.isPharmacistOf(finessEj)) {
            throw new AccessDeniedException("Only the pharmacists of establishment " + finessEj
                    + " order for its PUIs.");
        }
    }

    /** Declaring for a PUI (weekly declarations, Thursday lots): the pharmacists of its establishment, or its software. */
    public static void requireDeclarantOrSoftware(Caller caller, Finess finessEj) {
        if (!(caller.isPharmacistOf(finessEj) || caller.isClientOf(finessEj))) {
            throw new AccessDeniedException("Only the pharmacists of establishment " + finessEj
                    + " declare for its PUIs.");
        }
    }

    /** Reviewing an order of State-stock products: the ARS of the PUI's region. */
    public static void requireOrderReviewer(Caller caller, Region region) {
        if (!caller.isArsOf(region)) {
            throw refused(caller, "Only the ARS of region " + region.code() + " reviews this order.");
        }
    }

    /** Recording a shipment of State-stock products: the supplier. */
    public static void requireSupplier(Caller caller) {
        if (!caller.has(Role.SUPPLIER)) {
            throw new AccessDeniedException("Only the supplier (Santé publique France) records shipments.");
        }
    }

    /** Reading a PUI's orders: its establishment's pharmacists, its region's ARS and OMEDIT, the nation. */
    public static void requirePuiOrdersRead(Caller caller, Region region, Finess finessEt, Finess finessEj) {
        if (!(caller.isNational() || caller.readsRegion(region) || caller.isPharmacistOf(finessEj))) {
            throw new AccessDeniedException("PUI " + finessEt + " is outside your scope.");
        }
    }

    /**
     * Reading an order: as a PUI's orders, and the supplier those it has to ship or has shipped.
     *
     * @param toShip whether the order is approved (in whole or in part) or shipped
     */
    public static void requireOrderRead(Caller caller, String orderId, Region region, Finess finessEj, boolean toShip) {
        if (!(caller.isNational() || caller.readsRegion(region) || caller.isPharmacistOf(finessEj)
                || caller.has(Role.SUPPLIER) && toShip)) {
            throw new AccessDeniedException("Order " + orderId + " is outside your scope.");
        }
    }

    /** The region a regional read is about: the one asked, else the caller's own; none for the nation. */
    public static java.util.Optional<Region> regionOfRead(Caller caller, Region asked) {
        Scope.requireAnyRole(caller, Role.ARS, Role.OMEDIT, Role.NATIONAL);
        if (asked == null && caller.isNational()) {
            return java.util.Optional.empty();
        }
        Region region = asked != null ? asked : ownRegion(caller);
        requireRegionRead(caller, region);
        return java.util.Optional.of(region);
    }

    /** Reading a region's registers, declarations or stock picture. */
    public static void requireRegionRead(Caller caller, Region region) {
        if (!(caller.isNational() || caller.readsRegion(region))) {
            throw refused(caller, "Region " + region.code() + " is outside your scope.");
        }
    }

    /** Keeping a region's registers: its ARS, or the national operator. */
    public static void requireRegionKeeper(Caller caller, Region region) {
        if (!(caller.isNational() || caller.isArsOf(region))) {
            throw refused(caller, "Only the ARS of region " + region.code()
                    + " or the national operator may change this.");
        }
    }

    /** Keeping a PUI's contact details: the establishment's pharmacists, its ARS, the national operator. */
    public static void requirePuiKeeper(Caller caller, Region region, Finess finessEj) {
        if (!(caller.isNational() || caller.isArsOf(region) || caller.isPharmacistOf(finessEj))) {
            throw new AccessDeniedException("Establishment " + finessEj + " is outside your scope.");
        }
    }

    public static void requireNational(Caller caller) {
        if (!caller.isNational()) {
            throw new AccessDeniedException("Only the national operator may do this.");
        }
    }

    public static void requireAnyRole(Caller caller, Role... roles) {
        for (Role r : roles) {
            if (caller.has(r)) {
                return;
            }
        }
        throw new AccessDeniedException("Your role does not allow this.");
    }
}
