package fr.dispostock.domain.help;

/**
 * Where a PUI is: the WGS84 coordinates of its FINESS site (degrees). Distances between PUIs are
 * straight lines on the Earth (great circle), not roads: enough to rank neighbours, not to plan a trip.
 */
public record Place(double latitude, double longitude) {
    private static final double EARTH_RADIUS_KM = 6371.0;

    public Place {
        if (!(latitude >= -90 && latitude <= 90 && longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("not WGS84 degrees: " + latitude + ", " + longitude);
        }
    }

    /** Great-circle distance in km (haversine, mean Earth radius). */
    public double kmTo(Place other) {
        double p1 = Math.toRadians(latitude);
        double p2 = Math.toRadians(other.latitude);
        double dp = p2 - p1;
        double dl = Math.toRadians(other.longitude - longitude);
        double h = Math.pow(Math.sin(dp / 2), 2) + Math.cos(p1) * Math.cos(p2) * Math.pow(Math.sin(dl / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
    }
}
