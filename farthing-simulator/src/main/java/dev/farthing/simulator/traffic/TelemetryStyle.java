package dev.farthing.simulator.traffic;

import dev.farthing.contracts.payment.PaymentContext.Telemetry;
import dev.farthing.simulator.world.Device;

import java.util.random.RandomGenerator;

/**
 * Behavioural telemetry as clients report it. People type with irregular rhythm (log-normal intervals),
 * move pointers along curved paths and press screens unevenly; scripts type at a metronome, move in straight
 * lines and press with constant force. {@code stealth} (0..1) is how hard a script tries to look human.
 */
public final class TelemetryStyle {
    private TelemetryStyle() {
    }

    /** A person's telemetry; {@code typed} when they wrote something (a tip message, a search). */
    public static Telemetry human(Device device, boolean typed, RandomGenerator random) {
        int keys = typed ? 6 + random.nextInt(30) : random.nextDouble() < 0.3 ? 1 + random.nextInt(4) : 0;
        int[] intervals = new int[keys];
        double median = random.nextDouble(100, 220);
        for (int i = 0; i < keys; i++) {
            intervals[i] = (int) Math.max(25, Math.min(2_000, median * Math.exp(random.nextGaussian() * 0.45)));
        }
        if (device.touch()) {
            double pressure = Math.exp(random.nextGaussian() * 0.6 + Math.log(0.02));
            return new Telemetry(intervals, null, null, ContextBuilder.round(pressure, 1e6));
        }
        int moves = 3 + (int) (random.nextExponential() * 30);
        double straightness = Math.max(0.05, Math.min(0.97, random.nextGaussian() * 0.12 + 0.55));
        return new Telemetry(intervals, moves, ContextBuilder.round(straightness, 1e4), null);
    }

    /** A script's telemetry: the more stealth, the more noise it adds, but never a person's spread. */
    public static Telemetry scripted(Device device, double stealth, RandomGenerator random) {
        int keys = random.nextDouble() < 0.5 ? 4 + random.nextInt(12) : 0;
        int[] intervals = new int[keys];
        double base = random.nextDouble(35, 90 + 60 * stealth);
        double spread = 0.02 + 0.2 * stealth;
        for (int i = 0; i < keys; i++) {
            intervals[i] = (int) Math.max(5, base * (1 + random.nextGaussian() * spread));
        }
        if (device.touch()) {
            double pressure = stealth < 0.5 ? 0.0 : random.nextDouble(0, 0.004 * stealth);
            return new Telemetry(intervals, null, null, ContextBuilder.round(pressure, 1e6));
        }
        int moves = stealth < 0.5 ? random.nextInt(3) : 2 + random.nextInt(12);
        double straightness = Math.min(1.0, 1.0 - stealth * random.nextDouble(0.0, 0.2));
        return new Telemetry(intervals, moves, ContextBuilder.round(straightness, 1e4), null);
    }
}
