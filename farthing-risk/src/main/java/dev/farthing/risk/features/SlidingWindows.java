package dev.farthing.risk.features;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Counts and sums of one entity's payments over the 1 min, 1 h and 24 h windows, each a ring of buckets
 * (granularity in {@link FeatureConfig}). A window at t covers the bucket holding t and the buckets before it.
 * Reading never changes state; events older than a ring are dropped; sums saturate at Long.MAX_VALUE.
 */
final class SlidingWindows {
    static final int MINUTE = 0;
    static final int HOUR = 1;
    static final int DAY = 2;

    private final WindowGeometry geometry;
    /** Per bucket two cells, count then sum, side by side so one cache line serves both. */
    private final long[] cells;
    /** Absolute index (time / bucket length) of the newest bucket per window; Long.MIN_VALUE when empty. */
    private final long[] heads = {Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE};
    /** Per window the count and sum over every bucket the ring holds, so reads are O(1) when time moved on little. */
    private final long[] totals = new long[6];

    SlidingWindows(WindowGeometry geometry) {
        this.geometry = geometry;
        this.cells = new long[2 * geometry.totalBuckets()];
    }

    void add(long atNanos, long amount) {
        for (int w = 0; w < 3; w++) {
            long bucket = Math.floorDiv(atNanos, geometry.bucketNanos(w));
            advance(w, bucket);
            if (bucket > heads[w] - geometry.buckets(w)) {
                int cell = cell(w, bucket);
                cells[cell] = Math.min(cells[cell] + 1, Integer.MAX_VALUE);
                cells[cell + 1] = saturatingAdd(cells[cell + 1], amount);
                totals[2 * w] = Math.min(totals[2 * w] + 1, Integer.MAX_VALUE);
                totals[2 * w + 1] = saturatingAdd(totals[2 * w + 1], amount);
            }
        }
    }

    private void advance(int w, long bucket) {
        if (heads[w] == Long.MIN_VALUE) {
            heads[w] = bucket;
            return;
        }
        if (bucket <= heads[w]) {
            return;
        }
        long steps = Math.min(bucket - heads[w], geometry.buckets(w));
        for (long i = 1; i <= steps; i++) {
            int cell = cell(w, heads[w] + i);
            totals[2 * w] -= cells[cell];
            totals[2 * w + 1] -= cells[cell + 1];
            cells[cell] = 0;
            cells[cell + 1] = 0;
        }
        heads[w] = bucket;
    }

    int count(int w, long atNanos) {
        return (int) Math.min(total(w, atNanos, 0), Integer.MAX_VALUE);
    }

    long sum(int w, long atNanos) {
        return total(w, atNanos, 1);
    }

    /**
     * Count (which = 0) or sum (1) over the buckets of the window at t that the ring still holds: the running
     * total minus the buckets that t has pushed out, or a plain loop when t lies before the newest bucket.
     */
    private long total(int w, long atNanos, int which) {
        if (heads[w] == Long.MIN_VALUE) {
            return 0;
        }
        int n = geometry.buckets(w);
        long now = Math.floorDiv(atNanos, geometry.bucketNanos(w));
        long head = heads[w];
        if (now >= head) {
            if (now - head >= n) {
                return 0;
            }
            long total = totals[2 * w + which];
            for (long b = head - n + 1; b <= now - n; b++) {
                total -= cells[cell(w, b) + which];
            }
            return total;
        }
        long total = 0;
        for (long b = Math.max(now - n + 1, head - n + 1); b <= now; b++) {
            total = saturatingAdd(total, cells[cell(w, b) + which]);
        }
        return total;
    }

    private int cell(int w, long bucket) {
        return 2 * (geometry.offset(w) + (int) Math.floorMod(bucket, (long) geometry.buckets(w)));
    }

    private static long saturatingAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? (a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : r;
    }

    void writeTo(DataOutput out) throws IOException {
        for (long head : heads) {
            out.writeLong(head);
        }
        for (long cell : cells) {
            out.writeLong(cell);
        }
    }

    void readFrom(DataInput in) throws IOException {
        for (int w = 0; w < 3; w++) {
            heads[w] = in.readLong();
        }
        java.util.Arrays.fill(totals, 0);
        for (int i = 0; i < cells.length; i++) {
            cells[i] = in.readLong();
            if (i % 2 == 0 && (cells[i] < 0 || cells[i] > Integer.MAX_VALUE)) {
                throw new IOException("window count out of range");
            }
        }
        for (int w = 0; w < 3; w++) {
            for (int b = 0; b < geometry.buckets(w); b++) {
                int cell = 2 * (geometry.offset(w) + b);
                totals[2 * w] += cells[cell];
                totals[2 * w + 1] = saturatingAdd(totals[2 * w + 1], cells[cell + 1]);
            }
        }
    }
}
