package dev.farthing.simulator.traffic;

import java.util.random.RandomGenerator;

/**
 * When people are active, by local hour: quiet at night, a morning commute, lunch, and an evening peak.
 * Each person shifts the curve by their own chronotype.
 */
public final class DailyRhythm {
    private static final double[] WEIGHTS = {0.6, 0.35, 0.2, 0.15, 0.15, 0.25, 0.6, 1.2, 1.6, 1.3, 1.1, 1.2,
            1.5, 1.4, 1.1, 1.0, 1.1, 1.3, 1.6, 2.0, 2.3, 2.2, 1.7, 1.1};
    private static final double TOTAL;

    static {
        double t = 0;
        for (double w : WEIGHTS) {
            t += w;
        }
        TOTAL = t;
    }

    private DailyRhythm() {
    }

    /** A local minute of the day (0..1439) drawn from the curve, shifted by {@code shiftMinutes}. */
    public static int localMinute(RandomGenerator random, int shiftMinutes) {
        double x = random.nextDouble(TOTAL);
        int hour = 0;
        while (hour < 23 && x >= WEIGHTS[hour]) {
            x -= WEIGHTS[hour];
            hour++;
        }
        int minute = hour * 60 + random.nextInt(60) + shiftMinutes;
        return Math.floorMod(minute, 1440);
    }

    /** Poisson-distributed count with the given mean (Knuth; means here are small). */
    public static int poisson(RandomGenerator random, double mean) {
        double limit = Math.exp(-mean);
        double p = random.nextDouble();
        int k = 0;
        while (p > limit && k < 1000) {
            p *= random.nextDouble();
            k++;
        }
        return k;
    }
}
