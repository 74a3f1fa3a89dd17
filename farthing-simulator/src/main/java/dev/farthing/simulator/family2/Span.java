package dev.farthing.simulator.family2;

/** Nanosecond spans; family B keeps all of its times in epoch nanoseconds. */
final class Span {
    static final long SECOND = 1_000_000_000L;
    static final long MINUTE = 60 * SECOND;
    static final long HOUR = 60 * MINUTE;
    static final long DAY = 24 * HOUR;

    private Span() {
    }

    static long seconds(double s) {
        return (long) (s * SECOND);
    }
}
