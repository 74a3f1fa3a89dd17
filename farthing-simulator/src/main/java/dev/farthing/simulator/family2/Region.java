package dev.farthing.simulator.family2;

import java.util.List;
import java.util.random.RandomGenerator;

/** Family B's own geography: a country code, UTC offset (minutes), a centre and a share of users. */
record Region(String code, int utcOffsetMinutes, double lat, double lon, double weight) {

    static final List<Region> ALL = List.of(
            new Region("US", -480, 37.4, -122.1, 18),
            new Region("US", -300, 40.7, -74.0, 12),
            new Region("SE", 60, 59.3, 18.1, 4),
            new Region("IT", 60, 41.9, 12.5, 7),
            new Region("NL", 60, 52.4, 4.9, 4),
            new Region("TR", 180, 41.0, 29.0, 7),
            new Region("PH", 480, 14.6, 121.0, 9),
            new Region("VN", 420, 21.0, 105.8, 6),
            new Region("ZA", 120, -26.2, 28.0, 5),
            new Region("AR", -180, -34.6, -58.4, 6),
            new Region("EG", 120, 30.0, 31.2, 5),
            new Region("DE", 60, 52.5, 13.4, 8),
            new Region("IN", 330, 19.1, 72.9, 9));

    static Region pick(RandomGenerator r) {
        double x = r.nextDouble(ALL.stream().mapToDouble(Region::weight).sum());
        for (Region g : ALL) {
            x -= g.weight;
            if (x < 0) {
                return g;
            }
        }
        return ALL.getLast();
    }

    Region elsewhere(RandomGenerator r) {
        Region g;
        do {
            g = pick(r);
        } while (g.code.equals(code));
        return g;
    }

    /** A position within a city-sized area around the centre. */
    double[] near(RandomGenerator r, double spreadDegrees) {
        return new double[]{Math.max(-89, Math.min(89, lat + r.nextGaussian() * spreadDegrees)),
                Math.max(-179, Math.min(179, lon + r.nextGaussian() * spreadDegrees))};
    }
}
