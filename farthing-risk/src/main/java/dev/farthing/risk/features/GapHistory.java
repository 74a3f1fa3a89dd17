package dev.farthing.risk.features;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The last few payment times of one payer, for inter-arrival regularity: the coefficient of variation
 * (standard deviation / mean) of the gaps between consecutive payments in the last hour, counting the gap up
 * to the payment being scored. Scripts pay on a timer (CV near 0); people are bursty (CV near 1 or more).
 */
final class GapHistory {
    static final int MIN_GAPS = 3;

    private final long[] times;
    private int size;
    private int next;

    GapHistory(int capacity) {
        times = new long[capacity];
    }

    void add(long atNanos) {
        times[next] = atNanos;
        next = (next + 1) % times.length;
        size = Math.min(size + 1, times.length);
    }

    private long newest(int back) {
        return times[Math.floorMod(next - 1 - back, times.length)];
    }

    /** Seconds since the previous payment, NaN when none. */
    double sinceLastSeconds(long atNanos) {
        return size == 0 ? Double.NaN : (atNanos - newest(0)) / 1e9;
    }

    /**
     * Writes the gap CV and mean gap (seconds) within {@code windowNanos} before {@code atNanos} into out[0],
     * out[1]; NaN when fewer than {@link #MIN_GAPS} gaps. CV is 0 when every gap is 0.
     */
    void gapStats(long atNanos, long windowNanos, double[] out) {
        long since = atNanos - windowNanos;
        double sum = 0;
        double sumSq = 0;
        int gaps = 0;
        long later = atNanos;
        for (int i = 0; i < size; i++) {
            long t = newest(i);
            if (t < since || t > later) {
                break;
            }
            double gap = (later - t) / 1e9;
            sum += gap;
            sumSq += gap * gap;
            gaps++;
            later = t;
        }
        if (gaps < MIN_GAPS) {
            out[0] = Double.NaN;
            out[1] = Double.NaN;
            return;
        }
        double mean = sum / gaps;
        double variance = Math.max(0, sumSq / gaps - mean * mean);
        out[0] = mean == 0 ? 0 : Math.sqrt(variance) / mean;
        out[1] = mean;
    }

    void writeTo(DataOutput out) throws IOException {
        out.writeInt(size);
        for (int i = size - 1; i >= 0; i--) {
            out.writeLong(newest(i));
        }
    }

    void readFrom(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > times.length) {
            throw new IOException("gap history size out of range: " + n);
        }
        for (int i = 0; i < n; i++) {
            add(in.readLong());
        }
    }
}
