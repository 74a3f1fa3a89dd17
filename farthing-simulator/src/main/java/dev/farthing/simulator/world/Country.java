package dev.farthing.simulator.world;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Where people live: a country's UTC offset (minutes), a population centre, the first octet of its
 * (synthetic) address space and its share of users.
 */
public record Country(String code, int utcOffsetMinutes, double lat, double lon, int ipOctet, double weight) {

    public static final List<Country> ALL = List.of(
            new Country("US", -300, 39.8, -89.0, 23, 26),
            new Country("GB", 0, 52.5, -1.5, 51, 8),
            new Country("DE", 60, 51.0, 10.0, 62, 8),
            new Country("FR", 60, 46.6, 2.4, 77, 6),
            new Country("ES", 60, 40.4, -3.7, 83, 4),
            new Country("PL", 60, 52.1, 19.4, 89, 3),
            new Country("BR", -180, -15.8, -47.9, 177, 8),
            new Country("MX", -360, 19.4, -99.1, 187, 4),
            new Country("CA", -300, 45.4, -75.7, 142, 4),
            new Country("IN", 330, 21.0, 78.0, 117, 10),
            new Country("ID", 420, -6.2, 106.8, 114, 4),
            new Country("JP", 540, 35.7, 139.7, 126, 6),
            new Country("KR", 540, 37.5, 127.0, 121, 3),
            new Country("AU", 600, -33.9, 151.2, 101, 3),
            new Country("NG", 60, 6.5, 3.4, 105, 3));

    public static Country pick(RandomGenerator random) {
        double total = ALL.stream().mapToDouble(Country::weight).sum();
        double x = random.nextDouble(total);
        for (Country c : ALL) {
            x -= c.weight;
            if (x < 0) {
                return c;
            }
        }
        return ALL.getLast();
    }

    /** Another country than this one, chosen by weight. */
    public Country other(RandomGenerator random) {
        Country c;
        do {
            c = pick(random);
        } while (c.equals(this));
        return c;
    }

    /** A place near the population centre (a few hundred km), as a city would be. */
    public double[] somePlace(RandomGenerator random) {
        double la = Math.max(-89, Math.min(89, lat + random.nextGaussian() * 2.5));
        double lo = Math.max(-179, Math.min(179, lon + random.nextGaussian() * 3.5));
        return new double[]{la, lo};
    }

    /** Great-circle distance in km. */
    public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 6371.0 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }
}
