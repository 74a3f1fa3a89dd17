package dev.farthing.risk.features;

/** Bucket lengths and counts of the three windows (1 min, 1 h, 24 h), shared by every {@link SlidingWindows}. */
final class WindowGeometry {
    private final long[] bucketNanos;
    private final int[] buckets;
    private final int[] offsets;

    WindowGeometry(FeatureConfig config) {
        buckets = new int[] {config.bucketsPerMinute(), config.bucketsPerHour(), config.bucketsPerDay()};
        bucketNanos = new long[] {FeatureConfig.MINUTE / buckets[0], FeatureConfig.HOUR / buckets[1],
                FeatureConfig.DAY / buckets[2]};
        offsets = new int[] {0, buckets[0], buckets[0] + buckets[1]};
    }

    long bucketNanos(int window) {
        return bucketNanos[window];
    }

    int buckets(int window) {
        return buckets[window];
    }

    int offset(int window) {
        return offsets[window];
    }

    int totalBuckets() {
        return buckets[0] + buckets[1] + buckets[2];
    }
}
