package dev.farthing.customers.analytics;

import java.util.ArrayList;
import java.util.List;

/**
 * The public amount grid quantiles are read from: upper bounds 1, 2, 5, 10, 20, 50 ... minor units, up to the clip
 * (the last bound). A 1-2-5 series keeps the relative error of a quantile below 2.5× at any size of payment, and
 * does not depend on the data (it must not: the grid is released).
 */
final class Buckets {
    private Buckets() {
    }

    static long[] upperBounds(long clip) {
        List<Long> bounds = new ArrayList<>();
        for (long decade = 1; decade > 0 && decade < clip; decade = Math.multiplyExact(decade, 10L)) {
            for (long step : new long[] {1, 2, 5}) {
                long b = Math.multiplyExact(decade, step);
                if (b < clip) {
                    bounds.add(b);
                }
            }
            if (decade > Long.MAX_VALUE / 10) {
                break;
            }
        }
        bounds.add(clip);
        return bounds.stream().mapToLong(Long::longValue).toArray();
    }

    /** The first bucket whose upper bound is at least {@code amount} (amounts are already clipped to the last). */
    static int indexOf(long amount, long[] bounds) {
        for (int i = 0; i < bounds.length; i++) {
            if (amount <= bounds[i]) {
                return i;
            }
        }
        return bounds.length - 1;
    }
}
