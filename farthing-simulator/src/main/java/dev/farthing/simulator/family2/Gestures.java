package dev.farthing.simulator.family2;

import dev.farthing.contracts.payment.PaymentContext.Telemetry;

import java.util.random.RandomGenerator;

/**
 * Family B's telemetry. Browsers measure with {@code performance.now()}, so intervals are fractional
 * milliseconds; the in-process {@code PaymentContext} holds whole milliseconds, so they are rounded here as
 * the API does. People type with gamma-distributed intervals; scripts either replay one recorded human
 * sample (telemetry then looks human) or emit a crude constant rhythm.
 */
final class Gestures {
    private Gestures() {
    }

    static Telemetry human(RandomGenerator r, boolean touch, boolean typed) {
        int keys = typed ? 4 + r.nextInt(40) : r.nextDouble() < 0.2 ? 1 + r.nextInt(6) : 0;
        double mean = r.nextDouble(90, 320);
        double shape = r.nextDouble(1.8, 4.5);
        double[] ms = new double[keys];
        for (int i = 0; i < keys; i++) {
            ms[i] = Math.max(12.0, gamma(r, shape) * mean / shape) + r.nextDouble() * 0.1;
        }
        if (touch) {
            return new Telemetry(rounded(ms), null, null, Math.round(r.nextDouble(0.004, 0.09) * 1e6) / 1e6);
        }
        int moves = 1 + (int) (r.nextExponential() * 45);
        double straight = Math.max(0.1, Math.min(0.95, 0.35 + r.nextDouble() * 0.45));
        return new Telemetry(rounded(ms), moves, Math.round(straight * 1e4) / 1e4, null);
    }

    /** One human-looking sample a script records once and then replays on every payment. */
    static Telemetry recorded(RandomGenerator r, boolean touch) {
        return human(r, touch, r.nextBoolean());
    }

    /** A crude script: near-constant fractional intervals, straight pointer paths, flat pressure. */
    static Telemetry crude(RandomGenerator r, boolean touch) {
        int keys = r.nextInt(10);
        double base = r.nextDouble(16, 60);
        double[] ms = new double[keys];
        for (int i = 0; i < keys; i++) {
            ms[i] = base + r.nextDouble(-0.8, 0.8);
        }
        if (touch) {
            return new Telemetry(rounded(ms), null, null, r.nextDouble(0, 0.0008));
        }
        return new Telemetry(rounded(ms), r.nextInt(4), 0.985 + r.nextDouble(0.015), null);
    }

    private static int[] rounded(double[] ms) {
        int[] out = new int[ms.length];
        for (int i = 0; i < ms.length; i++) {
            out[i] = (int) Math.round(ms[i]);
        }
        return out;
    }

    /** Marsaglia-Tsang gamma(shape, 1) for shape >= 1. */
    private static double gamma(RandomGenerator r, double shape) {
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = r.nextGaussian();
            double v = Math.pow(1 + c * x, 3);
            if (v > 0 && Math.log(r.nextDouble()) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }
}
