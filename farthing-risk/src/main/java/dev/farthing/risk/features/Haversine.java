package dev.farthing.risk.features;

/** Great-circle distance on a spherical Earth (mean radius 6371.0088 km); error under 0.5% versus WGS-84. */
final class Haversine {
    static final double EARTH_RADIUS_KM = 6371.0088;

    private Haversine() {
    }

    static double km(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
