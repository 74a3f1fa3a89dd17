package dev.farthing.simulator.family2;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Family B's payees: creators who sell post unlocks, bill live streams per segment, sell bundles or keep a
 * tip jar, at this world's price points; some join during the window (their first payment is mid-day). Sizes
 * follow a steep power law.
 */
final class Shop {
    enum Kind { POSTS, STREAM, BUNDLES, TIP_JAR }

    /** {@code unit} is the list price in minor units (a tip jar's suggested tip); segment length for streams. */
    record Creator(String id, Kind kind, long unit, long segmentNanos, long joinsAtNanos, int items) {
        String item(RandomGenerator r) {
            return id + "/" + (kind == Kind.STREAM ? "live" : "post") + (int) Math.floor(Math.pow(r.nextDouble(), 2.5) * items);
        }
    }

    private final List<Creator> creators = new ArrayList<>();

    Shop(RandomGenerator r, Knobs knobs, Money money, int users, long windowStart, long windowEnd) {
        int n = Math.max(20, users / 20);
        for (int i = 0; i < n; i++) {
            Kind kind = Kind.values()[pickWeighted(r, 0.45, 0.2, 0.15, 0.2)];
            double major = switch (kind) {
                case POSTS -> pick(r, 0.0009, 0.0019, 0.0029, 0.0049, 0.0079, 0.009);
                case STREAM -> pick(r, 0.0004, 0.0008, 0.0012, 0.002);
                case BUNDLES -> pick(r, 0.49, 0.99, 1.49, 2.49, 4.99);
                case TIP_JAR -> pick(r, 0.25, 0.5, 1.0, 2.0, 3.0);
            };
            long unit = money.units(major * knobs.priceScale());
            long segment = Span.SECOND * (long) pick(r, 15, 30, 60);
            boolean joins = r.nextDouble() < knobs.newCreatorShare();
            long joinsAt = joins ? windowStart + (long) (r.nextDouble(0.05, 0.85) * (windowEnd - windowStart)) : Long.MIN_VALUE;
            creators.add(new Creator(Ids.creator(r), kind, unit, segment, joinsAt, 5 + r.nextInt(400)));
        }
    }

    private static double pick(RandomGenerator r, double... values) {
        return values[r.nextInt(values.length)];
    }

    static int pickWeighted(RandomGenerator r, double... weights) {
        double x = r.nextDouble(Arrays.stream(weights).sum());
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    List<Creator> all() {
        return creators;
    }

    /** A creator open for business at {@code at}, popular ones far more often. */
    Creator popular(RandomGenerator r, long at) {
        for (int tries = 0; ; tries++) {
            Creator c = creators.get((int) Math.min(creators.size() - 1, Math.floor(Math.pow(r.nextDouble(), 3.5) * creators.size())));
            if (c.joinsAtNanos() <= at || tries > 20) {
                return c.joinsAtNanos() <= at ? c : creators.getFirst();
            }
        }
    }

    /** A small creator from the tail (where view bots and farms hide). */
    Creator tail(RandomGenerator r, Kind kind) {
        List<Creator> of = creators.stream().filter(c -> c.kind() == kind).toList();
        List<Creator> list = of.isEmpty() ? creators : of;
        int from = list.size() / 2;
        return list.get(from + r.nextInt(list.size() - from));
    }

    /** The 95th percentile of list prices over the catalogue. */
    long p95Price() {
        long[] prices = creators.stream().mapToLong(Creator::unit).sorted().toArray();
        return prices[(int) Math.min(prices.length - 1, Math.ceil(0.95 * prices.length) - 1)];
    }
}
