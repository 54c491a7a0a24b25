package it.snodo.engine;

/** Great-circle distances on a sphere of the earth's mean radius. */
public final class Geo {

    /** The earth's mean radius in km, as docs/design.md ("Definitions") fixes it. */
    public static final double EARTH_RADIUS_KM = 6371.0;

    private Geo() {}

    /**
     * The great-circle distance in km between two points given in degrees, by the haversine
     * formula (Sinnott, "Virtues of the Haversine", Sky and Telescope 68(2), 1984), which stays
     * accurate for the short distances between neighbouring towns.
     */
    public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double phi1 = Math.toRadians(lat1);
        double phi2 = Math.toRadians(lat2);
        double dPhi = phi2 - phi1;
        double dLambda = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
                + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
