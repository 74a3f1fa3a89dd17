package dev.farthing.bench.payments;

import java.util.concurrent.locks.LockSupport;

/**
 * A fixed-rate, open-loop schedule: payment {@code i} is due at {@code start + i / rate}, whether or not earlier
 * payments have been answered. One thread sends everything that is due, then sleeps briefly.
 */
public final class OpenLoop {
    /** Sends one payment that was due at {@code intendedNanos}; must not block for long. */
    public interface Sender {
        void send(long intendedNanos) throws Exception;
    }

    private OpenLoop() {
    }

    /** Runs for {@code seconds} at {@code perSecond}; returns the number of payments sent. */
    public static long run(double perSecond, double seconds, Sender sender) throws Exception {
        long periodNanos = Math.max(1, (long) (1e9 / perSecond));
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long sent = 0;
        while (true) {
            long now = System.nanoTime();
            if (now >= end) {
                return sent;
            }
            long due = (now - start) / periodNanos + 1;
            while (sent < due) {
                sender.send(start + sent * periodNanos);
                sent++;
            }
            LockSupport.parkNanos(Math.min(periodNanos, 20_000));
        }
    }
}
